using System.Text;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Cli;
using Scrutineer.Testing;
using Xunit.Abstractions;

namespace Scrutineer.Reliability.Tests.Fuzzing;

/// <summary>
/// The area hierarchy importer (<c>scrutineer import areas</c>) over 1,000 damaged mapping files on each engine: refused
/// naming the file (store unchanged), or imported with every LSOA mapped to the district its record names.
/// </summary>
public sealed class AreasFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 1_000;
    private const int Parts = 2;

    private static readonly string[][] Rows =
    [
        ["lsoa", "district", "lpa", "force"],
        ["Basildon", "Basildon", "South LPA", "Essex Police"],
        ["Castle Point", "Castle Point and Rochford", "South LPA", "Essex Police"],
        ["Rochford", "Castle Point and Rochford", "South LPA", "Essex Police"],
        ["Southend-on-Sea", "Southend", "South LPA", "Essex Police"],
        ["Braintree", "Braintree", "North LPA", "Essex Police"],
        ["Colchester", "Colchester", "North LPA", "Essex Police"],
        ["E01021577", "Chelmsford", "West LPA", "Essex Police"],
        ["Harlow", "Harlow", "West LPA", "Essex Police"],
        ["Epping Forest", "Epping Forest and Brentwood", "West LPA", "Essex Police"],
        ["Thurrock", "Thurrock", "", "Essex Police"],
    ];

    public static TheoryData<StoreProvider, int> Data() => ImportFuzzer.ProvidersAndParts(Parts);

    [Theory]
    [MemberData(nameof(Data))]
    public async Task AreasImport_ThousandDamagedFiles_RefusedNamingTheFileOrEveryLsoaMapped(StoreProvider provider, int part)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var cases = new TextMutator(Sample(), ',').Cases(Cases).Where(c => c.Case % Parts == part);

        var (findings, succeeded) = await ImportFuzzer.RunAsync(store, cases, ".csv", path => ImportAsync(store, path),
            verify: input => VerifyAsync(store, input.Bytes));

        output.WriteLine($"{succeeded} imported, {(Cases / Parts) - succeeded} refused, {findings.Count} finding(s)");
        Assert.True(findings.Count == 0, $"{findings.Count} finding(s):\n" + string.Join('\n', findings.Take(15)));
        Assert.InRange(succeeded, 1, (Cases / Parts) - 1);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Sample_MapsEveryLsoa(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var path = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N") + "-areas.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Sample());

        var run = await ImportAsync(store, path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Null(await VerifyAsync(store, Sample()));
        File.Delete(path);
    }

    private static byte[] Sample() => Encoding.UTF8.GetBytes(string.Join('\n', Rows.Select(CsvRecords.Line)) + "\n");

    /// <summary>After a successful import: each record's LSOA is mapped to its district, which sits in its LPA (or force).</summary>
    private static async Task<string?> VerifyAsync(TestStore store, byte[] bytes)
    {
        await using var db = store.Open();
        var mappings = await db.LsoaMappings.Select(m => new { m.Lsoa, District = m.Area.Name, Parent = m.Area.Parent!.Name }).ToListAsync();
        foreach (var record in CsvRecords.Read(bytes).Skip(1))
        {
            var mapping = mappings.SingleOrDefault(m => string.Equals(m.Lsoa, record[0].Trim(), StringComparison.OrdinalIgnoreCase));
            var parent = record[2].Trim().Length > 0 ? record[2].Trim() : record[3].Trim();
            if (mapping is null || !string.Equals(mapping.District, record[1].Trim(), StringComparison.OrdinalIgnoreCase)
                || !string.Equals(mapping.Parent, parent, StringComparison.OrdinalIgnoreCase))
            {
                return $"'{record[0]}' is mapped to {mapping?.District ?? "nothing"} in {mapping?.Parent}, not {record[1]} in {parent}";
            }
        }

        return null;
    }

    /// <summary>What <c>scrutineer import areas FILE</c> does, without re-checking the schema on every case.</summary>
    private static Task<CliRun> ImportAsync(TestStore store, string path) =>
        ImportFuzzer.InProcessAsync(store, db => new AreaMappingImport(db).ImportAsync(path));
}
