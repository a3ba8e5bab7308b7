using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Tests;

/// <summary>The insights page (tables, SVG charts with their data) and the reports page (who downloads what, the figures check).</summary>
public sealed partial class InsightsAndReportsTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Insights_Default_AllCrimeForceWithRollingTableAndChartsWithData()
    {
        var client = await site.SignInAsync("viewer");

        var html = await client.GetStringAsync("/insights");

        await using var db = site.Db();
        var areas = await db.Observations.Where(o => o.Measure.Name == "All crime" && o.Kind == PeriodKind.Month).Select(o => o.AreaId).Distinct().CountAsync();
        var table = Regex.Match(html, "<table class=\"govuk-table\" id=\"rolling12\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(areas, Regex.Matches(table, "<tr class=\"govuk-table__row\">").Count - 1);
        Assert.Matches("(significant (increase|decrease)|no significant change)", table);
        Assert.Equal(2, Regex.Matches(html, "<svg [^>]*role=\"img\"").Count);
        Assert.Contains("id=\"monthly-data\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"spc-data\"", html, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"spc-desc\">SPC chart of All crime for Essex Police", html, StringComparison.Ordinal);
        var march = await db.Observations.Where(o => o.Measure.Name == "All crime" && o.Area.Name == "Essex Police" && o.Kind == PeriodKind.Month)
            .OrderByDescending(o => o.Period).Select(o => o.Value).FirstAsync();
        var data = Regex.Match(html, "id=\"monthly-data\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"Mar 2024</th>\n                                <td class=\"govuk-table__cell govuk-table__cell--numeric\">{((long)march).ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture)}</td>", data, StringComparison.Ordinal);
        Assert.Equal(Scrutineer.Web.Pages.Insights.IndexModel.ChartMonths, Regex.Matches(data, "<th scope=\"row\"").Count);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insights_ChosenMeasureAreaAndMonth_ShowsThose()
    {
        var client = await site.SignInAsync("contributor.north");

        var html = await client.GetStringAsync("/insights?measure=Knife+crime&area=North&to=2023-12");

        Assert.Contains("<title>Insights: Knife crime, North", html, StringComparison.Ordinal);
        Assert.Contains("January 2023 to December 2023", html, StringComparison.Ordinal);
        Assert.Contains(">Dec 2023</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Jan 2024</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insights_BadMonth_FormError()
    {
        var client = await site.SignInAsync("viewer");

        var html = await client.GetStringAsync("/insights?to=March");

        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#to\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_Viewer_ListsOnlyPublishedRoundsAndNoFiguresCheck()
    {
        var client = await site.SignInAsync("viewer");

        var html = await client.GetStringAsync("/reports");

        await using var db = site.Db();
        var rounds = await db.Rounds.Select(r => new { r.Id, r.State }).ToListAsync();
        Assert.Contains(rounds, r => r.State == RoundState.Published);
        Assert.All(rounds, r => Assert.Equal(r.State == RoundState.Published, html.Contains($"<option value=\"{r.Id}\">", StringComparison.Ordinal)));
        Assert.DoesNotContain("id=\"figures-check\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"full\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_ViewerPublicPublishedDocx_ReturnsTheWordFile()
    {
        var round = await RoundAsync(RoundState.Published);
        var client = await site.SignInAsync("viewer");

        var response = await client.GetAsync($"/reports/download?report=quarterly&round={round}&format=docx&version=public");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith("-public.docx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }

    [Theory]
    [InlineData("viewer", RoundState.Published, "full")]
    [InlineData("viewer", RoundState.Open, "public")]
    [InlineData("contributor.north", RoundState.Open, "public")]
    [InlineData("reviewer", RoundState.Published, "full")]
    public async Task Download_NotAllowed_NotFound(string user, RoundState state, string version)
    {
        var round = await RoundAsync(state);
        var client = await site.SignInAsync(user);

        var response = await client.GetAsync($"/reports/download?report=quarterly&round={round}&format=html&version={version}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Download_AnalystFullHtmlOfOpenRound_ReturnsTheReport()
    {
        var round = await RoundAsync(RoundState.Open);
        var client = await site.SignInAsync("analyst");

        var response = await client.GetAsync($"/reports/download?report=quarterly&round={round}&format=html&version=full");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Priority 1", html, StringComparison.Ordinal);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.DispositionType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_AnalystStrategyHtml_HoldsTheProgressTable()
    {
        var round = await RoundAsync(RoundState.Published);
        var client = await site.SignInAsync("analyst");

        var response = await client.GetAsync($"/reports/download?report=strategy&round={round}&format=html&version=public");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<svg", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report=minutes&format=docx")]
    [InlineData("report=quarterly&format=odt")]
    [InlineData("report=quarterly&format=1")]
    public async Task Download_UnknownReportOrFormat_BadRequest(string query)
    {
        var round = await RoundAsync(RoundState.Published);
        var client = await site.SignInAsync("analyst");

        var response = await client.GetAsync($"/reports/download?{query}&round={round}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task FiguresCheck_Analyst_ListedAndShown_ViewerDenied()
    {
        var round = await RoundAsync(RoundState.Open);
        var analyst = await site.SignInAsync("analyst");
        var viewer = await site.SignInAsync("viewer");

        var list = await analyst.GetStringAsync("/reports");
        var page = await analyst.GetAsync($"/reports/check/{round}");
        var denied = await viewer.GetAsync($"/reports/check/{round}");

        Assert.Contains($"href=\"/reports/check/{round}\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Matches("(id=\"no-findings\"|id=\"findings\")", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/access-denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<int> RoundAsync(RoundState state)
    {
        await using var db = site.Db();
        return await db.Rounds.Where(r => r.State == state).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync();
    }
}
