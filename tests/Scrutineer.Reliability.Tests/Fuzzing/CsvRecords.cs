using System.Text;

namespace Scrutineer.Reliability.Tests.Fuzzing;

/// <summary>
/// The fuzz tests' own reading of a CSV file (RFC 4180: quoted fields, doubled quotes, line breaks in quotes; blank lines
/// skipped), written apart from the importers so that a successful import can be checked against what the file holds.
/// </summary>
internal static class CsvRecords
{
    /// <summary>Every record of <paramref name="bytes"/> (UTF-8 unless a byte order mark says otherwise), header first.</summary>
    public static List<string[]> Read(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd().TrimStart('\uFEFF');
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                End();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        End();
        return records;

        void End()
        {
            fields.Add(field.ToString());
            field.Clear();
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                records.Add([.. fields]);
            }

            fields.Clear();
        }
    }

    /// <summary>Joins cells into a CSV line, quoting those that need it.</summary>
    public static string Line(IEnumerable<string> cells) =>
        string.Join(',', cells.Select(c => c.Contains(',', StringComparison.Ordinal) || c.Contains('"', StringComparison.Ordinal)
            ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : c));
}
