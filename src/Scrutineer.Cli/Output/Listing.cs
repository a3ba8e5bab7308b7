using System.CommandLine;
using System.Globalization;
using System.Text;
using Scrutineer.Application.Exports;
using System.Text.Json;
using Scrutineer.Domain.Common;

namespace Scrutineer.Cli.Output;

/// <summary>
/// Rows for a list command, printed as a table, CSV or JSON. Cells hold plain values (string, int, long, decimal, bool,
/// null): the table formats numbers in en-GB with thousands separators; CSV and JSON carry plain numbers, under the
/// columns' data names (lower case with underscores: "Last sign-in" is <c>last_sign_in</c>), so every list command's
/// files read alike whatever its table says.
/// </summary>
public sealed class Listing(params string[] columns)
{
    private readonly List<object?[]> rows = [];

    /// <summary><c>--format table|csv|json</c> for list commands.</summary>
    public static Option<OutputFormat> FormatOption() => new("--format")
    {
        Description = "table (default), csv (with a header row) or json.",
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    public IReadOnlyList<string> Columns { get; } = columns;

    public IReadOnlyList<object?[]> Rows => rows;

    public Listing Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"Expected {Columns.Count} cells, got {cells.Length}.", nameof(cells));
        }

        rows.Add(cells);
        return this;
    }

    public void Write(TextWriter writer, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Table:
                WriteTable(writer);
                break;
            case OutputFormat.Csv:
                WriteCsv(writer);
                break;
            case OutputFormat.Json:
                WriteJson(writer);
                break;
        }
    }

    private void WriteTable(TextWriter writer)
    {
        var text = rows.Select(r => r.Select(TableCell).ToArray()).ToList();
        var widths = Columns.Select((c, i) => Math.Max(c.Length, text.Count == 0 ? 0 : text.Max(r => r[i].Length))).ToArray();
        var numeric = Columns.Select((_, i) => rows.Count > 0 && rows.All(r => r[i] is null or int or long or decimal or double)).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        writer.WriteLine(Line(Columns));
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in text)
        {
            writer.WriteLine(Line(row));
        }
    }

    private void WriteCsv(TextWriter writer)
    {
        writer.WriteLine(string.Join(',', Columns.Select(c => CsvField(DataName(c)))));
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join(',', row.Select(c => CsvField(PlainCell(c)))));
        }
    }

    private void WriteJson(TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < Columns.Count; i++)
                {
                    json.WritePropertyName(DataName(Columns[i]));
                    switch (row[i])
                    {
                        case null: json.WriteNullValue(); break;
                        case int v: json.WriteNumberValue(v); break;
                        case long v: json.WriteNumberValue(v); break;
                        case decimal v: json.WriteNumberValue(v); break;
                        case double v: json.WriteNumberValue(v); break;
                        case bool v: json.WriteBooleanValue(v); break;
                        case var v: json.WriteStringValue(PlainCell(v)); break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string TableCell(object? cell) => cell switch
    {
        null => "",
        int v => v.ToString("N0", EnGb.Culture),
        long v => v.ToString("N0", EnGb.Culture),
        bool v => v ? "yes" : "no",
        IFormattable f => f.ToString(null, EnGb.Culture),
        _ => cell.ToString() ?? "",
    };

    private static string PlainCell(object? cell) => cell switch
    {
        null => "",
        bool v => v ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>
    /// A column's name in CSV and JSON: lower case letters and digits joined by underscores ("% change" is
    /// <c>percent_change</c>, "Per 1,000" is <c>per_1000</c>, "Head's email" is <c>heads_email</c>).
    /// </summary>
    public static string DataName(string column)
    {
        var name = new StringBuilder(column.Length);
        foreach (var c in column.Replace("%", "percent", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(char.ToLowerInvariant(c));
            }
            else if (name.Length > 0 && name[^1] != '_')
            {
                name.Append('_');
            }
        }

        return name.ToString().TrimEnd('_');
    }

    /// <summary>Quotes a CSV field when needed, and neutralises spreadsheet formulas (<see cref="CsvCell.Write"/>).</summary>
    public static string CsvField(string value) => CsvCell.Write(value);
}
