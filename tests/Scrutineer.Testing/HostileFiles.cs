using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Scrutineer.Application.Delivery;

namespace Scrutineer.Testing;

/// <summary>
/// Files built to take a parser down, as reported against the web server: a small workbook whose sheet nests XML
/// elements thousands deep, a plan file nesting <c>[</c> thousands deep, a plan file in the plan's own shape whose YAML
/// aliases expand without bound, and a small workbook packed with hundreds of thousands of cells.
/// </summary>
public static partial class HostileFiles
{
    /// <summary>A one-sheet delivery plan whose sheet data opens with <paramref name="depth"/> nested elements (20,000: 2.9 KB).</summary>
    public static byte[] NestedXmlWorkbook(int depth)
    {
        var nested = new StringBuilder();
        return WithSheet((sheet, x) =>
        {
            for (var i = 0; i < depth; i++)
            {
                nested.Append('<').Append(x).Append("x>");
            }

            for (var i = 0; i < depth; i++)
            {
                nested.Append("</").Append(x).Append("x>");
            }

            return sheet.Replace($"<{x}sheetData>", $"<{x}sheetData>{nested}", StringComparison.Ordinal);
        });
    }

    /// <summary>A plan file whose title is <paramref name="depth"/> nested flow lists (50,000: about 100 KB).</summary>
    public static byte[] NestedBracketsPlan(int depth) =>
        Encoding.UTF8.GetBytes("plan:\n  title: " + new string('[', depth) + new string(']', depth) + "\n");

    /// <summary>
    /// A plan file in the plan's own shape whose units are lists of the unit before, three times over, <paramref name="levels"/>
    /// deep: expanded, it would hold 3^levels units.
    /// </summary>
    public static byte[] AliasPlan(int levels = 20)
    {
        var text = new StringBuilder("plan:\n  title: Plan\n  first_year: 2021/22\n  last_year: 2023/24\nunits:\n  - &u0 {name: Unit, short: U}\n");
        for (var i = 1; i < levels; i++)
        {
            text.Append("  - &u").Append(i).Append(" [*u").Append(i - 1).Append(", *u").Append(i - 1).Append(", *u").Append(i - 1).Append("]\n");
        }

        text.Append("priorities: [*u").Append(levels - 1).Append(", *u").Append(levels - 1).Append("]\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// A delivery plan workbook packed with <paramref name="rows"/> rows of 12 inline-text cells (14,000 rows: 168,000
    /// cells and over 500,000 XML elements, compressed to about 650 KB).
    /// </summary>
    public static byte[] DenseWorkbook(int rows = 14_000) => WithSheet((sheet, x) =>
    {
        var dense = new StringBuilder();
        for (var r = 4; r < rows + 4; r++)
        {
            dense.Append('<').Append(x).Append("row r=\"").Append(r).Append("\">");
            for (var c = 0; c < 12; c++)
            {
                dense.Append('<').Append(x).Append("c r=\"").Append((char)('A' + c)).Append(r).Append("\" t=\"inlineStr\"><")
                    .Append(x).Append("is><").Append(x).Append("t>Task ").Append(r * 12 + c).Append("</").Append(x).Append("t></")
                    .Append(x).Append("is></").Append(x).Append("c>");
            }

            dense.Append("</").Append(x).Append("row>");
        }

        return sheet.Replace($"</{x}sheetData>", dense + $"</{x}sheetData>", StringComparison.Ordinal);
    });

    /// <summary>A valid one-sheet delivery plan whose sheet XML is rewritten by <paramref name="change"/> (given the sheet's element prefix, such as "x:").</summary>
    public static byte[] WithSheet(Func<string, string, string> change)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, [new XlsxSheet("Plan", [["Burglary 4P plan"], ["Strand", "Task", "Who", "When"], ["PREVENT", "Mark property", "North LPA", "Sep-24"]], [20, 20, 20, 20], HeaderRow: 2)]);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open());
            var prefix = SheetData().Match(xml).Groups[1].Value;
            if (!xml.Contains($"</{prefix}sheetData>", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The written sheet has no sheetData element to rewrite.");
            }

            writer.Write(change(xml, prefix));
        }

        return stream.ToArray();
    }

    [GeneratedRegex("<(\\w+:)?sheetData[ >/]")]
    private static partial Regex SheetData();
}
