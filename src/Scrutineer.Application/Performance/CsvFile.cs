using System.Globalization;
using Scrutineer.Application.Csv;

namespace Scrutineer.Application.Performance;

/// <summary>
/// Modest CSV files (measure definitions, tidy observations, area mappings) read as text records through the one
/// <see cref="CsvReader"/>, with their limits: the file's size, a record's length and field count, and the number of lines.
/// </summary>
internal static class CsvFile
{
    /// <summary>The largest file read: 64 MB (a measures or mapping file is a few megabytes).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The longest record, line breaks in quotes included: 64 KB.</summary>
    public const int MaxRecordChars = 64 * 1024;

    /// <summary>The most fields one record may have.</summary>
    public const int MaxFields = 100;

    /// <summary>The most records (lines) one file may hold, header included.</summary>
    public const int MaxRecords = 1_000_000;

    private static readonly CsvLimits Limits = new(MaxFileBytes, MaxRecordChars, MaxFields, MaxRecords,
        size => Limit($"the file is {size / (1024 * 1024):N0} MB, more than the {MaxFileBytes / (1024 * 1024):N0} MB a CSV file may be: split it into smaller files."),
        Limit($"a record longer than {MaxRecordChars:N0} characters, the most one may hold: is a quote left open?"),
        Limit($"more than {MaxFields} fields, the most a record may have."),
        Limit($"more than {MaxRecords:N0} records, the most one CSV file may hold: split it into smaller files."));

    /// <summary>Each record with the line it starts on (1-based). Blank lines are skipped.</summary>
    /// <exception cref="ImportException">A quote left open at the end of the file, or a limit broken (the message names it).</exception>
    public static IEnumerable<(long Line, string[] Fields)> Read(string path)
    {
        try
        {
            Limits.CheckFileSize(new FileInfo(path).Length);
        }
        catch (CsvException ex)
        {
            throw new ImportException(path, ex.Line, ex.Problem);
        }

        return Records(path);
    }

    private static IEnumerable<(long Line, string[] Fields)> Records(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var reader = new CsvReader(stream, Limits);
        while (Next(path, reader))
        {
            if (reader.IsBlank)
            {
                continue;
            }

            var fields = new string[reader.Count];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.Text(i);
            }

            yield return (reader.Line, fields);
        }
    }

    private static bool Next(string path, CsvReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvException ex)
        {
            throw new ImportException(path, ex.Line, ex.Problem);
        }
    }

    private static string Limit(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
