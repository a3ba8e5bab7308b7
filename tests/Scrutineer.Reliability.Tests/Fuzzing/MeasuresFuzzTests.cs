using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Cli;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Testing;
using Xunit.Abstractions;

namespace Scrutineer.Reliability.Tests.Fuzzing;

/// <summary>
/// The tidy measures CSV importer (<c>scrutineer import measures</c>) over 1,000 damaged observation files on each engine
/// (and definitions files among them, where a damaged header is read as the other layout). A damaged file is refused
/// naming the file (store unchanged), or imports with every record held: its measure, area and period carry its value.
/// </summary>
public sealed class MeasuresFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 1_000;
    private const int Parts = 2;

    private static readonly string[][] Rows =
    [
        ["measure", "area", "period", "value", "numerator", "denominator"],
        ["Police officers", "Essex Police", "2023-09", "3612", "", ""],
        ["Police officers", "Essex Police", "2023-10", "3618", "", ""],
        ["Police officers", "Essex Police", "2023-11", "3630", "", ""],
        ["DVPN to DVPO conversion", "Essex Police", "Q2 2023/24", "", "185", "205"],
        ["DVPN to DVPO conversion", "Essex Police", "Q3 2023/24", "88.5", "177", "200"],
        ["Orders granted", "Essex Police", "2023/24", "42", "", ""],
        ["Orders granted", "North LPA", "2023/24", "17", "", ""],
        ["999 calls answered within 10 seconds", "Essex Police", "2023-09", "91.25", "", ""],
        ["999 calls answered within 10 seconds", "Essex Police, Southend", "2023-10", "89.5", "", ""],
        ["Police officers", "North LPA", "2023-09", "1204", "", ""],
    ];

    public static TheoryData<StoreProvider, int> Data() => ImportFuzzer.ProvidersAndParts(Parts);

    [Theory]
    [MemberData(nameof(Data))]
    public async Task MeasuresImport_ThousandDamagedFiles_RefusedNamingTheFileOrEveryRecordHeld(StoreProvider provider, int part)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await DefineAsync(store);
        var cases = new TextMutator(Sample(), ',').Cases(Cases).Where(c => c.Case % Parts == part);

        var (findings, succeeded) = await ImportFuzzer.RunAsync(store, cases, ".csv", path => ImportAsync(store, path),
            verify: input => VerifyAsync(store, input.Bytes));

        output.WriteLine($"{succeeded} imported, {(Cases / Parts) - succeeded} refused, {findings.Count} finding(s)");
        Assert.True(findings.Count == 0, $"{findings.Count} finding(s):\n" + string.Join('\n', findings.Take(15)));
        Assert.InRange(succeeded, 1, (Cases / Parts) - 1);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Sample_ImportsEveryRecord(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await DefineAsync(store);
        var path = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N") + "-measures.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Sample());

        var run = await ImportAsync(store, path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Null(await VerifyAsync(store, Sample()));
        File.Delete(path);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task MeasuresImport_ValueTooLargeForTheStore_RefusedNamingFileAndLineAndStoreUnchanged(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await DefineAsync(store);
        var folder = Path.Combine(Path.GetTempPath(), "scrutineer-tests", "too-large-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var before = await StoreFingerprint.TakeAsync(store);
        var cases = new (string Row, string Problem)[]
        {
            ("Police officers,Essex Police,2023-09,100000000000000,,", "value '100000000000000' is too large"),
            ("Police officers,Essex Police,2023-09,1e20,,", "value '1e20' is too large"),
            ("DVPN to DVPO conversion,Essex Police,Q2 2023/24,,99999999999999,0.0001", "the rate (numerator / denominator × 100) '99999999999999 / 0.0001' is too large"),
            ("DVPN to DVPO conversion,Essex Police,Q2 2023/24,,1,1e-27", "is too large"),
        };

        foreach (var (row, problem) in cases)
        {
            var path = Path.Combine(folder, "too-large.csv");
            await File.WriteAllTextAsync(path, "measure,area,period,value,numerator,denominator\nPolice officers,North LPA,2023-09,1204,,\n" + row + "\n");

            var run = await ImportAsync(store, path);

            Assert.True(run.ExitCode == 1, $"{row}: exit {run.ExitCode}: {run.Error}");
            Assert.Contains("too-large.csv:3: ", run.Error, StringComparison.Ordinal);
            Assert.Contains(problem, run.Error, StringComparison.Ordinal);
            Assert.Equal(before, await StoreFingerprint.TakeAsync(store));
        }

        Directory.Delete(folder, recursive: true);
    }

    internal static byte[] Sample() => Encoding.UTF8.GetBytes(string.Join('\n', Rows.Select(CsvRecords.Line)) + "\n");

    /// <summary>Defines the rate and the percentage measure, as a force would before importing their values.</summary>
    private static async Task DefineAsync(TestStore store)
    {
        var path = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N") + "-definitions.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "name,unit,kind,better,definition,source\n"
            + "DVPN to DVPO conversion,%,rate,higher,Domestic violence protection notices that became orders,Force DA team\n"
            + "999 calls answered within 10 seconds,%,percentage,higher,\"Share of 999 calls answered within 10 seconds, as BT reports\",Contact management\n");
        await using var db = store.Open();
        await new MeasuresImport(db).ImportAsync(path);
        File.Delete(path);
    }

    /// <summary>After a successful import: every observation record is held with its value (or its rate's numerator and denominator).</summary>
    private static async Task<string?> VerifyAsync(TestStore store, byte[] bytes)
    {
        var records = CsvRecords.Read(bytes);
        if (!string.Equals(records[0][0].Trim(), "measure", StringComparison.OrdinalIgnoreCase))
        {
            return null; // read as definitions: nothing to count
        }

        await using var db = store.Open();
        var held = await db.Observations.Select(o => new { Measure = o.Measure.Name, Area = o.Area.Name, o.Kind, o.Period, o.Value, o.Numerator }).ToListAsync();
        foreach (var record in records.Skip(1))
        {
            var period = record[2].Trim();
            var (kind, month) = ReportingMonth.TryParse(period, out var m) ? (PeriodKind.Month, m)
                : FinancialQuarter.TryParse(period, out var q, out _) ? (PeriodKind.Quarter, q.FirstMonth)
                : (PeriodKind.FinancialYear, FinancialYear.Parse(period).FirstMonth);
            var found = held.Where(o => string.Equals(o.Measure, record[0].Trim(), StringComparison.OrdinalIgnoreCase)
                && string.Equals(o.Area, record[1].Trim(), StringComparison.OrdinalIgnoreCase) && o.Kind == kind && o.Period == month).ToList();
            if (found.Count != 1)
            {
                return $"{found.Count} observations held for {string.Join(" / ", record[..3])}";
            }

            var rate = record[3].Trim().Length == 0 && record.Length == 6;
            var expected = rate ? record[4] : record[3];
            var value = rate ? found[0].Numerator : found[0].Value;
            if (value != decimal.Parse(expected, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture))
            {
                return $"{string.Join(" / ", record[..3])} holds {value} for '{expected}'";
            }
        }

        return null;
    }

    /// <summary>What <c>scrutineer import measures FILE</c> does, without re-checking the schema on every case.</summary>
    private static Task<CliRun> ImportAsync(TestStore store, string path) =>
        ImportFuzzer.InProcessAsync(store, db => new MeasuresImport(db).ImportAsync(path));
}
