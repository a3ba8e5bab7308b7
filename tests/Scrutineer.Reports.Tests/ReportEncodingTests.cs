using System.Net;
using System.Text.RegularExpressions;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Domain.Reports;
using Scrutineer.Domain.Statistics;
using Scrutineer.Testing;

namespace Scrutineer.Reports.Tests;

/// <summary>
/// Names typed by users (plan titles, unit and strand names, measure names and units) reach the HTML report in its
/// title, style sheet, attributes, tables and SVG charts, and the PDF printed from it: there they must stay inert text.
/// </summary>
public sealed class ReportEncodingTests
{
    private const string StyleBreak = "</style><script>alert(1)</script>";
    private const string AttributeBreak = "\"><img src=x onerror=alert(1)>";
    private const string Hostile = StyleBreak + AttributeBreak;

    [Fact]
    public void Quarterly_HostilePlanTitleUnitAndPriority_InertTextInTheHtml()
    {
        var builder = new PlanBuilder().Titled("Plan " + Hostile).WithPriority("Roads " + Hostile, 1);
        builder.Units[1] = new Unit("Bravo " + Hostile, "B", UnitKind.Command);
        var plan = builder.Build();
        var clock = new TestClock(new DateTimeOffset(2023, 9, 25, 9, 0, 0, TimeSpan.Zero));
        var round = new ReportingRound(plan, SampleReports.Q2, new DateOnly(2023, 10, 20), clock.GetUtcNow());
        var update = new QuarterlyUpdate(round, plan.Commitments.Single(), builder.Units[1], "Writer", clock.GetUtcNow());
        update.Edit(round, Commentary.Parse("Progress " + Hostile), DeliveryStatus.OnTrack, "Writer", clock.GetUtcNow(), Commentary.Parse("Detail " + Hostile));
        update.Submit(round, "Writer", clock.GetUtcNow());
        update.Approve(round, "Reviewer", null, clock.GetUtcNow());

        foreach (var version in ReportCatalogue.Versions)
        {
            var report = QuarterlyReport.Build(plan, round, [update], TestClock.DefaultStart, version);
            var html = new HtmlReportRenderer().Render(report);

            AssertInert(html);
            Assert.Contains($"<title>{WebUtility.HtmlEncode(report.Title)}</title>", html, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode("Bravo " + Hostile + " (B)"), html, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode("Progress " + Hostile), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Closure_HostilePlanTitleAndMeasure_InertInTitleStyleSheetAttributesAndSvg()
    {
        var report = ClosureReport.Build(new PlanBuilder().Titled("Plan " + Hostile).WithPriority("Roads", 1).Build(), SampleReports.Q2, [], HostileSeries(), ReportVersion.Full);

        var html = new HtmlReportRenderer().Render(report);

        AssertInert(html);
        Assert.Contains(Hostile, report.RunningTitle, StringComparison.Ordinal);
        Assert.Contains(@"content: ""Plan \3C /style\3E \3C script\3E alert(1)\3C /script\3E \22 \3E \3C img src\3D x onerror\3D alert(1)\3E  Closure Report""", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{WebUtility.HtmlEncode(report.Title)}</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<title id=\"chart-1-title\">{WebUtility.HtmlEncode($"Figure 3 (i): Knife {Hostile} by financial year")}</title>", html, StringComparison.Ordinal);
        Assert.Contains($"data-label=\"{WebUtility.HtmlEncode("Crimes " + Hostile)}\"", html, StringComparison.Ordinal);
        Assert.Matches("<text [^>]*>" + Regex.Escape(WebUtility.HtmlEncode("Crimes " + Hostile)) + "</text>", html);
    }

    [Fact]
    public void Strategy_HostileStrandAndMeasureNames_InertInHeadingsTablesAndSvg()
    {
        var data = StrategyReportTests.Data();
        data = data with
        {
            StrategyTitle = "Strategy " + Hostile,
            Strands = data.Strands.Select(s => s with
            {
                Name = s.Name + " " + Hostile,
                Insights = s.Insights.Select(i => i with { Measure = i.Measure + " " + Hostile, Unit = "crimes " + Hostile }).ToList(),
            }).ToList(),
        };

        var html = new HtmlReportRenderer().Render(StrategyReport.Build(data, ReportVersion.Full));

        AssertInert(html);
        Assert.Matches("<h2 id=\"section-\\d+\">5.1 Domestic Abuse " + Regex.Escape(WebUtility.HtmlEncode(Hostile)) + "</h2>", html);
        Assert.Contains("<desc id=\"chart-1-desc\">Bar chart of domestic abuse " + WebUtility.HtmlEncode(Hostile.ToLowerInvariant()), html, StringComparison.Ordinal);
        Assert.Matches("<text [^>]*>" + Regex.Escape(WebUtility.HtmlEncode("Crimes " + Hostile)) + "</text>", html);
    }

    [Fact]
    public async Task Pdf_HostilePlanTitle_PrintedAsText()
    {
        var report = ClosureReport.Build(new PlanBuilder().Titled("Plan " + Hostile).WithPriority("Roads", 1).Build(), SampleReports.Q2, [], HostileSeries(), ReportVersion.Public);

        var pages = await PdfText.PagesAsync(await RendererTests.RenderAsync(new PdfReportRenderer(), report));

        var text = Regex.Replace(string.Join("", pages), @"\s+", "");
        Assert.Contains(Regex.Replace("Plan " + Hostile + " Closure Report", @"\s+", ""), text, StringComparison.Ordinal);
        Assert.Contains(Regex.Replace("Knife " + Hostile, @"\s+", ""), text, StringComparison.Ordinal);
    }

    private static Dictionary<int, IReadOnlyList<FinancialYearSeries>> HostileSeries() => new()
    {
        [1] =
        [
            new FinancialYearSeries("Knife " + Hostile, [(new FinancialYear(2022), 100m), (new FinancialYear(2023), 120m)])
            {
                Unit = "crimes " + Hostile,
                Changes = [null, CountComparison.Of(100, 120)],
            },
        ],
    };

    /// <summary>No element, attribute or style rule came from the hostile text; it is there, encoded.</summary>
    private static void AssertInert(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror=alert(1)>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "</style>"));
        var style = html[(html.IndexOf("<style>", StringComparison.Ordinal) + "<style>".Length)..html.IndexOf("</style>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<", style, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Hostile), html, StringComparison.Ordinal);
        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{HtmlReportRenderer.ContentSecurityPolicy}\">", html, StringComparison.Ordinal);
    }
}
