using System.Text;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Cli;
using Scrutineer.Testing;

namespace Scrutineer.Reliability.Tests.Fuzzing;

/// <summary>The delivery-plan importer (<c>scrutineer delivery import</c>) over 1,000 damaged CSV files and 1,000 damaged workbooks on each engine.</summary>
public sealed class DeliveryFuzzTests
{
    private const int Cases = 1_000;
    private const int Parts = 4;

    /// <summary>A small valid 4P plan (synthetic text).</summary>
    private static readonly string[][] Rows =
    [
        ["Burglary 4P plan"],
        ["Strand", "Task", "How", "Who", "When", "Task No", "Status", "Risk", "Mitigation"],
        ["PREPARE", "Train neighbourhood teams in target hardening", "Two sessions per district", "Crime Prevention", "Jun-24", "1", "Ongoing", "", ""],
        ["PREPARE", "Publish seasonal advice, including \"lock it\" reminders", "Monthly posts", "Media", "Monthly", "2", "Complete", "", ""],
        ["PREVENT", "Mark property in repeat-victim streets", "Kits to 500 homes", "North LPA", "Sep-24", "1", "Ongoing", "", ""],
        ["PREVENT", "Fit door chains for older residents", "With the fire service", "South LPA", "Dec-24", "2", "At risk", "Supplier delay", "Second supplier"],
        ["PROTECT", "Review lighting on alleyways", "With the councils", "West LPA", "Mar-25", "1", "Not started", "", ""],
        ["PURSUE", "Target prolific offenders on release", "Weekly tasking", "SCD", "Quarterly", "1", "Ongoing", "", ""],
        ["PURSUE", "Check second-hand dealers, with trading standards", "Four visits a quarter", "SCD", "Quarterly", "2", "Ongoing", "", ""],
    ];

    public static TheoryData<StoreProvider, string, int> Data()
    {
        var data = new TheoryData<StoreProvider, string, int>();
        foreach (var provider in new[] { StoreProvider.Sqlite, StoreProvider.PostgreSql })
        {
            foreach (var format in new[] { ".csv", ".xlsx" })
            {
                for (var part = 0; part < Parts; part++)
                {
                    data.Add(provider, format, part);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Data))]
    public async Task DeliveryImport_ThousandDamagedFiles_NeverCrashesNeverWritesOnFailureAlwaysNamesTheFile(StoreProvider provider, string format, int part)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var cases = (format == ".csv" ? new TextMutator(Csv(), ',').Cases(Cases) : new XlsxMutator(Xlsx()).Cases(Cases))
            .Where(c => c.Case % Parts == part);

        var (findings, succeeded) = await ImportFuzzer.RunAsync(store, cases, format, path => ImportAsync(store, path));

        Assert.True(findings.Count == 0, $"{findings.Count} finding(s):\n" + string.Join('\n', findings.Take(15)));
        Assert.InRange(succeeded, 1, (Cases / Parts) - 1);
    }

    [Fact]
    public void ZipBomb_IsRefusedBeforeItIsUnpacked_NamingTheFile()
    {
        var bomb = new XlsxMutator(Xlsx()).Cases(5).Single(c => c.Case == 4);
        Assert.StartsWith("ZipBomb: sheet inflating to 400 MB", bomb.Description, StringComparison.Ordinal);
        Assert.True(bomb.Bytes.Length < 8_000_000, $"the bomb is {bomb.Bytes.Length:N0} bytes packed"); // at least 50:1

        var error = Assert.Throws<DeliveryImportException>(() => WorkbookReader.ReadXlsx("bomb.xlsx", bomb.Bytes));

        Assert.StartsWith("bomb.xlsx: the workbook would unpack to 400 MB, more than the 50 MB allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seeds_AreValidDeliveryPlans()
    {
        Assert.Equal(Rows.Length, WorkbookReader.ReadCsv("seed.csv", Csv()).Rows.Count);
        Assert.Equal(Rows.Length, WorkbookReader.ReadXlsx("seed.xlsx", Xlsx()).Single().Rows.Count);
    }

    private static byte[] Csv() =>
        Encoding.UTF8.GetBytes(string.Join('\n', Rows.Select(r => string.Join(',', r.Select(c => c.Contains(',', StringComparison.Ordinal) || c.Contains('"', StringComparison.Ordinal) ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c)))) + "\n");

    private static byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, [new XlsxSheet("Burglary", Rows.Select(r => (IReadOnlyList<string>)r).ToList(), Enumerable.Repeat(20.0, 9).ToList(), HeaderRow: 2)]);
        return stream.ToArray();
    }

    /// <summary>What <c>scrutineer delivery import FILE</c> does, without re-checking the schema on every case.</summary>
    private static Task<CliRun> ImportAsync(TestStore store, string path) =>
        ImportFuzzer.InProcessAsync(store, db => DeliveryImport.ImportAsync(db, [path], new DeliveryImportOptions("Burglary strategy", new DateOnly(2024, 4, 22))));
}
