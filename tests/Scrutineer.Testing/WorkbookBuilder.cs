using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scrutineer.Testing;

/// <summary>
/// Builds .xlsx workbooks in code for import tests, with the irregularities real ones have: shared strings, numbers,
/// date-formatted cells ("mmm-yy" and "d/m/yyyy"), merged ranges and blank rows.
/// <c>new WorkbookBuilder().Sheet("Plan", s => s.Row(1, "Title").Merge("A5:A7")).Save(path)</c>.
/// </summary>
public sealed class WorkbookBuilder
{
    private readonly List<SheetBuilder> sheets = [];

    public WorkbookBuilder Sheet(string name, Action<SheetBuilder> build)
    {
        var sheet = new SheetBuilder(name);
        build(sheet);
        sheets.Add(sheet);
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "mmm\\-yy" }) { Count = 1 },
                new Fonts(new Font()),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(
                    new CellFormat(),
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var (rowNumber, cells) in sheet.Rows.OrderBy(r => r.Key))
                {
                    var row = new Row { RowIndex = (uint)rowNumber };
                    foreach (var (column, value) in cells.OrderBy(c => c.Key))
                    {
                        var reference = Column(column) + rowNumber.ToString(CultureInfo.InvariantCulture);
                        row.Append(value switch
                        {
                            string text => SharedCell(reference, text),
                            double number => new Cell { CellReference = reference, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) },
                            MonthCell month => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(month.Date.ToOADate().ToString(CultureInfo.InvariantCulture)) },
                            DateTime day => new Cell { CellReference = reference, StyleIndex = 2, CellValue = new CellValue(day.ToOADate().ToString(CultureInfo.InvariantCulture)) },
                            _ => throw new ArgumentException($"Unsupported cell value {value}"),
                        });
                    }

                    data.Append(row);
                }

                var worksheet = new Worksheet(data);
                if (sheet.Merges.Count > 0)
                {
                    worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })));
                }

                part.Worksheet = worksheet;
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
            }

            workbook.Workbook.Save();

            Cell SharedCell(string reference, string text)
            {
                if (!strings.TryGetValue(text, out var index))
                {
                    index = strings.Count;
                    strings[text] = index;
                    shared.SharedStringTable.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                }

                return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };
            }
        }

        return stream.ToArray();
    }

    public string Save(string path)
    {
        File.WriteAllBytes(path, ToBytes());
        return path;
    }

    private static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>A date cell formatted as a month ("mmm-yy"), as Excel stores "Sep-18".</summary>
    public sealed record MonthCell(DateTime Date);

    public sealed class SheetBuilder(string name)
    {
        public string Name { get; } = name;

        internal SortedDictionary<int, Dictionary<int, object>> Rows { get; } = [];

        internal List<string> Merges { get; } = [];

        /// <summary>Sets row <paramref name="number"/> (from 1): cells from column A; null leaves a cell empty; string, double, DateTime or MonthCell.</summary>
        public SheetBuilder Row(int number, params object?[] cells)
        {
            var row = new Dictionary<int, object>();
            for (var i = 0; i < cells.Length; i++)
            {
                if (cells[i] is { } value && value is not "")
                {
                    row[i] = value;
                }
            }

            Rows[number] = row;
            return this;
        }

        /// <summary>Merges a range such as "E5:E7" (its value is the top-left cell's).</summary>
        public SheetBuilder Merge(string range)
        {
            Merges.Add(range);
            return this;
        }
    }
}
