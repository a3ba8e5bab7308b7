using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Scrutineer.Domain.Reports;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Scrutineer.Application.Reports;

/// <summary>
/// Writes a report as a Word document that people can edit: Title and Heading 1–3 styles (the navigation pane), real
/// tables with their header row on every page they reach, a table-of-contents field, page-reference fields for contents page
/// ranges, the classification in the header and footer with "Page n of m", and native charts (DrawingML chart parts
/// holding their data). The body is laid out on its pages here (<see cref="DocxPagination"/>), so the contents are written
/// with their page numbers and no field needs updating when the document is opened (decisions 0133, 0182).
/// </summary>
public sealed class DocxReportRenderer : IReportRenderer
{
    /// <summary>Text width of an A4 page with 2 cm margins, in twentieths of a point.</summary>
    internal const int TextWidthTwips = 9638;

    public ReportFormat Format => ReportFormat.Docx;

    public async Task RenderAsync(ReportDocument document, Stream output, CancellationToken cancellationToken = default) =>
        await output.WriteAsync(Write(document), cancellationToken);

    /// <summary>The document's bytes, laid out on its pages and its contents numbered (<see cref="DocxPagination"/>).</summary>
    private static byte[] Write(ReportDocument document)
    {
        using var memory = new MemoryStream();
        using (var word = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.Title;
            word.PackageProperties.Subject = document.Marking;
            word.PackageProperties.Keywords = document.Marking;
            var main = word.AddMainDocumentPart();
            DocxStyles.Add(main);
            var writer = new Writer(main, document);
            var elements = new List<OpenXmlElement>();
            var breakBefore = false;
            foreach (var block in document.Blocks)
            {
                if (block is ReportPageBreak)
                {
                    breakBefore = true;
                    continue;
                }

                var written = writer.Block(block, inCell: false).ToList();
                if (breakBefore && written.FirstOrDefault() is Paragraph first)
                {
                    (first.ParagraphProperties ?? first.PrependChild(new ParagraphProperties())).PageBreakBefore = new PageBreakBefore();
                    breakBefore = false;
                }

                elements.AddRange(written);
            }

            var pages = DocxPagination.Lay(elements, new DocxStyleSheet(main.StyleDefinitionsPart!.Styles!));
            DocxContents.Number(pages);
            var body = new Body(pages.Body);
            body.Append(Section(main, document.Marking, document.RunningTitle));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return memory.ToArray();
    }

    private static SectionProperties Section(MainDocumentPart main, string marking, string runningTitle)
    {
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(
            Centred(Bold(marking)),
            new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Right }), Small(runningTitle)));
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(
            Centred(Bold(marking)),
            new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Right }),
                Small("Page "), new SimpleField(Small("1")) { Instruction = " PAGE " },
                Small(" of "), new SimpleField(Small("1")) { Instruction = " NUMPAGES " }));
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1247, Right = 1134U, Bottom = 1247, Left = 1134U, Header = 567U, Footer = 567U, Gutter = 0U });
    }

    private static Paragraph Centred(Run run) =>
        new(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), run);

    private static Run Bold(string text) => new(new RunProperties(new Bold()), Text(text));

    private static Run Small(string text) => new(new RunProperties(new FontSize { Val = "16" }), Text(text));

    internal static Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    /// <summary>Turns blocks into Word elements, numbering bookmarks, drawings and charts as it goes.</summary>
    private sealed class Writer(MainDocumentPart main, ReportDocument document)
    {
        private readonly IReadOnlyList<ReportHeading> listed = DocxContents.Headings(document);
        private readonly Dictionary<ReportHeading, string> listedBookmarks = DocxContents.Bookmarks(document);
        private int bookmarks;
        private uint drawings;

        public IEnumerable<OpenXmlElement> Block(ReportBlock block, bool inCell) => block switch
        {
            ReportHeading h when inCell => [Para(null, Runs(h.Text, bold: true))],
            ReportHeading h => [Heading(h)],
            ReportParagraph p => [Paragraph(p)],
            ReportBulletList l => l.Items.Select(item => Para(
                new ParagraphProperties(new ParagraphStyleId { Val = "ListBullet" }, new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = DocxStyles.BulletNumbering })),
                Runs(item))),
            ReportAnchor a => [Anchor(a.Name)],
            ReportTable t => Table(t),
            ReportChart c => Chart(c),
            ReportContents c => Contents(c),
            _ => throw new NotSupportedException($"No DOCX for {block.GetType().Name}."),
        };

        private Paragraph Heading(ReportHeading heading)
        {
            var properties = new ParagraphProperties(new ParagraphStyleId { Val = "Heading" + Math.Clamp(heading.Level, 1, 3).ToString(CultureInfo.InvariantCulture) });
            if (heading.NewPage)
            {
                properties.Append(new PageBreakBefore());
            }

            var paragraph = new Paragraph(properties);
            if ((heading.Anchor ?? listedBookmarks.GetValueOrDefault(heading)) is { } anchor)
            {
                var id = (++bookmarks).ToString(CultureInfo.InvariantCulture);
                paragraph.Append(new BookmarkStart { Id = id, Name = anchor });
                paragraph.Append(Runs(heading.Text));
                paragraph.Append(new BookmarkEnd { Id = id });
            }
            else
            {
                paragraph.Append(Runs(heading.Text));
            }

            return paragraph;
        }

        private Paragraph Anchor(string name)
        {
            var id = (++bookmarks).ToString(CultureInfo.InvariantCulture);
            return new Paragraph(
                new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact }),
                new BookmarkStart { Id = id, Name = name },
                new BookmarkEnd { Id = id });
        }

        private static Paragraph Paragraph(ReportParagraph p) => p.Style switch
        {
            ParagraphStyle.Title => Para(new ParagraphProperties(new ParagraphStyleId { Val = "Title" }), Runs(p.Text)),
            ParagraphStyle.Strong => Para(null, Runs(p.Text, bold: true)),
            ParagraphStyle.Notice => Para(new ParagraphProperties(new ParagraphStyleId { Val = "Notice" }), Runs(p.Text)),
            ParagraphStyle.Small => Para(new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }), Runs(p.Text)),
            ParagraphStyle.Normal => Para(null, Runs(p.Text)),
        };

        private static Paragraph Para(ParagraphProperties? properties, IEnumerable<OpenXmlElement> runs)
        {
            var paragraph = new Paragraph();
            if (properties is not null)
            {
                paragraph.Append(properties);
            }

            paragraph.Append(runs);
            return paragraph;
        }

        private static IEnumerable<OpenXmlElement> Runs(string text, bool bold = false)
        {
            var run = new Run();
            if (bold)
            {
                run.Append(new RunProperties(new Bold()));
            }

            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    run.Append(new Break());
                }

                run.Append(DocxReportRenderer.Text(lines[i]));
            }

            return [run];
        }

        private IEnumerable<OpenXmlElement> Table(ReportTable table)
        {
            var widths = ColumnWidths(table.Widths, table.Columns.Count);
            var properties = new TableProperties(
                new TableStyle { Val = "ReportTable" },
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "04A0", FirstRow = table.ShowHeader, FirstColumn = table.RowHeaders, NoVerticalBand = true },
                new TableCaption { Val = table.Caption },
                new TableDescription { Val = table.Caption });
            var grid = new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) }));
            var result = new Table(properties, grid);
            if (table.ShowHeader)
            {
                var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    header.Append(Cell(widths[i], [Para(Align(table, i), Runs(table.Columns[i], bold: true))], shade: "1D3557", headerText: true));
                }

                result.Append(header);
            }

            foreach (var row in table.Rows)
            {
                var tr = new TableRow();
                for (var i = 0; i < row.Cells.Count; i++)
                {
                    var cell = row.Cells[i];
                    var bold = row.IsTotal || (table.RowHeaders && i == 0);
                    var content = cell.Content.SelectMany(b => b is ReportParagraph { Style: ParagraphStyle.Normal } p
                        ? [Para(Align(table, i), Runs(p.Text, bold))]
                        : Block(b, inCell: true)).ToList();
                    tr.Append(Cell(widths[Math.Min(i, widths.Length - 1)], content, shade: row.IsTotal || (!table.ShowHeader && i == 0) ? "EEF1F6" : null, headerText: false));
                }

                result.Append(tr);
            }

            return [Caption(table.Caption), result, new Paragraph()];
        }

        private static ParagraphProperties? Align(ReportTable table, int column) => table.NumericColumns.Contains(column)
            ? new ParagraphProperties(new Justification { Val = JustificationValues.Right })
            : null;

        private static Paragraph Caption(string text) =>
            new(new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }, new KeepNext()), new Run(DocxReportRenderer.Text(text)));

        private static TableCell Cell(int width, IList<OpenXmlElement> content, string? shade, bool headerText)
        {
            var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (shade is not null)
            {
                properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = shade });
            }

            var cell = new TableCell(properties);
            if (content.Count == 0)
            {
                content = [new Paragraph()];
            }

            foreach (var element in content)
            {
                if (headerText)
                {
                    foreach (var run in element.Descendants<Run>())
                    {
                        var rp = run.RunProperties ?? run.PrependChild(new RunProperties());
                        rp.Append(new Color { Val = "FFFFFF" });
                    }
                }

                cell.Append(element);
            }

            return cell;
        }

        private static int[] ColumnWidths(IReadOnlyList<int>? relative, int columns)
        {
            var parts = relative is { Count: > 0 } r && r.Count == columns ? r : Enumerable.Repeat(1, columns).ToList();
            var sum = (double)parts.Sum();
            return parts.Select(p => (int)Math.Floor(TextWidthTwips * p / sum)).ToArray();
        }

        private IEnumerable<OpenXmlElement> Contents(ReportContents contents)
        {
            yield return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TOCHeading" }), new Run(DocxReportRenderer.Text("Contents")));
            foreach (var line in DocxContents.Lines(listed, listedBookmarks))
            {
                yield return line;
            }

            if (contents.Entries.Count == 0)
            {
                yield break;
            }

            var widths = ColumnWidths([6, 2, 2], 3);
            yield return Caption("Sections of this report, the pages they occupy and their bookmarks");
            var table = new Table(
                new TableProperties(
                    new TableStyle { Val = "ReportTable" },
                    new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                    new TableLayout { Type = TableLayoutValues.Fixed },
                    new TableCaption { Val = "Contents" },
                    new TableDescription { Val = "Sections of this report, the pages they occupy and their bookmarks" }),
                new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
            var header = new TableRow(new TableRowProperties(new TableHeader()));
            foreach (var (title, i) in new[] { "Section", "Pages", "Bookmark" }.Select((t, i) => (t, i)))
            {
                header.Append(Cell(widths[i], [Para(null, Runs(title, bold: true))], "1D3557", headerText: true));
            }

            table.Append(header);
            foreach (var entry in contents.Entries)
            {
                var link = new Hyperlink(new Run(new RunProperties(new RunStyle { Val = "Hyperlink" }), DocxReportRenderer.Text(entry.Label)))
                {
                    Anchor = entry.Anchor,
                    History = true,
                };
                var pages = new Paragraph();
                pages.Append(PageReference(entry.Anchor));
                pages.Append(new Run(DocxReportRenderer.Text("-")));
                pages.Append(PageReference(entry.EndAnchor));
                table.Append(new TableRow(
                    Cell(widths[0], [new Paragraph(link)], null, false),
                    Cell(widths[1], [pages], null, false),
                    Cell(widths[2], [Para(null, Runs(entry.Anchor))], null, false)));
            }

            yield return table;
            yield return new Paragraph();
        }

        /// <summary>A page reference, its page a placeholder until <see cref="DocxContents.Number"/> writes it in; never marked for updating.</summary>
        private static IEnumerable<OpenXmlElement> PageReference(string anchor) =>
        [
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode($" PAGEREF {anchor} \\h ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(DocxReportRenderer.Text(DocxContents.Placeholder)),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
        ];

        private IEnumerable<OpenXmlElement> Chart(ReportChart chart)
        {
            var part = main.AddNewPart<ChartPart>();
            part.ChartSpace = DocxChart.Build(chart);
            var workbook = part.AddEmbeddedPackagePart(EmbeddedPackagePartType.Xlsx);
            using (var data = new MemoryStream())
            {
                DocxChartWorkbook.Write(data, chart);
                data.Position = 0;
                workbook.FeedData(data);
            }

            part.ChartSpace.Append(new DocumentFormat.OpenXml.Drawing.Charts.ExternalData(new DocumentFormat.OpenXml.Drawing.Charts.AutoUpdate { Val = false })
            {
                Id = part.GetIdOfPart(workbook),
            });
            part.ChartSpace.Save();
            var id = ++drawings;
            const long width = 6000000L;
            const long height = 3000000L;
            var inline = new DW.Inline(
                new DW.Extent { Cx = width, Cy = height },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = id, Name = "Chart " + id.ToString(CultureInfo.InvariantCulture), Title = chart.Title, Description = chart.AltText },
                new DW.NonVisualGraphicFrameDrawingProperties(),
                new A.Graphic(new A.GraphicData(new DocumentFormat.OpenXml.Drawing.Charts.ChartReference { Id = main.GetIdOfPart(part) })
                {
                    Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
                }))
            {
                DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
            };
            yield return Caption(chart.Title);
            yield return new Paragraph(new ParagraphProperties(new KeepNext()), new Run(new Drawing(inline)));
            yield return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }), new Run(DocxReportRenderer.Text(chart.AltText)));
        }
    }
}
