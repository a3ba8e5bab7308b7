using DocumentFormat.OpenXml.Wordprocessing;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.FiguresCheck;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Reports.Tests;

public sealed class StrategyReportTests
{
    internal static StrategyReportData Data()
    {
        var start = new ReportingMonth(2021, 10);
        var monthly = Enumerable.Range(0, 24).Select(i => (start.Plus(i), (long)(300 + ((i * 41) % 70) + (i >= 12 ? 40 : 0)))).ToList();
        var insight = new StrandInsight("Domestic abuse", "crimes", BetterDirection.Lower, monthly);
        return new StrategyReportData(
            "Crime Prevention Strategy",
            FinancialQuarter.Parse("Q2 2023/24"),
            new ScrutinyPaperMetadata("Performance and Resources Scrutiny Programme 2023", "the Office of the Police, Fire and Crime Commissioner",
                Classification.Official, "6.0", "ACC Example", new DateOnly(2023, 10, 16), "V1", "the force", new DateOnly(2023, 11, 2), "Insp 1000 A. Author", null),
            [
                new StrandReport("Domestic Abuse", "Detective Chief Inspector A. Lead", 4, 3, 2, 1, [insight], ["Training delivered to 120 officers"], ["Launch the winter campaign"],
                    [new StrandRisk("PREVENT 3 – Perpetrator programme", "DA Lead", "Funding ends in March", "Bid submitted to the national fund")]),
                new StrandReport("Hate Crime", "Chief Inspector B. Lead", 2, 4, 0, 0, [insight with { Measure = "Hate crime", Monthly = monthly.Take(10).ToList() }], [], ["Review third-party reporting centres"], []),
            ],
            ["Reducing violence against women and girls"]);
    }

    [Fact]
    public async Task Build_StrandsWithData_SectionsTotalsChartsAndRisksInWord()
    {
        var report = StrategyReport.Build(Data(), Domain.Reports.ReportVersion.Full);

        using var word = Docx.Open(await RendererTests.RenderAsync(new DocxReportRenderer(), report));
        Docx.AssertValid(word);
        var headings = Docx.Headings(word).Select(h => h.Text).ToList();
        Assert.Equal(["1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0", "8.0"], headings.Where(h => h.Length > 3 && h[1] == '.' && h[2] == '0').Select(h => h[..3]));
        Assert.Contains("5.1 Domestic Abuse", headings);
        Assert.Contains("5.2 Hate Crime", headings);
        var tables = word.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        var progress = tables.Single(t => Docx.RowTexts(t.Elements<TableRow>().First()).Contains("Total actions"));
        Assert.Equal(["Total", "16", "6", "7", "2", "1"], Docx.RowTexts(progress.Elements<TableRow>().Last()));
        var risks = tables.Single(t => Docx.RowTexts(t.Elements<TableRow>().First()).Contains("Mitigation"));
        Assert.Equal(2, risks.Elements<TableRow>().Count());
        var charts = word.MainDocumentPart.ChartParts.Select(p => p.ChartSpace).ToList();
        Assert.Single(charts, c => c.Descendants<C.BarChart>().Any());
        Assert.Single(charts, c => c.Descendants<C.LineChart>().Any() && !c.Descendants<C.BarChart>().Any());
        Assert.Contains("Only 10 consecutive months of hate crime data", word.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RollingTable_FiguresAgreeWithTheFiguresCheck()
    {
        var report = StrategyReport.Build(Data(), Domain.Reports.ReportVersion.Full);
        var text = string.Join("\n", report.AllBlocks().Select(b => b switch
        {
            Domain.Reports.ReportParagraph p => p.Text,
            Domain.Reports.ReportTable t => string.Join(" | ", t.Columns) + "\n" + string.Join("\n", t.Rows.Select(r => string.Join(" | ", r.Cells.Select(c => c.Text)))),
            _ => "",
        }));

        Assert.Empty(FigureChecker.Check(text, "strategy"));
        Assert.Contains("12 months to end of September 2023", text, StringComparison.Ordinal);
        Assert.Contains("12 Month ending September 23", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RiskAndSignificantChange_ListedByExceptionBeforeTheBackground()
    {
        var report = StrategyReport.Build(Data(), Domain.Reports.ReportVersion.Public);

        var front = report.AllBlocks().TakeWhile(b => b is not Domain.Reports.ReportHeading { Text: "4.0 Introduction/Background" }).ToList();
        var lists = front.OfType<Domain.Reports.ReportBulletList>().ToList();
        Assert.Equal(2, lists.Count);
        Assert.Equal(["Domestic Abuse: PREVENT 3 – Perpetrator programme (DA Lead). Funding ends in March"], lists[0].Items);
        var change = lists[1].Items[0];
        Assert.StartsWith("Domestic Abuse: Domestic abuse rose from ", change, StringComparison.Ordinal);
        Assert.Contains("in the 12 months to September 2023 against the 12 months before: significant", change, StringComparison.Ordinal);
        Assert.All(lists[1].Items.Skip(1), i => Assert.StartsWith("Domestic Abuse: Domestic abuse in September 2023 shows special-cause variation", i, StringComparison.Ordinal));
        Assert.Contains(front.OfType<Domain.Reports.ReportParagraph>(), p => p.Text == "One task at risk (mitigation in section 6.2):");
        Assert.Contains(front.OfType<Domain.Reports.ReportParagraph>(), p => p.Text.EndsWith(" in the strands' measures:", StringComparison.Ordinal) && p.Text.StartsWith(lists[1].Items.Count == 1 ? "One significant change" : "Two significant changes", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_NothingByException_OneLineSaysSo()
    {
        var data = Data() with
        {
            Strands = [new StrandReport("Hate Crime", "Chief Inspector B. Lead", 2, 4, 0, 0, [], [], [], [])],
        };

        var report = StrategyReport.Build(data, Domain.Reports.ReportVersion.Public);

        var front = report.AllBlocks().TakeWhile(b => b is not Domain.Reports.ReportHeading { Text: "4.0 Introduction/Background" }).ToList();
        Assert.Empty(front.OfType<Domain.Reports.ReportBulletList>());
        Assert.Contains(front.OfType<Domain.Reports.ReportParagraph>(),
            p => p.Text == "Nothing to report by exception: no delivery plan task is at risk or overdue on 30/09/2023, and no strand measure changed significantly.");
    }

    [Fact]
    public void Build_Strands_NoPageBreakBeforeShortSectionsAndNoEmptyBoilerplate()
    {
        var report = StrategyReport.Build(Data(), Domain.Reports.ReportVersion.Full);

        var headings = report.AllBlocks().OfType<Domain.Reports.ReportHeading>().ToList();
        Assert.Equal(["1.0 Purpose of Report", "Appendix A Monthly figures behind the charts"], headings.Where(h => h.NewPage).Select(h => h.Text));
        Assert.DoesNotContain(headings, h => h.Text.Contains("Demand", StringComparison.Ordinal) || h.Text.Contains("Health and Safety", StringComparison.Ordinal));
    }
}
