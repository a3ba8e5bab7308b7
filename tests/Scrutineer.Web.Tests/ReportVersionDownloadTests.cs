using System.Net;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Periods;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The Reports page and the download: the full version only for accounts cleared to read every record's
/// OFFICIAL-SENSITIVE text (and marked for it), the public version for everyone once the round is published.
/// </summary>
public sealed class ReportVersionDownloadTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string SensitiveWords = "further lines were closed after covert work";

    [Fact]
    public async Task Download_AnalystQ2_FullHoldsTheSensitivePartMarkedAndPublicLeavesItOut()
    {
        var round = await RoundAsync("Q2 2023/24");
        var analyst = await site.SignInAsync("analyst");

        var full = await analyst.GetAsync($"/reports/download?report=quarterly&round={round}&format=html&version=full");
        var open = await analyst.GetAsync($"/reports/download?report=quarterly&round={round}&format=html&version=public");

        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("OFFICIAL-SENSITIVE", full.Headers.GetValues(PageClassification.Header).Single());
        var fullHtml = await full.Content.ReadAsStringAsync();
        Assert.Contains(SensitiveWords, fullHtml, StringComparison.Ordinal);
        Assert.Contains("<p><strong>OFFICIAL-SENSITIVE</strong></p>", fullHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal("OFFICIAL", open.Headers.GetValues(PageClassification.Header).Single());
        var openHtml = await open.Content.ReadAsStringAsync();
        Assert.DoesNotContain(SensitiveWords, openHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("OFFICIAL-SENSITIVE", openHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_ViewerGrantedSensitive_OfferedAndGivenTheFullVersionOfAPublishedRound()
    {
        await AllowSensitiveAsync("viewer", true);
        var round = await RoundAsync("Q2 2023/24");
        var viewer = await site.SignInAsync("viewer");

        var page = await viewer.GetStringAsync("/reports");
        var full = await viewer.GetAsync($"/reports/download?report=quarterly&round={round}&format=html&version=full");

        Assert.Contains("value=\"full\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Contains(SensitiveWords, await full.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_AdministratorWithoutSensitive_PublicOnlyAndFullNotFound()
    {
        await AllowSensitiveAsync("admin", false);
        var round = await RoundAsync("Q2 2023/24");
        var admin = await site.SignInAsync("admin");

        var page = await admin.GetStringAsync("/reports");
        var full = await admin.GetAsync($"/reports/download?report=quarterly&round={round}&format=html&version=full");
        var open = await admin.GetAsync($"/reports/download?report=quarterly&round={round}&format=html&version=public");

        Assert.DoesNotContain("value=\"full\"", page, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"version\" value=\"public\">", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, full.StatusCode);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task Download_UnknownVersion_BadRequest()
    {
        var round = await RoundAsync("Q2 2023/24");
        var analyst = await site.SignInAsync("analyst");

        var response = await analyst.GetAsync($"/reports/download?report=quarterly&round={round}&format=html&version=secret");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<int> RoundAsync(string period)
    {
        var quarter = FinancialQuarter.Parse(period);
        await using var db = site.Db();
        var rounds = await db.Rounds.Select(r => new { r.Id, r.Period }).ToListAsync();
        return rounds.Single(r => r.Period == quarter).Id;
    }

    private async Task AllowSensitiveAsync(string userName, bool allowed)
    {
        await using var db = site.Db();
        var account = await db.Accounts.SingleAsync(a => a.UserName == userName);
        account.AllowSensitive(allowed);
        await db.SaveChangesAsync();
    }
}
