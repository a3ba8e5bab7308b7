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

        // Laid out by LibreOffice, the contents page shows the lines as written, and each heading is on its page.
        var pages = await LaidOutPagesAsync(bytes);
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
            return text.Split('\f').ToList();
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

    private static string Flat(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex(@"^(?<heading>.+)\t(?<page>\d+)$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
