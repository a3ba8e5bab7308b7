using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scrutineer.Application.Delivery;

/// <summary>One sheet to write: its name, its rows of text cells, column widths (characters) and the header row (bold), if any.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> Widths, int? HeaderRow = null);

/// <summary>Writes simple .xlsx workbooks: text cells (wrapped), a bold header row, column widths.</summary>
public static class XlsxWriter
{
    /// <summary>Writes <paramref name="sheets"/> to <paramref name="stream"/> as a workbook.</summary>
    public static void Write(Stream stream, IReadOnlyList<XlsxSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat(),
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, ApplyFont = true, ApplyAlignment = true }));
        var sheetList = workbook.Workbook.AppendChild(new Sheets());
        uint id = 1;
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < sheet.Rows[r].Count; c++)
                {
                    var text = sheet.Rows[r][c];
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    row.Append(new Cell
                    {
                        CellReference = ColumnName(c) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        DataType = CellValues.InlineString,
                        StyleIndex = sheet.HeaderRow == r ? 2u : 1u,
                        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                }

                data.Append(row);
            }

            var worksheet = new Worksheet();
            if (sheet.Widths.Count > 0)
            {
                worksheet.Append(new Columns(sheet.Widths.Select((w, i) => new DocumentFormat.OpenXml.Spreadsheet.Column
                {
                    Min = (uint)(i + 1),
                    Max = (uint)(i + 1),
                    Width = w,
                    CustomWidth = true,
                })));
            }

            worksheet.Append(data);
            part.Worksheet = worksheet;
            sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = UniqueName(sheet.Name, used) });
        }

        workbook.Workbook.Save();
    }

    /// <summary>"A", "B" … "Z", "AA" for a column index from 0.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static string UniqueName(string name, HashSet<string> used)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '-' : c).ToArray()).Trim();
        clean = clean.Length == 0 ? "Sheet" : clean;
        clean = clean.Length > 31 ? clean[..31].TrimEnd() : clean;
        var candidate = clean;
        for (var i = 2; !used.Add(candidate); i++)
        {
            var suffix = $" ({i})";
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return candidate;
    }
}
