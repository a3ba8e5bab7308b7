using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Periods;
using Scrutineer.Testing;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The web server's warm Chromium (decision 0144): with one print at a time (held by the test while the downloads
/// arrive; the per-account limit on reports in progress is raised above three so it does not refuse first), PDF
/// downloads beyond the limit wait their turn and all come out whole, one printing at a time; a browser
/// that is killed is replaced on the next download.
/// </summary>
public sealed class PdfPrintingTests : IAsyncLifetime
{
    private readonly DemoSite site = DemoSite.On(DemoSite.DefaultProvider, new Dictionary<string, string> { ["Pdf:Prints"] = "1", ["Pdf:Queue"] = "8", ["Reports:PerUserLimit"] = "4" });

    public Task InitializeAsync() => site.InitializeAsync();

    public Task DisposeAsync() => site.DisposeAsync();

    [Fact]
    public async Task Download_ThreePdfsAtOnceWithOnePrintAllowed_QueuedAndEveryOneAWholeReport()
    {
        var round = await RoundAsync("Q2 2023/24");
        var analyst = await site.SignInAsync("analyst");
        var pool = site.Factory.Services.GetRequiredService<ChromiumPool>();

        var hold = await pool.HoldAsync(CancellationToken.None);
        var downloads = Enumerable.Range(0, 3).Select(_ =>
            analyst.GetAsync($"/reports/download?report=quarterly&round={round}&format=pdf&version=public")).ToList();
        var waited = Stopwatch.StartNew();
        while (pool.Waiting < 3 && waited.Elapsed < TimeSpan.FromMinutes(5) && !downloads.Any(d => d.IsCompleted))
        {
            await Task.Delay(100);
        }

        var queued = pool.Waiting;
        await hold.DisposeAsync();
        var responses = await Task.WhenAll(downloads);

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var pages = await PdfText.PagesAsync(await response.Content.ReadAsByteArrayAsync());
            Assert.True(pages.Count > 3, $"The PDF has {pages.Count} pages.");
            Assert.Contains("Contents", pages[1] + pages[0], StringComparison.Ordinal);
            Assert.Contains($"Page {pages.Count} of {pages.Count}", pages[^1], StringComparison.Ordinal);
        }

        Assert.Equal(3, queued);
        Assert.Equal(1, pool.MostPrintingAtOnce);
        Assert.Equal(3, pool.MostWaitingAtOnce);
        Assert.Equal(1, pool.BrowsersStarted);
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
