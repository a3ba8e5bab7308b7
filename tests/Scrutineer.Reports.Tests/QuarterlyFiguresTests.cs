using System.Text;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Reports;
using Scrutineer.Testing;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Reports.Tests;

/// <summary>
/// The quarterly report's figures from a store: the performance summary after the contents, each priority's linked
/// measures, the appendix of monthly data, in DOCX, HTML and PDF, to the last confirmed month of the quarter.
/// </summary>
public sealed class QuarterlyFiguresTests
{
    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_LinkedMeasures_SummaryPrioritiesAndAppendix_ToTheLastConfirmedMonth(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var august = new ReportingMonth(2023, 8);
        await using (var db = store.Open())
        {
            var (plan, round, updates) = SampleReports.QuarterlyPlan();
            db.Plans.Add(plan);
            db.Rounds.Add(round);
            db.Updates.AddRange(updates);
            var force = new Area("Test Force", AreaLevel.Force);
            var robbery = new Measure("Robbery", "crimes", MeasureKind.Count, BetterDirection.Lower, "", "test");
            var burglary = new Measure("Burglary", "crimes", MeasureKind.Count, BetterDirection.Lower, "", "test");
            var rate = new Measure("Charge rate", "%", MeasureKind.Rate, BetterDirection.Higher, "", "test");
            db.AddRange(force, robbery, burglary, rate);
            for (var i = 0; i < 24; i++)
            {
                var month = august.Plus(i - 23);
                db.Observations.Add(new Observation(robbery, force, PeriodKind.Month, month, i < 12 ? 10 : 12));
                if (month != august)
                {
                    db.Observations.Add(new Observation(burglary, force, PeriodKind.Month, month, 5));
                }
            }

            await db.SaveChangesAsync();
            await MeasureLinks.SetForPriorityAsync(db, plan.Priorities[0].Id, [new("Robbery", 150m), new("Charge rate")]);
            await MeasureLinks.SetForPriorityAsync(db, plan.Priorities[1].Id, [new("Burglary")]);
        }

        ReportDocument report;
        await using (var db = store.Open())
        {
            report = await QuarterlyReport.BuildAsync(db, SampleReports.Q2, TestClock.DefaultStart, ReportVersion.Public);
        }

        var contents = report.Blocks.OfType<ReportContents>().Single();
        Assert.Equal(["Performance summary", "Priority 1 – Safer streets", "Priority 2 – Roads", "Priority 3 – Volunteers", "Appendix: monthly data"], contents.Entries.Select(e => e.Label));
        var tables = report.Blocks.OfType<ReportTable>().ToList();
        var summary = tables.Single(t => t.Caption.StartsWith("Performance summary", StringComparison.Ordinal));
        Assert.Equal(["Measure", "Priority", "12 months to Aug 2022", "12 months to Aug 2023", "Change", "% change", "Verdict", "SPC signal", "Target"], summary.Columns);
        var row = Assert.Single(summary.Rows).Cells.Select(c => c.Text).ToList();
        Assert.Equal(["Robbery", "1", "120", "144", "+24", "+20.0%", "No significant change", "Special cause — concerning", "Met (target 150)"], row);
        var notices = report.Blocks.OfType<ReportParagraph>().Where(p => p.Style == ParagraphStyle.Notice).Select(p => p.Text).ToList();
        Assert.Contains("September 2023 is not yet confirmed in the store (not imported, or held as provisional): the figures are to the end of August 2023.", notices);
        Assert.Contains("Charge rate (priority 1): a rate measure: rolling 12-month totals add up counts only.", notices);
        Assert.Contains("Burglary (priority 2): the 12 months to August 2023 and the 12 before need every month from September 2021; the store lacks 2023-08.", notices);
        Assert.Single(notices, n => n == "No measure is linked to this priority.");
        var priority1 = tables.Single(t => t.Caption.StartsWith("Priority 1: linked measures", StringComparison.Ordinal));
        Assert.Equal(["Robbery", "120", "144", "+24", "+20.0%", "No significant change"], Assert.Single(priority1.Rows).Cells.Select(c => c.Text));
        var appendix = tables.Single(t => t.Caption.StartsWith("Monthly counts", StringComparison.Ordinal));
        Assert.Equal(["Month", "Robbery"], appendix.Columns);
        Assert.Equal(24, appendix.Rows.Count);
        Assert.Equal(["Sep 2021", "10"], appendix.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["Aug 2023", "12"], appendix.Rows[^1].Cells.Select(c => c.Text));

        var html = Encoding.UTF8.GetString(await RendererTests.RenderAsync(new HtmlReportRenderer(), report));
        Assert.Contains("Special cause — concerning", html, StringComparison.Ordinal);
        using (var word = Docx.Open(await RendererTests.RenderAsync(new DocxReportRenderer(), report)))
        {
            Docx.AssertValid(word);
            Assert.Equal(["Performance summary", "Priority 1 – Safer streets", "Priority 2 – Roads", "Priority 3 – Volunteers", "Appendix: monthly data"], Docx.Headings(word).Select(h => h.Text));
        }

        var pages = string.Join('\n', await PdfText.PagesAsync(await RendererTests.RenderAsync(new PdfReportRenderer(), report)));
        Assert.Contains("Performance summary", pages, StringComparison.Ordinal);
        Assert.Contains("Appendix: monthly data", pages, StringComparison.Ordinal);
        Assert.Contains("Aug 2023", pages, StringComparison.Ordinal);
    }
}
