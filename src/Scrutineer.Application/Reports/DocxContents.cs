using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>
/// The contents of a Word report written as they print: a line per heading of level 1 or 2 that links to the heading's
/// bookmark, with a dot leader and the page the heading falls on (from <see cref="DocxPagination"/>). The lines are the cached
/// result of a TOC field that is not marked dirty, so Word can still update them on request but never asks to on opening,
/// and LibreOffice shows them as written (decision 0133).
/// </summary>
internal static class DocxContents
{
    /// <summary>The deepest heading level listed.</summary>
    public const int Depth = 2;

    /// <summary>Written in place of page numbers until the pages are laid out: as wide as any page number the reports reach.</summary>
    public const string Placeholder = "00";

    /// <summary>The headings the contents list, in order: those of level 1 and 2 outside tables.</summary>
    public static IReadOnlyList<ReportHeading> Headings(ReportDocument document) =>
        document.Blocks.OfType<ReportHeading>().Where(h => h.Level <= Depth).ToList();

    /// <summary>The bookmark each listed heading carries: its own anchor, or "_Toc" and its number in the contents.</summary>
    public static Dictionary<ReportHeading, string> Bookmarks(ReportDocument document) =>
        Headings(document).Select((h, i) => (h, i)).ToDictionary(
            x => x.h,
            x => x.h.Anchor ?? "_Toc" + (x.i + 1).ToString(CultureInfo.InvariantCulture),
            ReferenceEqualityComparer.Instance as IEqualityComparer<ReportHeading>);

    /// <summary>The contents lines, with <see cref="Placeholder"/> for their pages until <see cref="Number"/> writes them in.</summary>
    public static IEnumerable<Paragraph> Lines(IReadOnlyList<ReportHeading> headings, IReadOnlyDictionary<ReportHeading, string> bookmarks)
    {
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            var paragraph = new Paragraph(new ParagraphProperties(
                new ParagraphStyleId { Val = "TOC" + heading.Level.ToString(CultureInfo.InvariantCulture) },
                new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = DocxReportRenderer.TextWidthTwips })));
            if (i == 0)
            {
                paragraph.Append(
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new Run(new FieldCode($" TOC \\o \"1-{Depth}\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
            }

            paragraph.Append(new Hyperlink(
                new Run(DocxReportRenderer.Text(heading.Text.Replace('\n', ' '))),
                new Run(new TabChar()),
                new Run(DocxReportRenderer.Text(Placeholder)))
            {
                Anchor = bookmarks[heading],
                History = true,
            });
            if (i == headings.Count - 1)
            {
                paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            }

            yield return paragraph;
        }
    }

    /// <summary>
    /// Writes the pages into the laid-out body: the page of each contents line's heading, and the page of each
    /// <c>PAGEREF</c> field's bookmark as the field's result.
    /// </summary>
    /// <exception cref="InvalidOperationException">A contents line or page reference names a bookmark the body does not hold.</exception>
    public static void Number(DocxPagination pages)
    {
        foreach (var element in pages.Body)
        {
            foreach (var line in element.Descendants<Paragraph>().Prepend(element as Paragraph).OfType<Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("TOC", StringComparison.Ordinal) == true))
            {
                foreach (var link in line.Elements<Hyperlink>().Where(l => l.Anchor?.Value is not null))
                {
                    link.Descendants<Text>().Last().Text = Page(pages, link.Anchor!.Value!);
                }
            }

            foreach (var code in element.Descendants<FieldCode>().Where(c => c.Text.TrimStart().StartsWith("PAGEREF ", StringComparison.Ordinal)))
            {
                var bookmark = code.Text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
                var result = code.Parent!.ElementsAfter().OfType<Run>()
                    .SkipWhile(r => r.GetFirstChild<FieldChar>()?.FieldCharType?.Value != FieldCharValues.Separate)
                    .Skip(1)
                    .First()
                    .GetFirstChild<Text>()!;
                result.Text = Page(pages, bookmark);
            }
        }
    }

    private static string Page(DocxPagination pages, string bookmark) =>
        pages.PageOf(bookmark)?.ToString(CultureInfo.InvariantCulture)
        ?? throw new InvalidOperationException($"The Word report has no bookmark \"{bookmark}\" for its contents to number.");
}
