using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>
/// The contents of a Word report written as they print: a line per heading of level 1 or 2 that links to the heading's
/// bookmark, with a dot leader and the page the heading falls on (from <see cref="DocxLayout"/>). The lines are the cached
/// result of a TOC field that is not marked dirty, so Word can still update them on request but never asks to on opening,
/// and LibreOffice shows them as written (decision 0133).
/// </summary>
internal static class DocxContents
{
    /// <summary>The deepest heading level listed.</summary>
    public const int Depth = 2;

    /// <summary>Written in place of page numbers before the layout is known: as wide as any page number the reports reach.</summary>
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

    /// <summary>The contents lines; page numbers from <paramref name="layout"/>, or <see cref="Placeholder"/> when it is null.</summary>
    public static IEnumerable<Paragraph> Lines(IReadOnlyList<ReportHeading> headings, IReadOnlyDictionary<ReportHeading, string> bookmarks, DocxLayout? layout)
    {
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            var page = layout?.PageOf(heading).ToString(CultureInfo.InvariantCulture) ?? Placeholder;
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
                new Run(DocxReportRenderer.Text(page)))
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
}
