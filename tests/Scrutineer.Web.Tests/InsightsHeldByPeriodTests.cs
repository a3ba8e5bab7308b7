using System.Net;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Web.Tests;

/// <summary>
/// Measures that are not monthly counts show on Insights as they are held: a quarterly survey by quarter beside the same
/// quarter a year before, and a headcount without a rolling 12-month total that would add it up.
/// </summary>
public sealed class InsightsHeldByPeriodTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Insights_QuarterlyPercentage_ShownByQuarterWithTheYearBefore()
    {
        decimal latest, yearBefore;
        string label;
        await using (var db = site.Db())
        {
            var held = (await db.Observations.AsNoTracking().Where(o => o.Measure.Name == "Victim satisfaction" && o.Kind == PeriodKind.Quarter)
                .Select(o => new { o.Period, o.Value }).ToListAsync()).OrderBy(o => o.Period).ToList();
            Assert.True(held.Count >= 8, "The demo holds years of quarterly satisfaction.");
            (latest, label) = (held[^1].Value, held[^1].Period.FinancialQuarter.ToString());
            yearBefore = held.Single(o => o.Period == held[^1].Period.Plus(-12)).Value;
        }

        var viewer = await site.SignInAsync("viewer");
        var response = await viewer.GetAsync("/insights?measure=Victim+satisfaction");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Each quarter: Victim satisfaction", html, StringComparison.Ordinal);
        Assert.Contains("Victim satisfaction is a percentage, so it is not added up", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing has data for all 24 months", html, StringComparison.Ordinal);
        var row = System.Text.RegularExpressions.Regex.Match(html, $"<th scope=\"row\" class=\"govuk-table__header\">{System.Text.RegularExpressions.Regex.Escape(label)}</th>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(row.Success, $"No row for {label}.");
        var change = Math.Round(latest - yearBefore, 1, MidpointRounding.AwayFromZero);
        var cells = WebUtility.HtmlDecode(row.Groups[1].Value);
        Assert.Contains(Scrutineer.Web.Performance.InsightCharts.Number(latest), cells, StringComparison.Ordinal);
        Assert.Contains((change > 0 ? "+" : change < 0 ? "\u2212" : "") + Math.Abs(change).ToString("N1", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) + " point", cells, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insights_Headcount_NoRollingTotal_ButItsMonthlyChart()
    {
        var viewer = await site.SignInAsync("viewer");

        var html = await viewer.GetStringAsync("/insights?measure=Police+officers");

        Assert.Contains("Police officers is a headcount at a date, so it is not added up", html, StringComparison.Ordinal);
        Assert.Contains("id=\"monthly-chart\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing has data for all 24 months", html, StringComparison.Ordinal);
    }
}
