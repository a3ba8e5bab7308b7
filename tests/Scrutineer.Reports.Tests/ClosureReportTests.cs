using Scrutineer.Application.Reports;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Reports.Tests;

public sealed class ClosureReportTests
{
    [Fact]
    public void Build_ClosingQuartersUpdates_QuotedWithTheirQuarterAndUnit_NeverAsThePlansWords()
    {
        var (plan, _, updates) = SampleReports.QuarterlyPlan();

        var report = ClosureReport.Build(plan, SampleReports.Q2, updates, new Dictionary<int, IReadOnlyList<FinancialYearSeries>>(), ReportVersion.Public);

        var paragraphs = report.AllBlocks().OfType<ReportParagraph>().Select(p => p.Text).ToList();
        Assert.Contains("3.2. “Progress on 1.1 this quarter.” (Q2 2023/24 update, B)", paragraphs);
        Assert.Contains("3.4. “Progress on 1.2 this quarter.” (Q2 2023/24 update, C)", paragraphs);
        Assert.Contains(report.AllBlocks().OfType<ReportHeading>(), h => h.Level == 2 && h.Text == "From the Q2 2023/24 updates");
        // The updates' own words ("… this quarter") appear only inside a quote that names its quarter.
        Assert.DoesNotContain(paragraphs, p => !p.Contains('“') && p.Contains("this quarter", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("No approved Q2 2023/24 update gives a narrative for this priority.", paragraphs);
    }
}
