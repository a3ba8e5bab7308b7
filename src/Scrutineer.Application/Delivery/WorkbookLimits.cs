using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Scrutineer.Application.Csv;

namespace Scrutineer.Application.Delivery;

/// <summary>
/// The limits a workbook must keep before and while it is read, far above any real delivery plan (a few hundred rows,
/// a few dozen columns): the package may not unpack to more than <see cref="MaxInflatedBytes"/> (a zip bomb), and every
/// XML part of it is first streamed through an <see cref="XmlReader"/> (no DTDs,
/// no recursion a file can drive) and refused if it nests deeper than <see cref="MaxXmlDepth"/> or holds more than
/// <see cref="MaxXmlElements"/> elements; a sheet may not reach past row <see cref="MaxRows"/> or column
/// <see cref="MaxColumns"/>, nor hold more than <see cref="MaxCells"/> cells once merged ranges are copied down.
/// </summary>
public static class WorkbookLimits
{
    /// <summary>The largest workbook or CSV file read: 50 MB (a real delivery plan is well under 1 MB).</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>The longest CSV record, line breaks in quotes included: 256 KB.</summary>
    public const int MaxCsvRecordChars = 256 * 1024;

    /// <summary>The most a workbook may unpack to: far above any real delivery plan (a few megabytes).</summary>
    public const long MaxInflatedBytes = 50L * 1024 * 1024;

    /// <summary>The deepest XML nesting accepted (a real sheet nests about 6 deep).</summary>
    public const int MaxXmlDepth = 64;

    /// <summary>The most XML elements in one part: 250,000 (a real delivery plan's sheet holds about 15,000).</summary>
    public const int MaxXmlElements = 250_000;

    /// <summary>The last row read.</summary>
    public const int MaxRows = 50_000;

    /// <summary>The last column read (column ALL).</summary>
    public const int MaxColumns = 1_000;

    /// <summary>The most cells with text in one sheet, merged ranges included.</summary>
    public const int MaxCells = 500_000;

    /// <summary>
    /// In one pass over the package: refuses it if it would unpack to more than <see cref="MaxInflatedBytes"/>, before
    /// anything is unpacked; then streams every XML part, refusing one that nests too deep, holds too many elements or a DTD.
    /// </summary>
    /// <exception cref="DeliveryImportException">The package or a part breaks a limit (the message names the file, the part and the limit).</exception>
    /// <exception cref="InvalidDataException">The package is damaged (the reader reports it as a damaged workbook).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while the parts were read.</exception>
    public static void CheckPackage(string name, byte[] bytes, CancellationToken cancellationToken = default)
    {
        using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        var total = archive.Entries.Sum(e => e.Length);
        if (total > MaxInflatedBytes)
        {
            throw new DeliveryImportException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: the workbook would unpack to {total / (1024 * 1024):N0} MB, more than the {MaxInflatedBytes / (1024 * 1024):N0} MB allowed; it is not an ordinary delivery plan."));
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
        foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, settings);
            var elements = 0;
            try
            {
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (reader.Depth >= MaxXmlDepth)
                    {
                        throw Broken(name, entry.FullName, $"its XML nests more than {MaxXmlDepth} deep");
                    }

                    if ((elements & 0xFFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (++elements > MaxXmlElements)
                    {
                        throw Broken(name, entry.FullName, $"it holds more than {MaxXmlElements:N0} XML elements");
                    }
                }
            }
            catch (XmlException ex)
            {
                throw new DeliveryImportException($"{name}: the workbook is damaged and cannot be read ({entry.FullName}: {ex.Message}).");
            }
        }
    }

    /// <summary>Refuses a file larger than <see cref="MaxFileBytes"/>, before it is read.</summary>
    /// <exception cref="DeliveryImportException">The file is too large.</exception>
    public static void CheckFileSize(string name, long bytes)
    {
        if (bytes > MaxFileBytes)
        {
            throw new DeliveryImportException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: the file is {bytes / (1024 * 1024):N0} MB, more than the {MaxFileBytes / (1024 * 1024):N0} MB a delivery plan file may be; a delivery plan is far smaller."));
        }
    }

    /// <summary>What a delivery plan CSV file may hold, and the words each limit is refused in (the file's size is checked before, <see cref="CheckFileSize"/>).</summary>
    internal static readonly CsvLimits CsvRecords = new(MaxFileBytes, MaxCsvRecordChars, MaxColumns, MaxRows,
        bytes => string.Create(CultureInfo.InvariantCulture, $"the file is {bytes / (1024 * 1024):N0} MB, more than the {MaxFileBytes / (1024 * 1024):N0} MB a delivery plan file may be."),
        string.Create(CultureInfo.InvariantCulture, $"a record longer than {MaxCsvRecordChars:N0} characters, the most one may hold: is a quote left open? A delivery plan is far smaller."),
        string.Create(CultureInfo.InvariantCulture, $"more than {MaxColumns:N0} fields, the most a record may have; a delivery plan is far smaller."),
        string.Create(CultureInfo.InvariantCulture, $"more than {MaxRows:N0} lines, the most a delivery plan file may hold; a delivery plan is far smaller."));

    /// <summary>Refuses a cell beyond <see cref="MaxRows"/> or <see cref="MaxColumns"/>.</summary>
    /// <exception cref="DeliveryImportException">The cell is out of bounds.</exception>
    public static void CheckCell(string name, string sheet, string reference, int column, int row)
    {
        if (row > MaxRows || column >= MaxColumns)
        {
            throw new DeliveryImportException(string.Create(CultureInfo.InvariantCulture,
                $"{name}, sheet '{sheet}': cell {reference} is beyond the {MaxRows:N0} rows and {MaxColumns:N0} columns read; a delivery plan is far smaller. Delete the stray cells and import again."));
        }
    }

    /// <summary>Refuses a sheet that would hold more than <see cref="MaxCells"/> cells.</summary>
    /// <exception cref="DeliveryImportException">Too many cells.</exception>
    public static void CheckCellCount(string name, string sheet, long cells)
    {
        if (cells > MaxCells)
        {
            throw new DeliveryImportException(string.Create(CultureInfo.InvariantCulture,
                $"{name}, sheet '{sheet}': more than {MaxCells:N0} cells with text (merged ranges included); a delivery plan is far smaller."));
        }
    }

    private static DeliveryImportException Broken(string name, string part, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{name}: the workbook cannot be read safely: {what} (in {part}). It is not an ordinary delivery plan; save it again from Excel and import again."));
}
