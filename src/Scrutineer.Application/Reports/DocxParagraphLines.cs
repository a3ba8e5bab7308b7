using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Scrutineer.Application.Reports;

/// <summary>
/// One paragraph of a Word report broken into lines the way a word processor breaks it, but never holding more on a line
/// or taking less height than Word or LibreOffice would: each character is measured a little wider than Arial's own width
/// (<see cref="DocxFontWidths"/>), a line breaks only at a space, a line is a little taller than Arial's single spacing,
/// and a character Arial lacks counts as wide and tall. So the paragraph takes at most as many lines, and at most the
/// height, on the page as here: <see cref="DocxPagination"/> can fill a page with it and know the page holds it (decision 0182).
/// </summary>
internal sealed class DocxParagraphLines
{
    /// <summary>How much wider than Arial's a character is measured.</summary>
    private const double WidthMargin = 1.03;

    /// <summary>Arial's single line (ascent, descent and line gap: 1.15 em), taken 2% taller.</summary>
    private const double SingleLine = 1.15 * 1.02;

    /// <summary>The width, in em, of a character Arial has no glyph for (another font draws it).</summary>
    private const double UnknownWidth = 1.1;

    /// <summary>How much taller a line is taken when another font draws one of its characters.</summary>
    private const double UnknownHeight = 1.5;

    /// <summary>A tab: the contents' dot leader to the right-aligned page number, at least this wide (points).</summary>
    private const double TabWidth = 24;

    private readonly Paragraph paragraph;
    private readonly List<Glyph> glyphs = [];
    private readonly List<(int Start, int End, double Height)> lines = [];

    public DocxParagraphLines(Paragraph paragraph, DocxParagraphLook look, double width)
    {
        this.paragraph = paragraph;
        Look = look;
        Width = width;
        Read(paragraph, look);
        Wrap(Math.Max(width - look.Indent, 12));
    }

    public DocxParagraphLook Look { get; }

    /// <summary>The width, in points, it was broken into lines for.</summary>
    public double Width { get; }

    /// <summary>The number of lines.</summary>
    public int Count => lines.Count;

    /// <summary>Its whole height: space above, lines and space below.</summary>
    public double Height => HeightOf(lines.Count);

    /// <summary>
    /// Whether it may be split between pages: plain text over more than one line (no link, bookmark, field or picture,
    /// which stay whole).
    /// </summary>
    public bool CanSplit => lines.Count > 1 && !paragraph.Descendants().Any(e => e is Hyperlink or BookmarkStart or FieldChar or SimpleField or Drawing);

    /// <summary>The height of its first <paramref name="count"/> lines, with the space above and below.</summary>
    public double HeightOf(int count) => Look.Before + lines.Take(count).Sum(l => l.Height) + Look.After;

    /// <summary>The most lines, from the first, that fit in <paramref name="room"/> points (space above and below included).</summary>
    public int LinesIn(double room)
    {
        var count = 0;
        while (count < lines.Count && HeightOf(count + 1) <= room)
        {
            count++;
        }

        return count;
    }

    /// <summary>The paragraph as two: its first <paramref name="count"/> lines, and the rest (without a second bullet).</summary>
    public (Paragraph Head, Paragraph Tail) Split(int count)
    {
        if (count <= 0 || count >= lines.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"A paragraph of {lines.Count} lines splits after 1 to {lines.Count - 1} of them.");
        }

        var at = glyphs[lines[count].Start];
        var first = (Paragraph)paragraph.CloneNode(true);
        var rest = (Paragraph)paragraph.CloneNode(true);
        var firstLeaves = Leaves(first).ToList();
        var restLeaves = Leaves(rest).ToList();
        for (var i = 0; i < firstLeaves.Count; i++)
        {
            if (i > at.Leaf || (i == at.Leaf && (at.Offset == 0 || firstLeaves[i] is not Text)))
            {
                firstLeaves[i].Remove();
            }
            else if (i == at.Leaf)
            {
                var text = (Text)firstLeaves[i];
                text.Text = text.Text[..at.Offset];
            }

            if (i < at.Leaf)
            {
                restLeaves[i].Remove();
            }
            else if (i == at.Leaf && restLeaves[i] is Text text)
            {
                text.Text = text.Text[at.Offset..];
            }
        }

        rest.ParagraphProperties?.NumberingProperties?.Remove();
        return (first, rest);
    }

    /// <summary>The runs' parts in order that take room on a line: text, line breaks, tabs and pictures.</summary>
    private static IEnumerable<OpenXmlElement> Leaves(Paragraph paragraph) =>
        paragraph.Descendants<Run>().SelectMany(r => r.ChildElements).Where(e => e is Text or Break or TabChar or Drawing);

    private void Read(Paragraph source, DocxParagraphLook look)
    {
        var leaf = 0;
        foreach (var run in source.Descendants<Run>())
        {
            var (size, bold) = DocxStyleSheet.Text(look, run);
            var line = look.ExactLine ?? size * SingleLine * look.LineFactor;
            foreach (var element in run.ChildElements.Where(e => e is Text or Break or TabChar or Drawing))
            {
                switch (element)
                {
                    case Text text:
                        var value = text.Text;
                        for (var i = 0; i < value.Length; i++)
                        {
                            var c = value[i];
                            var em = Em(c, bold);
                            glyphs.Add(new Glyph(
                                (em ?? UnknownWidth) * size * WidthMargin,
                                em is null && look.ExactLine is null ? line * UnknownHeight : line,
                                leaf,
                                i,
                                c == ' ' ? GlyphKind.Space : GlyphKind.Mark));
                        }

                        break;
                    case Break pageBreak when pageBreak.Type?.Value == BreakValues.Page:
                        break;
                    case Break:
                        glyphs.Add(new Glyph(0, line, leaf, 0, GlyphKind.NewLine));
                        break;
                    case TabChar:
                        glyphs.Add(new Glyph(TabWidth, line, leaf, 0, GlyphKind.Mark));
                        break;
                    case Drawing drawing:
                        var extent = drawing.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().FirstOrDefault();
                        var (wide, high) = ((extent?.Cx?.Value ?? 0) / 12700.0, (extent?.Cy?.Value ?? 0) / 12700.0);
                        glyphs.Add(new Glyph(wide, look.ExactLine ?? (high + size * 0.3) * look.LineFactor * 1.02, leaf, 0, GlyphKind.Mark));
                        break;
                }

                leaf++;
            }
        }
    }

    /// <summary>Breaks the glyphs into lines at spaces (or anywhere in a word wider than the line), as a word processor does.</summary>
    private void Wrap(double width)
    {
        var empty = Look.ExactLine ?? Look.Size * SingleLine * Look.LineFactor;
        var start = 0;
        var x = 0.0;
        var lastSpace = -1;
        for (var i = 0; i < glyphs.Count; i++)
        {
            var glyph = glyphs[i];
            if (glyph.Kind == GlyphKind.NewLine)
            {
                End(start, i + 1, empty);
                (start, x, lastSpace) = (i + 1, 0, -1);
                continue;
            }

            if (glyph.Kind == GlyphKind.Space)
            {
                x += glyph.Width;
                lastSpace = i;
                continue;
            }

            if (x + glyph.Width > width && i > start)
            {
                var end = lastSpace >= start ? lastSpace + 1 : i;
                End(start, end, empty);
                start = end;
                x = 0;
                for (var j = start; j < i; j++)
                {
                    x += glyphs[j].Width;
                }

                lastSpace = -1;
            }

            x += glyph.Width;
        }

        if (start < glyphs.Count || lines.Count == 0 || glyphs[^1].Kind == GlyphKind.NewLine)
        {
            End(start, glyphs.Count, empty);
        }
    }

    private void End(int start, int end, double empty)
    {
        var height = empty;
        for (var i = start; i < end; i++)
        {
            height = Math.Max(height, glyphs[i].Height);
        }

        lines.Add((start, end, height));
    }

    /// <summary>A character's width in em, or null when Arial has no glyph for it.</summary>
    private static double? Em(char c, bool bold)
    {
        var units = c > DocxFontWidths.Last ? 0 : bold ? DocxFontWidths.Bold[c] : DocxFontWidths.Regular[c];
        return units == 0 ? null : units / 2048.0;
    }

    private enum GlyphKind
    {
        Mark,
        Space,
        NewLine,
    }

    /// <summary>One character (or tab, line break or picture): its width and line height in points, and where it is in the paragraph.</summary>
    private readonly record struct Glyph(double Width, double Height, int Leaf, int Offset, GlyphKind Kind);
}
