using System.Net;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Tests;

/// <summary>The strategy report's cover details on the Reports page: fields in the form, printed on the cover, a bad date refused.</summary>
public sealed class StrategyReportCoverTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Reports_Analyst_FormHasTheFiveCoverFields()
    {
        var client = await site.SignInAsync("analyst");

        var html = await client.GetStringAsync("/reports");

        var start = html.IndexOf("<form method=\"get\" action=\"/reports/download\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The download form is missing.");
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        foreach (var (name, label) in new[] { ("agenda", "Agenda number"), ("meeting", "Date of meeting"), ("paperVersion", "Version number"), ("written", "Date paper was written"), ("approved", "Date of approval") })
        {
            Assert.Contains($"<label class=\"govuk-label\" for=\"{name}\">{label}</label>", form, StringComparison.Ordinal);
            Assert.Contains($"id=\"{name}\" name=\"{name}\"", form, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Download_StrategyWithCoverDetails_PrintedOnTheCover()
    {
        var round = await PublishedRoundAsync();
        var client = await site.SignInAsync("analyst");

        var response = await client.GetAsync($"/reports/download?report=strategy&round={round}&format=html&version=public&agenda=7.1&meeting=30%2F04%2F2024&paperVersion=V4&written=2024-04-16&approved=22%2F04%2F2024");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("Agenda Number:</th><td[^>]*>7\\.1<", html);
        Assert.Matches("Date of Meeting:</th><td[^>]*>30/04/2024<", html);
        Assert.Matches("Version Number:</th><td[^>]*>V4<", html);
        Assert.Matches("Date Paper was Written:</th><td[^>]*>16/04/2024<", html);
        Assert.Matches("Date of Approval:</th><td[^>]*>22/04/2024<", html);
    }

    [Fact]
    public async Task Download_StrategyMeetingNotARealDate_SaysSoAndNoFile()
    {
        var round = await PublishedRoundAsync();
        var client = await site.SignInAsync("analyst");

        var response = await client.GetAsync($"/reports/download?report=strategy&round={round}&format=docx&version=public&meeting=31%2F02%2F2024");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1 class=\"govuk-heading-l\">There is a problem with the cover details</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"govuk-body\" id=\"report-problem\">Date of meeting must be a real date, such as 27/03/2024</p>", html, StringComparison.Ordinal);
    }

    private async Task<int> PublishedRoundAsync()
    {
        await using var db = site.Db();
        return await db.Rounds.Where(r => r.State == RoundState.Published).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync();
    }
}
