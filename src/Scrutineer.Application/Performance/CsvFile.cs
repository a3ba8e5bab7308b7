using System.Globalization;
using System.Text;

namespace Scrutineer.Application.Performance;

/// <summary>
/// A small RFC 4180 CSV reader for modest files (definitions, tidy observations, mappings): quoted fields, doubled
/// quotes, line breaks in quotes. Its limits are enforced while reading, character by character: the file's size, a
/// record's length and field count, and the number of records.
/// </summary>
internal static class CsvFile
{
    /// <summary>The largest file read: 64 MB (a measures or mapping file is a few megabytes).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The longest record, line breaks in quotes included: 64 KB.</summary>
    public const int MaxRecordChars = 64 * 1024;

    /// <summary>The most fields one record may have.</summary>
    public const int MaxFields = 100;

    /// <summary>The most records one file may hold (header included).</summary>
    public const int MaxRecords = 1_000_000;

    /// <summary>Each record with the line it starts on (1-based). Blank lines are skipped.</summary>
    /// <exception cref="ImportException">A quote left open at the end of the file, or a limit broken (the message names it).</exception>
    public static IEnumerable<(long Line, string[] Fields)> Read(string path)
    {
        var size = new FileInfo(path).Length;
        if (size > MaxFileBytes)
        {
            throw new ImportException(path, 1, Limit($"the file is {size / (1024 * 1024):N0} MB, more than the {MaxFileBytes / (1024 * 1024):N0} MB a CSV file may be: split it into smaller files."));
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var recordChars = 0;
        var records = 0;
        var fields = new List<string>();
        var field = new StringBuilder();
        long line = 1, start = 1;
        var inQuotes = false;
        var fieldStarted = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (++recordChars > MaxRecordChars)
            {
                throw new ImportException(path, start, Limit($"a record longer than {MaxRecordChars:N0} characters, the most one may hold: is a quote left open?"));
            }

            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    if (fields.Count + 1 >= MaxFields)
                    {
                        throw new ImportException(path, start, Limit($"more than {MaxFields} fields, the most a record may have."));
                    }

                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (fieldStarted || field.Length > 0 || fields.Count > 0)
                    {
                        if (++records > MaxRecords)
                        {
                            throw new ImportException(path, start, Limit($"more than {MaxRecords:N0} records, the most one CSV file may hold: split it into smaller files."));
                        }

                        fields.Add(field.ToString());
                        yield return (start, fields.ToArray());
                    }

                    recordChars = 0;
                    fields.Clear();
                    field.Clear();
                    fieldStarted = false;
                    line++;
                    start = line;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new ImportException(path, start, "a quoted field is not closed before the end of the file.");
        }

        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields.ToArray());
        }
    }

    private static string Limit(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
