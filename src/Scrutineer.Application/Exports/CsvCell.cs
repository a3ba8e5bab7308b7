using System.Globalization;

namespace Scrutineer.Application.Exports;

/// <summary>
/// One cell of an exported CSV file. Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
/// return) is given a leading apostrophe, so Excel and LibreOffice show it as text (<c>'=HYPERLINK(…)</c>); numbers such
/// as <c>-2.2</c> are left alone. Every CSV the application writes (listings, the audit export, delivery plans, the
/// outstanding-updates download) goes through <see cref="Write"/>; importers of those files undo it with <see cref="Read"/>.
/// </summary>
public static class CsvCell
{
    private const string FormulaStarts = "=+-@\t\r";

    /// <summary>The cell as written to a CSV file: neutralised, then quoted when it holds a comma, quote or line break.</summary>
    public static string Write(string value)
    {
        value = Neutralise(value);
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary><paramref name="value"/> with an apostrophe in front when a spreadsheet would read it as a formula.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && FormulaStarts.Contains(value[0], StringComparison.Ordinal)
            && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
            ? "'" + value
            : value;

    /// <summary>A cell read back from a file <see cref="Write"/> made: the apostrophe added in front of a formula character removed.</summary>
    public static string Read(string value) =>
        value.Length > 1 && value[0] == '\'' && FormulaStarts.Contains(value[1], StringComparison.Ordinal) ? value[1..] : value;
}
