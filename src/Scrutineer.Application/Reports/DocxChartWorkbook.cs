using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Scrutineer.Application.Delivery;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>
/// The workbook embedded in a Word chart, so that "Edit Data" in Word opens the chart's figures: one sheet
/// (<see cref="SheetName"/>), the categories in column A from row 2, each series in the next column with its name in
/// row 1. <see cref="DocxChart"/> refers to these cells.
/// </summary>
internal static class DocxChartWorkbook
{
    public const string SheetName = "Sheet1";

    /// <summary>The absolute reference of a range in the sheet: "Sheet1!$B$2:$B$25".</summary>
    public static string Range(int column, int firstRow, int lastRow)
    {
        var letter = XlsxWriter.ColumnName(column);
        return firstRow == lastRow
            ? string.Create(CultureInfo.InvariantCulture, $"{SheetName}!${letter}${firstRow}")
            : string.Create(CultureInfo.InvariantCulture, $"{SheetName}!${letter}${firstRow}:${letter}${lastRow}");
    }

    public static void Write(Stream stream, ReportChart chart)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var header = new Row { RowIndex = 1U };
        for (var s = 0; s < chart.Series.Count; s++)
        {
            header.Append(TextCell(s + 1, 1, chart.Series[s].Name));
        }

        data.Append(header);
        for (var i = 0; i < chart.Categories.Count; i++)
        {
            var rowIndex = i + 2;
            var row = new Row { RowIndex = (uint)rowIndex };
            row.Append(TextCell(0, rowIndex, chart.Categories[i]));
            for (var s = 0; s < chart.Series.Count; s++)
            {
                if (i < chart.Series[s].Values.Count && chart.Series[s].Values[i] is { } v)
                {
                    row.Append(new Cell
                    {
                        CellReference = Reference(s + 1, rowIndex),
                        DataType = CellValues.Number,
                        CellValue = new CellValue(v.ToString("R", CultureInfo.InvariantCulture)),
                    });
                }
            }

            data.Append(row);
        }

        sheet.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1U, Name = SheetName }));
        workbook.Workbook.Save();
    }

    private static Cell TextCell(int column, int row, string text) => new()
    {
        CellReference = Reference(column, row),
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static string Reference(int column, int row) => XlsxWriter.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);
}
