using System.Diagnostics;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Wordprocessing;
using Scrutineer.Application.Reports;
using Scrutineer.Application.Security;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Reports.Tests;

/// <summary>
/// The Word reports open cleanly: the contents are written with their page numbers (no field to update, no "press F9"),
/// and the numbers are the pages the headings fall on when LibreOffice lays the document out.
/// </summary>
public sealed partial class DocxContentsTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    private static readonly FinancialQuarter Q4 = FinancialQuarter.Parse("Q4 2023/24");

    [Theory]
    [InlineData("quarterly")]
    [InlineData("strategy")]
    [InlineData("closure")]
    public async Task Render_DemoReport_ContentsCarryThePagesTheHeadingsFallOn(string kind)
    {
        await using var db = demo.Store.Open();
        var document = await ReportCatalogue.BuildAsync(db, ReportCatalogue.Find(kind)!, Q4, ReportVersion.Full, Reader.Operator, new DateTimeOffset(2024, 4, 22, 9, 0, 0, TimeSpan.Zero));
        await AssertPagesAsync(document);
    }

    /// <summary>
    /// Documents no report has yet: long commentary, rows longer than a page, long words, characters Arial lacks, lists
    /// and charts in random order. LibreOffice must start a page exactly where the Word file says and nowhere else.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task Render_GeneratedDocument_EveryPageEndsWhereTheFileSays(int seed)
    {
        var random = new Random(seed);
        var blocks = new List<ReportBlock> { new ReportParagraph("Generated report " + seed, ParagraphStyle.Title), new ReportPageBreak(), new ReportContents([]) };
        for (var chapter = 1; chapter <= 4; chapter++)
        {
            blocks.Add(new ReportHeading(1, $"Chapter {chapter}: {Words(random, random.Next(2, 14))}", NewPage: true));
            for (var section = 1; section <= random.Next(2, 6); section++)
            {
                blocks.Add(new ReportHeading(2, $"Section {chapter}.{section} {Words(random, random.Next(1, 10))}"));
                for (var block = 0; block < random.Next(1, 6); block++)
                {
                    blocks.Add(random.Next(6) switch
                    {
                        0 => new ReportBulletList(Enumerable.Range(0, random.Next(1, 8)).Select(_ => Words(random, random.Next(3, 60))).ToList()),
                        1 => new ReportTable(
                            "Table " + Words(random, 4),
                            ["We will", "Commentary", "Who"],
                            Enumerable.Range(0, random.Next(1, 9)).Select(_ => new ReportRow([
                                new ReportCell([new ReportParagraph(Words(random, random.Next(5, 40)))]),
                                new ReportCell(Enumerable.Range(0, random.Next(0, 7)).SelectMany(_ => new ReportBlock[]
                                {
                                    new ReportParagraph(Words(random, 3) + " Update:", ParagraphStyle.Strong),
                                    new ReportParagraph(Words(random, random.Next(10, 400))),
                                    new ReportBulletList([Words(random, 12), Words(random, 30)]),
                                }).ToList()),
                                ReportCell.Of(Words(random, 2)),
                            ])).ToList()) { Widths = [3, 6, 1] },
                        2 => new ReportChart(ChartKind.Bar, "Chart " + Words(random, 5), Words(random, 30), ["A", "B", "C"], [new ChartSeries("Crimes", [1, 5, 3])]),
                        3 => new ReportParagraph(Words(random, random.Next(1, 30)), ParagraphStyle.Notice),
                        _ => new ReportParagraph(Words(random, random.Next(1, 700))),
                    });
                }
            }
        }

        await AssertPagesAsync(new ReportDocument("Generated report", Scrutineer.Domain.Documents.Classification.Official, blocks));
    }

    private static readonly string[] Vocabulary =
    [
        "we", "will", "the", "force", "and", "of", "a", "to", "victims", "neighbourhood", "policing", "anti-social", "behaviour",
        "partnership", "safeguarding", "commissioner", "£12,500", "−2.2%", "+14.9%", "café", "Ŵales", "“quoted”", "–", "警察",
        "🙂", "Wolverhampton-under-Lyme", "MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM", "iiiiii",
        "https://www.example.police.uk/our-plan/priority-three/commitments", "OFFICIAL-SENSITIVE", "Q2", "2023/24", "i", "WW",
    ];

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(random.Next(4) == 0 ? Vocabulary.Length : 16)]));

    /// <summary>
    /// Writes <paramref name="document"/> as Word and checks: valid, no field to update, a contents line with its page for
    /// every heading; and, laid out by LibreOffice, as many pages as the file starts (each page after the first begins with
    /// a page break the file holds, so no page overflowed), every heading on the page its line names.
    /// </summary>
    private static async Task AssertPagesAsync(ReportDocument document)
    {
        using var output = new MemoryStream();
        await new DocxReportRenderer().RenderAsync(document, output);
        var bytes = output.ToArray();

        using var word = Docx.Open(bytes);
        Docx.AssertValid(word);
        var main = word.MainDocumentPart!;
        Assert.Null(main.DocumentSettingsPart?.Settings.GetFirstChild<UpdateFieldsOnOpen>());
        var body = main.Document.Body!;
        Assert.DoesNotContain(body.Descendants<FieldChar>(), f => f.Dirty?.Value == true);
        Assert.DoesNotContain("F9", body.InnerText, StringComparison.Ordinal);
        Assert.DoesNotContain(body.Descendants<Break>(), b => b.Type?.Value == BreakValues.Page);
        var breaks = body.Elements<Paragraph>().Skip(1).Count(p => p.ParagraphProperties?.PageBreakBefore is not null);

        var lines = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "TOC1" or "TOC2")
            .Select(p => p.Descendants<Hyperlink>().Single())
            .Select(link => (Link: link, Text: string.Concat(link.Elements<Run>().Select(r => r.GetFirstChild<TabChar>() is null ? r.InnerText : "\t"))))
            .ToList();
        var headings = Docx.Headings(word).Where(h => h.Style is "Heading1" or "Heading2").Select(h => h.Text).ToList();
        Assert.Equal(headings.Count, lines.Count);
        var bookmarks = body.Descendants<BookmarkStart>().Select(b => b.Name!.Value!).ToHashSet(StringComparer.Ordinal);
        var entries = new List<(string Heading, int Page)>();
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Contains(lines[i].Link.Anchor!.Value!, bookmarks);
            var page = PageNumber().Match(lines[i].Text);
            Assert.True(page.Success, $"Contents line '{lines[i].Text}' ends without a page number.");
            Assert.Equal(headings[i].Replace('\n', ' '), page.Groups["heading"].Value);
            entries.Add((page.Groups["heading"].Value, int.Parse(page.Groups["page"].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }

        // Laid out by LibreOffice: the pages the file starts and no more, the contents as written, each heading on its page.
        var pages = await LaidOutPagesAsync(bytes);
        Assert.True(breaks + 1 == pages.Count, $"The file starts {breaks + 1} pages; LibreOffice laid out {pages.Count}, so a page overflowed.");
        var contentsPage = pages.FindIndex(p => p.Contains("Contents", StringComparison.Ordinal));
        Assert.Contains(Flat(entries[0].Heading) + "..", Flat(pages[contentsPage]), StringComparison.Ordinal);
        Assert.All(entries, e => Assert.True(
            e.Page > contentsPage + 1 && Flat(pages[e.Page - 1]).Contains(Flat(e.Heading), StringComparison.Ordinal),
            $"'{e.Heading}' is listed on page {e.Page}, but that page does not show it."));
        Assert.Equal(entries.Select(e => e.Page).Order(), entries.Select(e => e.Page));
    }

    private static async Task<List<string>> LaidOutPagesAsync(byte[] docx)
    {
        var folder = Directory.CreateTempSubdirectory("docx-contents-");
        try
        {
            var source = Path.Combine(folder.FullName, "report.docx");
            await File.WriteAllBytesAsync(source, docx);
            await RunAsync("soffice", "-env:UserInstallation=" + new Uri(Path.Combine(folder.FullName, "profile")).AbsoluteUri, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder.FullName, source);
            var text = await RunAsync("pdftotext", Path.Combine(folder.FullName, "report.pdf"), "-");
            return text.TrimEnd('\f').Split('\f').ToList();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} failed: {await error}");
        return await output;
    }

    /// <summary>The text without white space or hyphens: a heading or contents line wrapped by the layout (and a hyphen at a line end taken out by pdftotext) reads the same.</summary>
    private static string Flat(string text) => Spaces().Replace(text, "").Replace("-", "", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?<heading>.+)\t(?<page>\d+)$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
