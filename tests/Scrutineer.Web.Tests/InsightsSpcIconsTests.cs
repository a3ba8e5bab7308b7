using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The insights page's SPC chart marks special-cause months as Making Data Count does: a marker of their own on the chart,
/// a variation icon in the data table and beside the heading for the latest month, and a key.
/// </summary>
public sealed partial class InsightsSpcIconsTests(DemoSite site) : IClassFixture<DemoSite>, IAsyncLifetime
{
    private const string Measure = "Test burglaries";
    private static readonly ReportingMonth Last = new(2024, 3);

    /// <summary>
    /// 36 months to March 2024 of a count where lower is better, alternating 90 and 110 about the mean, with 10 in
    /// November 2022 (below the lower limit: an improvement, low) and 300 in March 2024 (above the upper limit: a concern, high).
    /// </summary>
    public async Task InitializeAsync()
    {
        await using var db = site.Db();
        if (await db.Measures.AnyAsync(m => m.Name == Measure))
        {
            return; // the class's tests share one site, and each test runs this first.
        }

        var force = await db.Areas.SingleAsync(a => a.Name == "Essex Police");
        var measure = new Measure(Measure, "crimes", MeasureKind.Count, BetterDirection.Lower, "", "test");
        db.Measures.Add(measure);
        for (var i = 0; i < 36; i++)
        {
            var month = Last.Plus(i - 35);
            var value = i == 35 ? 300 : i == 19 ? 10 : i % 2 == 0 ? 90 : 110;
            db.Observations.Add(new Observation(measure, force, PeriodKind.Month, month, value));
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Insights_SpecialCauseMonths_IconInTheirRowsWithTheirNames_CommonCauseMonthsNone()
    {
        var html = await PageAsync();

        var data = Regex.Match(html, "id=\"spc-data\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("role=\"img\" aria-label=\"Special cause variation: concern (high)\"", Row(data, "Mar 2024"), StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-label=\"Special cause variation: improvement (low)\"", Row(data, "Nov 2022"), StringComparison.Ordinal);
        Assert.DoesNotContain("app-spc-icon", Row(data, "Oct 2022"), StringComparison.Ordinal);
        Assert.Contains("common cause variation", Row(data, "Oct 2022"), StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(data, "class=\"app-spc-icon\" role=\"img\"").Count);
    }

    [Fact]
    public async Task Insights_LatestMonthSpecialCause_IconBesideTheHeadingAndSaidInWords()
    {
        var html = await PageAsync();

        var heading = Regex.Match(html, "<h2 class=\"govuk-heading-l\" id=\"spc-heading\">(.*?)</h2>", RegexOptions.Singleline).Groups[1].Value;
        Assert.StartsWith($"SPC chart: {Measure}, ", heading, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-label=\"Special cause variation: concern (high)\"", heading, StringComparison.Ordinal);
        Assert.Contains(">H</text>", heading, StringComparison.Ordinal);
        Assert.Contains("March 2024, the latest month, shows special cause variation: concern (high).", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insights_LatestMonthCommonCause_CommonCauseIconWithoutLetter()
    {
        var html = await PageAsync(to: "2024-02");

        var heading = Regex.Match(html, "<h2 class=\"govuk-heading-l\" id=\"spc-heading\">(.*?)</h2>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("role=\"img\" aria-label=\"Common cause variation\"", heading, StringComparison.Ordinal);
        Assert.DoesNotContain("<text", heading, StringComparison.Ordinal);
        Assert.Contains("February 2024, the latest month, shows common cause variation.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insights_SpcChart_SpecialCausePointsDrawnInTheirOwnShapeAndColour()
    {
        var html = await PageAsync();

        var svg = Regex.Match(html, "<svg [^>]*aria-labelledby=\"spc-title spc-desc\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.Matches("<polygon points=\"[^\"]+\" fill=\"#f47738\"[^>]*class=\"spc-concern\"><title>Mar 2024: 300; special cause variation: concern \\(high\\)</title>", svg);
        Assert.Matches("<polygon points=\"[^\"]+\" fill=\"#1d70b8\"[^>]*class=\"spc-improvement\"><title>Nov 2022: 10; special cause variation: improvement \\(low\\)</title>", svg);
        Assert.Matches("<circle [^>]*class=\"spc-common\"><title>Oct 2022: 90</title>", svg);
        Assert.Equal(34, Regex.Matches(svg, "<circle [^>]*class=\"spc-common\"><title>").Count);
        Assert.Contains(">Special cause: concern</text>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">Special cause: neither better nor worse</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insights_SpcKey_NamesEveryVariationItsColourAndShape()
    {
        var html = await PageAsync();

        var key = Regex.Match(html, "<ul [^>]*id=\"spc-key\"[^>]*>(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Common cause variation</strong>\n            (grey icon, dot on the chart)", key, StringComparison.Ordinal);
        Assert.Contains("Special cause variation: improvement</strong>\n            (blue icon, diamond on the chart)", key, StringComparison.Ordinal);
        Assert.Contains("Special cause variation: concern</strong>\n            (orange icon, triangle on the chart)", key, StringComparison.Ordinal);
        Assert.Contains("Special cause variation: neither better nor worse</strong>\n            (purple icon, square on the chart)", key, StringComparison.Ordinal);
        Assert.DoesNotContain("role=\"img\"", key, StringComparison.Ordinal);
    }

    private async Task<string> PageAsync(string to = "2024-03")
    {
        var client = await site.SignInAsync("viewer");
        return await client.GetStringAsync($"/insights?measure={Uri.EscapeDataString(Measure)}&area=Essex+Police&to={to}");
    }

    private static string Row(string table, string month)
    {
        var row = Regex.Match(table, $"<th scope=\"row\" class=\"govuk-table__header\">{Regex.Escape(month)}</th>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"No row for {month}.");
        return row.Groups[1].Value;
    }
}
