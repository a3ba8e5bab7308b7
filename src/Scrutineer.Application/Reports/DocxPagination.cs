using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Scrutineer.Application.Reports;

/// <summary>
/// Lays a Word report's body out on its A4 pages here, so the contents can carry their page numbers without another
/// program laying the document out first (decision 0182). Every page ends where this says: each paragraph and table row is
/// measured at least as tall as Word or LibreOffice sets it (<see cref="DocxParagraphLines"/>), a page is filled only to
/// <see cref="Room"/>, which leaves a margin at its foot, and the next page starts with an explicit page break (a long
/// paragraph or table row split there, a table continued under its caption and header row). As nothing on a page can
/// overflow it, nothing moves to the next page on its own, and the page of every bookmark is known when the file is written.
/// </summary>
internal sealed class DocxPagination
{
    /// <summary>Height of an A4 page less the top and bottom margins (22 mm each), in points.</summary>
    private const double BodyHeight = (16838 - 1247 - 1247) / 20.0;

    /// <summary>
    /// The header's and footer's two lines (marking, then running title or page number) can reach a little past the
    /// margins, which moves the body in: room left for that at the top and at the foot, in points.
    /// </summary>
    private const double HeaderAndFooter = 2 * 6;

    /// <summary>Left free at the foot of every page, in points (about a line): what measuring cannot see, such as kerning or hinting.</summary>
    private const double Slack = 14;

    /// <summary>The height, in points, a page is filled to.</summary>
    public const double Room = BodyHeight - HeaderAndFooter - Slack;

    /// <summary>Width of the text, in points.</summary>
    private const double TextWidth = DocxReportRenderer.TextWidthTwips / 20.0;

    /// <summary>A table border (half a point) and a cell's top and bottom and left and right margins, in points.</summary>
    private const double Border = 0.5;

    private const double CellTopAndBottom = (40 + 40) / 20.0;

    private const double CellSides = (80 + 80) / 20.0;

    /// <summary>The least room, in points, worth starting a split table row in (about three lines).</summary>
    private const double LeastRowPart = 48;

    private readonly DocxStyleSheet sheet;
    private readonly List<OpenXmlElement> body = [];
    private readonly Dictionary<string, int> bookmarks = new(StringComparer.Ordinal);
    private readonly Dictionary<Paragraph, DocxParagraphLines> measured = new(ReferenceEqualityComparer.Instance);
    private double used;

    private DocxPagination(DocxStyleSheet sheet) => this.sheet = sheet;

    /// <summary>The body laid out: the elements in order, some split, each page after the first starting with a page break.</summary>
    public IReadOnlyList<OpenXmlElement> Body => body;

    /// <summary>The number of pages.</summary>
    public int PageCount { get; private set; } = 1;

    /// <summary>The page, from 1, of <paramref name="bookmark"/>; null when the body has no such bookmark.</summary>
    public int? PageOf(string bookmark) => bookmarks.TryGetValue(bookmark, out var page) ? page : null;

    /// <summary>Lays <paramref name="elements"/> (paragraphs and tables, in order) out on pages set by <paramref name="sheet"/>.</summary>
    public static DocxPagination Lay(IReadOnlyList<OpenXmlElement> elements, DocxStyleSheet sheet)
    {
        var layout = new DocxPagination(sheet);
        for (var i = 0; i < elements.Count;)
        {
            // Paragraphs kept with the next stay on its page with at least the start of it; a page break ends the run.
            var tail = i;
            while (tail < elements.Count - 1 && elements[tail] is Paragraph p && sheet.Look(p).KeepNext && !BreaksBefore(elements[tail + 1]))
            {
                tail++;
            }

            var kept = elements.Skip(i).Take(tail - i).Cast<Paragraph>().ToList();
            var needed = kept.Sum(p => layout.Lines(p, TextWidth).Height) + layout.Start(elements[tail]);
            if (layout.used > 0 && (BreaksBefore(elements[i]) || layout.used + needed > Room))
            {
                layout.BreakBefore(elements[i]);
            }

            foreach (var paragraph in kept)
            {
                layout.Emit(paragraph, layout.Lines(paragraph, TextWidth).Height);
            }

            layout.Flow(elements[tail]);
            i = tail + 1;
        }

        return layout;
    }

    /// <summary>
    /// <paramref name="paragraph"/> broken into lines <paramref name="width"/> points wide, measured once: a run's
    /// paragraphs, a table's rows and their cells are each looked at more than once as a page is filled.
    /// </summary>
    private DocxParagraphLines Lines(Paragraph paragraph, double width)
    {
        if (!measured.TryGetValue(paragraph, out var lines) || lines.Width != width)
        {
            lines = new DocxParagraphLines(paragraph, sheet.Look(paragraph), width);
            measured[paragraph] = lines;
        }

        return lines;
    }

    /// <summary>The least of <paramref name="element"/> that must share a page with what is kept with it.</summary>
    private double Start(OpenXmlElement element) => element switch
    {
        Paragraph p when Lines(p, TextWidth) is var lines => lines.CanSplit && lines.Count > 3 ? lines.HeightOf(2) : lines.Height,
        Table t => Border + HeaderRows(t).Sum(RowHeight) + Math.Min(BodyRows(t).Select(RowHeight).FirstOrDefault(), LeastRowPart),
        _ => 0,
    };

    private void Flow(OpenXmlElement element)
    {
        switch (element)
        {
            case Paragraph paragraph:
                FlowParagraph(paragraph);
                break;
            case Table table:
                FlowTable(table);
                break;
            default:
                body.Add(element);
                break;
        }
    }

    private void FlowParagraph(Paragraph paragraph)
    {
        // A paragraph that breaks before it is always the first of its run in Lay, which has started its page.
        while (true)
        {
            var lines = Lines(paragraph, TextWidth);
            if (used + lines.Height <= Room)
            {
                Emit(paragraph, lines.Height);
                return;
            }

            var fit = lines.CanSplit ? lines.LinesIn(Room - used) : 0;
            if (fit >= 2 || (fit >= 1 && used == 0))
            {
                var (first, rest) = lines.Split(fit);
                Emit(first, lines.HeightOf(fit));
                NewPage(rest);
                paragraph = rest;
                continue;
            }

            if (used > 0)
            {
                NewPage(paragraph);
                continue;
            }

            // Taller than a page and not to be split (a picture, say): the one case a page can overflow.
            Emit(paragraph, lines.Height);
            return;
        }
    }

    private void FlowTable(Table table)
    {
        var header = HeaderRows(table).ToList();
        var rows = BodyRows(table).ToList();
        var headerHeight = Border + header.Sum(RowHeight);
        var fresh = used == 0;
        if (used > 0 && used + Start(table) > Room)
        {
            BreakBefore(table);
            fresh = true;
        }

        var part = Shell(table, header);
        var partRows = 0;
        used += headerHeight;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var height = RowHeight(row);
            if (used + height <= Room)
            {
                row.Parent?.RemoveChild(row);
                part.Append(row);
                partRows++;
                used += height;
                continue;
            }

            if (Room - used >= LeastRowPart && SplitRow(row, Room - used - Border - CellTopAndBottom) is { } split)
            {
                part.Append(split.Head);
                partRows++;
                rows[i] = split.Tail;
            }
            else if (fresh && partRows == 0)
            {
                // A row that no page could hold whole, and that cannot be split: the one case a page can overflow.
                row.Parent?.RemoveChild(row);
                part.Append(row);
                partRows++;
                used += height;
                continue;
            }

            // The row, or the rest of it, goes on the next page, under the table's caption and header row.
            i--;
            Close(part, partRows);
            var caption = Continued(table);
            NewPage(caption);
            Emit(caption, Lines(caption, TextWidth).Height);
            part = Shell(table, header.Select(h => (TableRow)h.CloneNode(true)).ToList());
            partRows = 0;
            fresh = true;
            used += headerHeight;
        }

        Close(part, partRows);
    }

    private void Close(Table part, int rows)
    {
        if (rows > 0)
        {
            Record(part);
            body.Add(part);
        }
    }

    /// <summary>The row split so its first part fits in <paramref name="room"/> points of cell content; null when nothing of it would.</summary>
    private (TableRow Head, TableRow Tail)? SplitRow(TableRow row, double room)
    {
        var first = new TableRow();
        var rest = new TableRow();
        if (row.TableRowProperties is { } properties)
        {
            first.Append(properties.CloneNode(true));
            rest.Append(properties.CloneNode(true));
        }

        var anyFirst = false;
        foreach (var cell in row.Elements<TableCell>())
        {
            var firstCell = new TableCell();
            var restCell = new TableCell();
            if (cell.TableCellProperties is { } cellProperties)
            {
                firstCell.Append(cellProperties.CloneNode(true));
                restCell.Append(cellProperties.CloneNode(true));
            }

            var width = CellWidth(cell);
            var left = room;
            foreach (var paragraph in cell.Elements<Paragraph>().ToList())
            {
                var lines = Lines(paragraph, width);
                if (restCell.Elements<Paragraph>().Any())
                {
                    restCell.Append(paragraph.CloneNode(true));
                }
                else if (lines.Height <= left)
                {
                    firstCell.Append(paragraph.CloneNode(true));
                    left -= lines.Height;
                }
                else if (lines.CanSplit && lines.LinesIn(left) is var fit and >= 1)
                {
                    var (top, bottom) = lines.Split(fit);
                    firstCell.Append(top);
                    restCell.Append(bottom);
                    left = 0;
                }
                else
                {
                    restCell.Append(paragraph.CloneNode(true));
                }
            }

            anyFirst |= firstCell.Elements<Paragraph>().Any(p => p.Descendants<Text>().Any(t => t.Text.Length > 0));
            foreach (var c in new[] { firstCell, restCell }.Where(c => !c.Elements<Paragraph>().Any()))
            {
                c.Append(new Paragraph());
            }

            first.Append(firstCell);
            rest.Append(restCell);
        }

        return anyFirst && RowHeight(first) <= room + Border + CellTopAndBottom ? (first, rest) : null;
    }

    private bool CanSplit(TableRow row) => row.Elements<TableCell>().Any(c => c.Elements<Paragraph>().Count() > 1 || c.Elements<Paragraph>().Any(p => Lines(p, CellWidth(c)).CanSplit));

    private double RowHeight(TableRow row) => Border + CellTopAndBottom + row.Elements<TableCell>()
        .Select(c => c.Elements<Paragraph>().Sum(p => Lines(p, CellWidth(c)).Height))
        .DefaultIfEmpty(0)
        .Max();

    private static double CellWidth(TableCell cell) =>
        (double.TryParse(cell.TableCellProperties?.TableCellWidth?.Width?.Value, System.Globalization.CultureInfo.InvariantCulture, out var twips) ? twips / 20 : TextWidth) - CellSides;

    private static IEnumerable<TableRow> HeaderRows(Table table) =>
        table.Elements<TableRow>().TakeWhile(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null);

    private static IEnumerable<TableRow> BodyRows(Table table) =>
        table.Elements<TableRow>().SkipWhile(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null);

    /// <summary>An empty table with <paramref name="table"/>'s properties and grid, holding <paramref name="header"/>.</summary>
    private static Table Shell(Table table, IList<TableRow> header)
    {
        var shell = new Table();
        foreach (var element in table.ChildElements.Where(e => e is TableProperties or TableGrid))
        {
            shell.Append(element.CloneNode(true));
        }

        foreach (var row in header)
        {
            row.Parent?.RemoveChild(row);
            shell.Append(row);
        }

        return shell;
    }

    /// <summary>The caption of a table's part on a later page: its caption and "(continued)".</summary>
    private static Paragraph Continued(Table table)
    {
        var caption = table.GetFirstChild<TableProperties>()?.TableCaption?.Val?.Value;
        return caption is null
            ? Spacer()
            : new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }, new KeepNext()),
                new Run(DocxReportRenderer.Text(caption + " (continued)")));
    }

    /// <summary>An empty paragraph one point high.</summary>
    private static Paragraph Spacer() => new(new ParagraphProperties(
        new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact }));

    private static bool BreaksBefore(OpenXmlElement element) =>
        element is Paragraph p && p.ParagraphProperties?.PageBreakBefore is { } b && (b.Val?.Value ?? true);

    /// <summary>Starts a new page with <paramref name="element"/>: a paragraph is given the break, a table an empty line before it that carries it.</summary>
    private void BreakBefore(OpenXmlElement element)
    {
        if (element is Paragraph paragraph)
        {
            NewPage(paragraph);
            return;
        }

        var spacer = Spacer();
        NewPage(spacer);
        Emit(spacer, 1);
    }

    /// <summary>Starts a new page with <paramref name="first"/>, which is given a page break before it if it has none.</summary>
    private void NewPage(Paragraph first)
    {
        if (!BreaksBefore(first))
        {
            var properties = first.ParagraphProperties ?? first.PrependChild(new ParagraphProperties());
            properties.PageBreakBefore = new PageBreakBefore();
        }

        PageCount++;
        used = 0;
    }

    private void Emit(OpenXmlElement element, double height)
    {
        if (element.Parent is not null)
        {
            element.Remove();
        }

        Record(element);
        body.Add(element);
        used += height;
    }

    private void Record(OpenXmlElement element)
    {
        foreach (var bookmark in element.Descendants<BookmarkStart>())
        {
            if (bookmark.Name?.Value is { } name)
            {
                bookmarks.TryAdd(name, PageCount);
            }
        }
    }
}
