using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Periods;
using Scrutineer.Testing;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The web server's warm Chromium (decisions 0144, 0184): with one print at a time (held by the test while the downloads
/// arrive; the per-account limit on reports in progress is raised above three so it does not refuse first), downloads
/// of different PDFs beyond the limit wait their turn and all come out whole, one printing at a time; downloads of the
/// same PDF at once share one print; a browser that is killed is replaced on the next download.
/// </summary>
public sealed class PdfPrintingTests : IAsyncLifetime
{
    private readonly DemoSite site = DemoSite.On(DemoSite.DefaultProvider, new Dictionary<string, string> { ["Pdf:Prints"] = "1", ["Pdf:Queue"] = "8", ["Reports:PerUserLimit"] = "4" });

    public Task InitializeAsync() => site.InitializeAsync();

    public Task DisposeAsync() => site.DisposeAsync();

    [Fact]
    public async Task Download_ThreeDifferentPdfsAtOnceWithOnePrintAllowed_QueuedAndEveryOneAWholeReport()
    {
        var round = await RoundAsync("Q2 2023/24");
        var analyst = await site.SignInAsync("analyst");
        var pool = site.Factory.Services.GetRequiredService<ChromiumPool>();

        var hold = await pool.HoldAsync(CancellationToken.None);
        var downloads = new[] { "report=quarterly&version=public", "report=quarterly&version=full", "report=strategy&version=public" }
            .Select(which => analyst.GetAsync($"/reports/download?{which}&round={round}&format=pdf")).ToList();
        var queued = await QueuedAsync(pool, 3, downloads);
        await hold.DisposeAsync();
        var responses = await Task.WhenAll(downloads);

        await AssertWholeAsync(responses);
        Assert.Equal(3, queued);
        Assert.Equal(1, pool.MostPrintingAtOnce);
        Assert.Equal(3, pool.MostWaitingAtOnce);
        Assert.Equal(0, pool.PrintsShared);
        Assert.Equal(1, pool.BrowsersStarted);
    }

    [Fact]
    public async Task Download_SamePdfThreeTimesAtOnce_OnePrintSharedAndEveryOneAWholeReport()
    {
        var round = await RoundAsync("Q2 2023/24");
        var analyst = await site.SignInAsync("analyst");
        var admin = await site.SignInAsync("admin");
        var pool = site.Factory.Services.GetRequiredService<ChromiumPool>();
        var url = $"/reports/download?report=quarterly&round={round}&format=pdf&version=full";
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(url)).StatusCode); // its contents pages are now known

        var hold = await pool.HoldAsync(CancellationToken.None);
        var downloads = new[] { analyst, admin, analyst }.Select(user => user.GetAsync(url)).ToList();
        var queued = await QueuedAsync(pool, 1, downloads);
        var waited = Stopwatch.StartNew();
        while (pool.Sharing < 2 && waited.Elapsed < TimeSpan.FromMinutes(5) && !downloads.Any(d => d.IsCompleted))
        {
            await Task.Delay(100); // the other two reach the printer and find the same page printing
        }

        var sharing = pool.Sharing;
        await hold.DisposeAsync();
        var responses = await Task.WhenAll(downloads);

        await AssertWholeAsync(responses);
        Assert.Equal(1, queued);
        Assert.Equal(2, sharing);
        Assert.Equal(2, pool.PrintsShared);
        var files = await Task.WhenAll(responses.Select(r => r.Content.ReadAsByteArrayAsync()));
        Assert.All(files, f => Assert.Equal(files[0], f));
    }

    /// <summary>How many prints wait for a tab once <paramref name="expected"/> do (or a download ends, or five minutes pass).</summary>
    private static async Task<int> QueuedAsync(ChromiumPool pool, int expected, IReadOnlyList<Task<HttpResponseMessage>> downloads)
    {
        var waited = Stopwatch.StartNew();
        while (pool.Waiting < expected && waited.Elapsed < TimeSpan.FromMinutes(5) && !downloads.Any(d => d.IsCompleted))
        {
            await Task.Delay(100);
        }

        return pool.Waiting;
    }

    private static async Task AssertWholeAsync(IEnumerable<HttpResponseMessage> responses)
    {
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var pages = await PdfText.PagesAsync(await response.Content.ReadAsByteArrayAsync());
            Assert.True(pages.Count > 3, $"The PDF has {pages.Count} pages.");
            Assert.Contains("Contents", pages[1] + pages[0], StringComparison.Ordinal);
            Assert.Contains($"Page {pages.Count} of {pages.Count}", pages[^1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Download_AfterTheBrowserIsKilled_ANewBrowserPrintsIt()
    {
        var round = await RoundAsync("Q1 2023/24");
        var analyst = await site.SignInAsync("analyst");
        var pool = site.Factory.Services.GetRequiredService<ChromiumPool>();
        var url = $"/reports/download?report=strategy&round={round}&format=pdf&version=public";
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync(url)).StatusCode);
        var first = pool.BrowserProcessId ?? throw new InvalidOperationException("No browser is running after a PDF.");

        using (var browser = Process.GetProcessById(first))
        {
            browser.Kill(entireProcessTree: true);
            await browser.WaitForExitAsync();
        }

        var again = await analyst.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotEmpty(await PdfText.PagesAsync(await again.Content.ReadAsByteArrayAsync()));
        Assert.Equal(2, pool.BrowsersStarted);
        Assert.NotEqual(first, pool.BrowserProcessId);
    }

    private async Task<int> RoundAsync(string period)
    {
        var quarter = FinancialQuarter.Parse(period);
        await using var db = site.Db();
        var rounds = await db.Rounds.Select(r => new { r.Id, r.Period }).ToListAsync();
        return rounds.Single(r => r.Period == quarter).Id;
    }
}
