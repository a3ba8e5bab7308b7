using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Scrutineer.Application.Csv;
using Scrutineer.Application.Exports;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Delivery;

/// <summary>
/// Reads a delivery-plan workbook (.xlsx) or a CSV file into text grids. Shared strings, inline strings, numbers and
/// date-formatted numbers are turned into text ("Sep-18" for a month-formatted date, "15/06/2018" for a day); a merged
/// range's value is copied down the rows it spans. Refuses, with a message naming the file, anything that is not a
/// readable workbook: an encrypted or password-protected file, an old .xls, a truncated or damaged package.
/// </summary>
public static class WorkbookReader
{
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Reads <paramref name="path"/>: .xlsx (or .xlsm) gives one grid per sheet; .csv gives one grid.</summary>
    /// <exception cref="DeliveryImportException">The file is missing, of another type, encrypted, damaged or not a workbook.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while the file was read.</exception>
    public static IReadOnlyList<SheetGrid> Read(string path, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new DeliveryImportException($"{name}: file not found ({Path.GetFullPath(path)}).");
        }

        WorkbookLimits.CheckFileSize(name, new FileInfo(path).Length);
        var bytes = File.ReadAllBytes(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" or ".xlsm" => ReadXlsx(name, bytes, cancellationToken),
            ".csv" => [ReadCsv(name, bytes)],
            var other => throw new DeliveryImportException(
                $"{name}: '{other}' files are not read; expected an Excel workbook (.xlsx) or a CSV file (.csv)."),
        };
    }

    /// <summary>Reads an .xlsx held in memory.</summary>
    public static IReadOnlyList<SheetGrid> ReadXlsx(string name, byte[] bytes, CancellationToken cancellationToken = default)
    {
        if (bytes.Length >= 8 && bytes.AsSpan(0, 8).SequenceEqual(CompoundFileSignature))
        {
            throw new DeliveryImportException(
                $"{name}: the workbook is encrypted or password-protected (or is an old-style .xls). Remove the password in Excel "
                + "(File › Info › Protect Workbook › Encrypt with Password, clear it) and save as an .xlsx workbook, then import again.");
        }

        if (bytes.Length < 4 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K')
        {
            throw new DeliveryImportException($"{name}: not an Excel workbook (an .xlsx file is a zip package; this file is not one).");
        }

        try
        {
            WorkbookLimits.CheckPackage(name, bytes, cancellationToken);
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new DeliveryImportException($"{name}: the package holds no workbook.");
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var dateStyles = DateStyles(workbook);
            var sheets = new List<SheetGrid>();
            var book = workbook.Workbook ?? throw new DeliveryImportException($"{name}: the workbook is damaged and cannot be read (its workbook part is unreadable).");
            foreach (var sheet in book.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }

                if (part.Worksheet is null)
                {
                    throw new DeliveryImportException($"{name}: the workbook is damaged and cannot be read (sheet '{sheet.Name?.Value}' is unreadable).");
                }

                sheets.Add(ReadSheet(name, sheet.Name?.Value ?? "Sheet", part, shared, dateStyles, cancellationToken));
            }

            return sheets;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or XmlException or OpenXmlPackageException
            or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            throw new DeliveryImportException($"{name}: the workbook is damaged or truncated and cannot be read ({ex.Message}).");
        }
    }

    private static SheetGrid ReadSheet(string file, string sheetName, WorksheetPart part, List<string> shared, Dictionary<uint, bool> dateStyles, CancellationToken cancellationToken)
    {
        var cells = new SortedDictionary<int, SortedDictionary<int, string>>();
        long count = 0;
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var cell in row.Elements<Cell>())
            {
                if (cell.CellReference?.Value is not { } reference)
                {
                    continue;
                }

                var (column, rowNumber) = Parse(reference);
                WorkbookLimits.CheckCell(file, sheetName, reference, column, rowNumber);
                var text = CellText(cell, shared, dateStyles);
                if (text.Length > 0)
                {
                    if (!cells.TryGetValue(rowNumber, out var line))
                    {
                        cells[rowNumber] = line = [];
                    }

                    line[column] = text;
                    WorkbookLimits.CheckCellCount(file, sheetName, ++count);
                }
            }
        }

        var filled = new Dictionary<int, HashSet<int>>();
        foreach (var merge in part.Worksheet.Descendants<MergeCell>())
        {
            if (merge.Reference?.Value?.Split(':') is not [var from, var to])
            {
                continue;
            }

            var (c1, r1) = Parse(from);
            var (c2, r2) = Parse(to);
            WorkbookLimits.CheckCell(file, sheetName, from, c1, r1);
            WorkbookLimits.CheckCell(file, sheetName, to, c2, r2);
            if (r2 <= r1 || !cells.TryGetValue(r1, out var top) || !top.TryGetValue(c1, out var value))
            {
                continue;
            }

            for (var r = r1 + 1; r <= r2; r++)
            {
                if (!cells.TryGetValue(r, out var line))
                {
                    cells[r] = line = [];
                }

                if (!line.ContainsKey(c1))
                {
                    line[c1] = value;
                    WorkbookLimits.CheckCellCount(file, sheetName, ++count);
                    if (!filled.TryGetValue(r, out var set))
                    {
                        filled[r] = set = [];
                    }

                    set.Add(c1);
                }
            }

            _ = c2;
        }

        var rows = cells.Select(kv =>
        {
            var width = kv.Value.Count == 0 ? 0 : kv.Value.Keys.Max() + 1;
            var array = new string[width];
            for (var i = 0; i < width; i++)
            {
                array[i] = kv.Value.TryGetValue(i, out var v) ? v : "";
            }

            return new GridRow(kv.Key, array, filled.TryGetValue(kv.Key, out var set) ? set : new HashSet<int>());
        }).ToList();
        return new SheetGrid(file, sheetName, rows);
    }

    private static string CellText(Cell cell, List<string> shared, Dictionary<uint, bool> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Count
                ? shared[index].Trim()
                : throw new FormatException($"cell {cell.CellReference} points at shared string {raw}, which does not exist");
        }

        if (type == CellValues.InlineString)
        {
            return (cell.InlineString?.InnerText ?? "").Trim();
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        if (type == CellValues.String || type == CellValues.Error)
        {
            return raw.Trim();
        }

        if (raw.Length == 0)
        {
            return "";
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw.Trim();
        }

        if (cell.StyleIndex?.Value is { } style && dateStyles.TryGetValue(style, out var hasDay) && number is > 0 and < 2958466)
        {
            var date = DateTime.FromOADate(number);
            return hasDay ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : date.ToString("MMM-yy", CultureInfo.InvariantCulture);
        }

        return number.ToString("0.##########", CultureInfo.InvariantCulture);
    }

    /// <summary>Style indexes whose number format is a date, and whether it shows the day.</summary>
    private static Dictionary<uint, bool> DateStyles(WorkbookPart workbook)
    {
        var result = new Dictionary<uint, bool>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return result;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            bool? hasDay = id switch
            {
                14 or 15 or 16 or 22 => true,
                17 => false,
                _ when custom.TryGetValue(id, out var code) => CustomDate(code),
                _ => null,
            };
            if (hasDay is { } d)
            {
                result[index] = d;
            }

            index++;
        }

        return result;
    }

    private static bool? CustomDate(string code)
    {
        var plain = new StringBuilder();
        var quoted = false;
        var bracket = false;
        foreach (var c in code)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '[')
            {
                bracket = true;
            }
            else if (c == ']')
            {
                bracket = false;
            }
            else if (!quoted && !bracket)
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        var text = plain.ToString();
        return text.Contains('y', StringComparison.Ordinal) ? text.Contains('d', StringComparison.Ordinal) : null;
    }

    private static (int Column, int Row) Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsLetter(reference[i]); i++)
        {
            column = checked((column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1));
        }

        var row = int.Parse(reference.AsSpan(i), NumberStyles.Integer, CultureInfo.InvariantCulture);
        return (column - 1, row);
    }

    /// <summary>Reads a CSV file (RFC 4180: quoted fields may hold commas, quotes and line breaks; UTF-8, BOM optional).</summary>
    public static SheetGrid ReadCsv(string name, byte[] bytes)
    {
        if (bytes.Length >= 4 && (bytes[0] == (byte)'P' && bytes[1] == (byte)'K' || bytes.AsSpan(0, Math.Min(8, bytes.Length)).SequenceEqual(CompoundFileSignature.AsSpan(0, Math.Min(8, bytes.Length)))))
        {
            throw new DeliveryImportException($"{name}: this is a binary (Excel) file, not CSV text; rename it .xlsx or save it as CSV.");
        }

        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw new DeliveryImportException($"{name}: not UTF-8 text; save the CSV as 'CSV UTF-8'.");
        }

        if (bytes.AsSpan().Contains((byte)0))
        {
            throw new DeliveryImportException($"{name}: not a CSV text file (it holds binary data).");
        }

        var rows = new List<GridRow>();
        using var reader = new CsvReader(new MemoryStream(bytes, writable: false), WorkbookLimits.CsvRecords);
        while (true)
        {
            try
            {
                if (!reader.Read())
                {
                    break;
                }
            }
            catch (CsvException ex)
            {
                throw new DeliveryImportException(string.Create(CultureInfo.InvariantCulture, $"{name}, line {ex.Line}: {ex.Problem}"));
            }

            // The apostrophe an export puts before a formula character is taken off again (CsvCell.Read).
            var cells = new string[reader.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = CsvCell.Read(reader.Text(i).Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
            }

            var row = new GridRow(checked((int)reader.Line), cells, new HashSet<int>());
            if (!row.IsBlank)
            {
                rows.Add(row);
            }
        }

        return new SheetGrid(name, Path.GetFileNameWithoutExtension(name), rows);
    }
}
