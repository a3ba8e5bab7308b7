using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Reports;
using Scrutineer.Testing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Scrutineer.Reports.Tests;

public sealed partial class RendererTests
{
    [Fact]
    public async Task Docx_EveryBlock_ValidWithHeadingsTablesChartsAndMarkings()
    {
        var bytes = await RenderAsync(new DocxReportRenderer(), SampleReports.EveryBlock(Classification.OfficialSensitive));

        using var word = Docx.Open(bytes);
        Docx.AssertValid(word);
        Assert.Equal([("Heading1", "1.0 Purpose of Report"), ("Heading2", "1.1 Progress")], Docx.Headings(word));
        var body = word.MainDocumentPart!.Document.Body!;
        Assert.Contains(body.Descendants<FieldCode>(), f => f.Text.Contains("TOC \\o", StringComparison.Ordinal));
        var table = body.Elements<Table>().Single();
        Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Equal(["Strand", "Total actions", "Complete"], Docx.RowTexts(table.Elements<TableRow>().First()));
        Assert.Equal(["Total", "5", "3"], Docx.RowTexts(table.Elements<TableRow>().Last()));
        Assert.Equal("Delivery progress", table.GetFirstChild<TableProperties>()!.GetFirstChild<TableCaption>()!.Val!.Value);

        var charts = word.MainDocumentPart.ChartParts.ToList();
        Assert.Equal(2, charts.Count);
        var bar = charts.Select(c => c.ChartSpace).Single(s => s.Descendants<C.BarChart>().Any());
        var points = bar.Descendants<C.BarChartSeries>().Single().GetFirstChild<C.Values>()!.Descendants<C.NumericPoint>().ToList();
        Assert.Equal(24, points.Count);
        Assert.Equal("300", points[0].NumericValue!.Text);

        // Word's "Edit Data" opens the embedded workbook the series refer to.
        var barPart = charts.Single(c => c.ChartSpace.Descendants<C.BarChart>().Any());
        var embedded = barPart.EmbeddedPackagePart!;
        Assert.Equal(barPart.GetIdOfPart(embedded), bar.GetFirstChild<C.ExternalData>()!.Id!.Value);
        Assert.Equal("Sheet1!$B$2:$B$25", bar.Descendants<C.BarChartSeries>().Single().GetFirstChild<C.Values>()!.Descendants<C.Formula>().Single().Text);
        using (var book = SpreadsheetDocument.Open(embedded.GetStream(), false))
        {
            var cells = book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
            Assert.Equal("300", cells.Single(c => c.CellReference == "B2").CellValue!.Text);
            Assert.Equal("Crimes", cells.Single(c => c.CellReference == "B1").InnerText);
            Assert.Equal(25, cells.Count(c => c.CellReference!.Value!.StartsWith('B')));
        }

        var spc = charts.Select(c => c.ChartSpace).Single(s => s.Descendants<C.LineChart>().Any());
        Assert.Equal(3, spc.Descendants<C.LineChartSeries>().Count());

        Assert.All(word.MainDocumentPart.HeaderParts, h => Assert.Contains("OFFICIAL-SENSITIVE", h.Header.InnerText, StringComparison.Ordinal));
        var footer = word.MainDocumentPart.FooterParts.Single().Footer;
        Assert.Contains("OFFICIAL-SENSITIVE", footer.InnerText, StringComparison.Ordinal);
        Assert.Contains(footer.Descendants<SimpleField>(), f => f.Instruction!.Value!.Contains("PAGE", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_EveryBlock_AccessibleTablesAndChartsWithDataTables()
    {
        var html = new HtmlReportRenderer().Render(SampleReports.EveryBlock());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en-GB\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1 id=\"section-1\" class=\"new-page\">1.0 Purpose of Report</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Delivery progress</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"num\">Total actions</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"total\"><th scope=\"row\">Total</th>", html, StringComparison.Ordinal);
        Assert.Equal(2, SvgImg().Matches(html).Count);
        Assert.Contains("<desc id=\"chart-1-desc\">Bar chart of crimes recorded each month from April 2021 to March 2023.</desc>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Data for the chart: Crimes recorded each month</caption>", html, StringComparison.Ordinal);
        Assert.Equal(24 * 2, Regex.Matches(html, "<th scope=\"row\">20\\d\\d-\\d\\d</th>").Count);
        Assert.Contains("@top-center { content: \"OFFICIAL\"", html, StringComparison.Ordinal);
        Assert.Contains("counter(page)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ChartDataTable_FiguresWithThousandsSeparators()
    {
        var chart = new ReportChart(ChartKind.Bar, "All crime by financial year", "Bar chart of all crime by financial year.", ["2022/23", "2023/24"],
            [new ChartSeries("All crime", [151726, 3063.6])]);
        var report = new ReportDocument("Sample report", Classification.Official, [new ReportParagraph("Sample report", ParagraphStyle.Title), chart]);

        var html = new HtmlReportRenderer().Render(report);

        Assert.Contains("<td class=\"num\">151,726</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">3,063.6</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_EveryBlock_EveryPageMarkedAndNumbered()
    {
        // A running title as long as the quarterly update's must not push the marking onto two lines.
        var report = SampleReports.EveryBlock(Classification.OfficialSensitive) with { RunningTitle = "Quarterly update on Delivery against We Wills: Q2 2023/24" };
        var bytes = await RenderAsync(new PdfReportRenderer(), report);

        var pages = await PdfText.PagesAsync(bytes);
        Assert.True(pages.Count >= 2, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
        {
            var lines = pages[i].Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
            Assert.Contains(lines.Take(2), l => l.Contains("OFFICIAL-SENSITIVE", StringComparison.Ordinal)); // the title may wrap beside it
            Assert.Contains("OFFICIAL-SENSITIVE", lines[^1], StringComparison.Ordinal);
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i], StringComparison.Ordinal);
        }

        Assert.Contains("Crimes recorded each month", string.Join("\n", pages), StringComparison.Ordinal);
    }

    internal static async Task<byte[]> RenderAsync(IReportRenderer renderer, ReportDocument document)
    {
        using var stream = new MemoryStream();
        await renderer.RenderAsync(document, stream);
        return stream.ToArray();
    }

    [GeneratedRegex("<svg [^>]*role=\"img\" aria-labelledby=\"chart-\\d-title chart-\\d-desc\"")]
    private static partial Regex SvgImg();
}
