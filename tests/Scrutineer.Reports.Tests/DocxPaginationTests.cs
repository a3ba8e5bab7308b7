using DocumentFormat.OpenXml.Wordprocessing;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Reports.Tests;

/// <summary>
/// What the Word reports' own page layout does to content longer than a page: nothing is lost or repeated, a table goes on
/// under its caption and header row, and a page starts only where a page break says. LibreOffice's check of the pages is
/// in <see cref="DocxContentsTests"/>.
/// </summary>
public sealed class DocxPaginationTests
{
    [Fact]
    public async Task Render_ParagraphLongerThanAPage_SplitIntoParagraphsThatHoldEveryWordOnceInOrder()
    {
        var words = Enumerable.Range(1, 2500).Select(i => "word" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var body = await RenderAsync(new ReportParagraph(string.Join(' ', words)));

        var parts = body.Elements<Paragraph>().Where(p => p.InnerText.Length > 0).ToList();
        Assert.True(parts.Count >= 3, $"2,500 words fill more than two pages, but the file holds {parts.Count} paragraphs.");
        Assert.Equal(words, parts.SelectMany(p => p.InnerText.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Null(parts[0].ParagraphProperties?.PageBreakBefore);
        Assert.All(parts.Skip(1), p => Assert.NotNull(p.ParagraphProperties?.PageBreakBefore));
    }

    [Fact]
    public async Task Render_TableLongerThanAPage_GoesOnUnderItsCaptionContinuedAndHeaderRow_EveryRowOnce()
    {
        var rows = Enumerable.Range(1, 120).Select(i => ReportRow.Of("Row " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Commentary on row " + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var body = await RenderAsync(new ReportTable("Crimes by area", ["Area", "Commentary"], rows));

        var tables = body.Elements<Table>().ToList();
        Assert.True(tables.Count >= 2, "120 rows fill more than a page, but the table was not continued.");
        Assert.All(tables, t => Assert.Equal(["Area", "Commentary"], Docx.RowTexts(t.Elements<TableRow>().First())));
        Assert.All(tables, t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.Equal(rows.Select(r => r.Cells[0].Text), tables.SelectMany(t => t.Elements<TableRow>().Skip(1)).Select(r => Docx.RowTexts(r)[0]));
        var captions = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Caption").Select(p => p.InnerText).ToList();
        Assert.Equal(["Crimes by area", .. Enumerable.Repeat("Crimes by area (continued)", tables.Count - 1)], captions);
        Assert.All(
            body.Elements<Paragraph>().Where(p => p.InnerText == "Crimes by area (continued)"),
            p => Assert.NotNull(p.ParagraphProperties?.PageBreakBefore));
    }

    [Fact]
    public async Task Render_RowLongerThanAPage_SplitBetweenPagesWithEveryParagraphOnce()
    {
        var commentary = Enumerable.Range(1, 40).Select(i => new ReportParagraph($"Paragraph {i}: " + string.Join(' ', Enumerable.Repeat("the unit reports steady progress", 8)))).ToList<ReportBlock>();
        var body = await RenderAsync(new ReportTable("Delivery", ["We will", "Commentary"], [new ReportRow([ReportCell.Of("Cut burglary"), new ReportCell(commentary)])]));

        var tables = body.Elements<Table>().ToList();
        Assert.True(tables.Count >= 2, "A row of 40 long paragraphs is longer than a page, but it was not split.");
        var cells = tables.SelectMany(t => t.Elements<TableRow>().Skip(1)).Select(r => r.Elements<TableCell>().ElementAt(1)).ToList();
        var texts = cells.SelectMany(c => c.Elements<Paragraph>()).Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        Assert.Equal(40, texts.Count(t => t.StartsWith("Paragraph ", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"Paragraph {i}:"), texts.Where(t => t.StartsWith("Paragraph ", StringComparison.Ordinal)).Select(t => t[..t.IndexOf(':', StringComparison.Ordinal)] + ":"));
        Assert.Equal("Cut burglary", Docx.RowTexts(tables[0].Elements<TableRow>().ElementAt(1))[0]);
    }

    [Fact]
    public async Task Render_CharactersArialLacks_MeasuredWiderSoTheyTakeMorePages()
    {
        var latin = await RenderAsync(new ReportParagraph(string.Join(' ', Enumerable.Repeat("ab", 3000))));
        var other = await RenderAsync(new ReportParagraph(string.Join(' ', Enumerable.Repeat("警察", 3000))));

        static int Pages(Body body) => 1 + body.Elements<Paragraph>().Count(p => p.ParagraphProperties?.PageBreakBefore is not null);
        Assert.True(Pages(other) > Pages(latin), $"Two CJK characters were laid out in {Pages(other)} pages against {Pages(latin)} for two Latin letters.");
    }

    private static async Task<Body> RenderAsync(ReportBlock block)
    {
        using var output = new MemoryStream();
        await new DocxReportRenderer().RenderAsync(new ReportDocument("Layout", Classification.Official, [block]), output);
        using var word = Docx.Open(output.ToArray());
        Docx.AssertValid(word);
        return (Body)word.MainDocumentPart!.Document.Body!.CloneNode(true);
    }
}
