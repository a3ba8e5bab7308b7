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
/// The data.police.uk importer (<c>scrutineer import police-uk</c>) over damaged street, outcomes and stop-and-search files:
/// 1,000 cases on each engine. Rows may legitimately have empty fields, so a damaged file may import; the oracle accepts
/// only a refusal naming the file (store unchanged) or an import where every published row counts once: the rows
/// counted equal the file's records, and the force's monthly figures add up to them.
/// </summary>
public sealed class PoliceUkFuzzTests(ITestOutputHelper output)
{
    private const int Parts = 2;

    /// <summary>Cases per file kind on each engine: 1,000 in all.</summary>
    private static readonly Dictionary<PoliceUkFileKind, int> Cases = new()
    {
        [PoliceUkFileKind.Street] = 500,
        [PoliceUkFileKind.Outcomes] = 250,
        [PoliceUkFileKind.StopAndSearch] = 250,
    };

    private static readonly string[] Months = ["2023-09", "2023-10", "2023-11"];

    private static readonly (string Code, string Name)[] Lsoas =
        [("E01021300", "Castle Point 001A"), ("E01021301", "Castle Point 002B"), ("E01021577", "Basildon 003C"), ("", "")];

    private static readonly string[] CrimeTypes = ["Burglary", "Anti-social behaviour", "Violence and sexual offences", "Vehicle crime"];

    public static TheoryData<StoreProvider, PoliceUkFileKind, int> Data()
    {
        var data = new TheoryData<StoreProvider, PoliceUkFileKind, int>();
        foreach (var provider in new[] { StoreProvider.Sqlite, StoreProvider.PostgreSql })
        {
            foreach (var kind in Cases.Keys)
            {
                for (var part = 0; part < Parts; part++)
                {
                    data.Add(provider, kind, part);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Data))]
    public async Task PoliceUkImport_DamagedFiles_RefusedNamingTheFileOrEveryRowCountedOnce(StoreProvider provider, PoliceUkFileKind kind, int part)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await MapAreasAsync(store);
        PoliceUkImportResult? result = null;
        var cases = new TextMutator(Sample(kind), ',').Cases(Cases[kind]).Where(c => c.Case % Parts == part);

        var (findings, succeeded) = await ImportFuzzer.RunAsync(store, cases, ".csv",
            async path =>
            {
                result = null;
                return await ImportAsync(store, path, r => result = r);
            },
            fileName: _ => FileName(kind),
            verify: input => VerifyAsync(store, kind, input.Bytes, result!));

        output.WriteLine($"{succeeded} imported, {(Cases[kind] / Parts) - succeeded} refused, {findings.Count} finding(s)");
        Assert.True(findings.Count == 0, $"{findings.Count} finding(s):\n" + string.Join('\n', findings.Take(15)));
        Assert.InRange(succeeded, 1, (Cases[kind] / Parts) - 1);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Samples_ImportWithEveryRowCounted(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await MapAreasAsync(store);
        var folder = Path.Combine(Path.GetTempPath(), "scrutineer-tests", "police-uk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var kind in Cases.Keys)
        {
            var path = Path.Combine(folder, FileName(kind));
            await File.WriteAllBytesAsync(path, Sample(kind));
            PoliceUkImportResult? result = null;

            var run = await ImportAsync(store, path, r => result = r);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal(CsvRecords.Read(Sample(kind)).Count - 1, result!.Rows);
            Assert.Null(await VerifyAsync(store, kind, Sample(kind), result));
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A small valid file of the kind: three months of Essex rows, some without a Crime ID or a location, one Crime ID repeated.</summary>
    internal static byte[] Sample(PoliceUkFileKind kind, int rowsPerMonth = 8)
    {
        var text = new StringBuilder();
        text.Append(kind switch
        {
            PoliceUkFileKind.Street => "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n",
            PoliceUkFileKind.Outcomes => "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\n",
            _ => "Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing\n",
        });
        var n = 0;
        foreach (var month in Months)
        {
            for (var i = 0; i < rowsPerMonth; i++, n++)
            {
                var (code, name) = Lsoas[n % Lsoas.Length];
                var crimeType = CrimeTypes[n % CrimeTypes.Length];
                var id = crimeType == "Anti-social behaviour" ? "" : $"{n % 7:x2}4b7c1e9a0{n:x4}"; // a repeated id now and then
                var location = code.Length == 0 ? "No location" : "On or near High Street, \"The Parade\"";
                var (longitude, latitude) = code.Length == 0 ? ("", "") : ("0.5563" + (n % 10), "51.5512" + (n % 10));
                text.Append(CsvRecords.Line(kind switch
                {
                    PoliceUkFileKind.Street => [id, month, "Essex Police", "Essex Police", longitude, latitude, location, code, name, crimeType,
                        crimeType == "Anti-social behaviour" ? "" : "Investigation complete; no suspect identified", ""],
                    PoliceUkFileKind.Outcomes => [id, month, "Essex Police", "Essex Police", longitude, latitude, location, code, name,
                        n % 3 == 0 ? "Offender given a caution" : "Investigation complete; no suspect identified"],
                    _ => ["Person search", $"{month}-{1 + (i % 28):00}T09:{i % 60:00}:00+00:00", "False", "", latitude, longitude, "Male", "18-24",
                        "White - English/Welsh/Scottish/Northern Irish/British", "White", "Misuse of Drugs Act 1971 (section 23)", "Controlled drugs",
                        "A no further action disposal", "", "False"],
                })).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    internal static string FileName(PoliceUkFileKind kind) => kind switch
    {
        PoliceUkFileKind.Street => "2023-09-essex-street.csv",
        PoliceUkFileKind.Outcomes => "2023-09-essex-outcomes.csv",
        _ => "2023-09-essex-stop-and-search.csv",
    };

    /// <summary>Essex Police with one LPA and two districts, so rows count for districts, the LPA and the force.</summary>
    internal static async Task MapAreasAsync(TestStore store)
    {
        var path = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N") + "-areas.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "lsoa,district,lpa,force\nCastle Point,Castle Point,South LPA,Essex Police\nE01021577,Basildon,South LPA,Essex Police\n");
        await using var db = store.Open();
        await new AreaMappingImport(db).ImportAsync(path);
        File.Delete(path);
    }

    /// <summary>
    /// After a successful import of <paramref name="bytes"/>: every record counted once, and the force's figures for the
    /// file's months (summed over the file's categories) equal the file's records; "All crime" equals them less anti-social behaviour.
    /// </summary>
    private static async Task<string?> VerifyAsync(TestStore store, PoliceUkFileKind kind, byte[] bytes, PoliceUkImportResult result)
    {
        var records = CsvRecords.Read(bytes);
        var header = records[0].Select(h => h.Trim()).ToArray();
        var body = records.Skip(1).ToList();
        if (result.Rows != body.Count)
        {
            return $"{result.Rows} rows counted for {body.Count} records in the file";
        }

        int Column(string name) => Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var forceMonths = new HashSet<(string Force, string Month)>();
        var categories = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var notCrime = 0;
        foreach (var record in body)
        {
            if (kind == PoliceUkFileKind.StopAndSearch)
            {
                forceMonths.Add((result.Forces.Single().ToUpperInvariant(), record[Column("Date")][..7]));
                categories.Add("Stop and search");
                continue;
            }

            forceMonths.Add((record[Column("Falls within")].Trim().ToUpperInvariant(), record[Column("Month")]));
            var category = record[Column(kind == PoliceUkFileKind.Street ? "Crime type" : "Outcome type")].Trim();
            categories.Add(kind == PoliceUkFileKind.Outcomes ? "Outcome: " + category : category);
            notCrime += string.Equals(category, PoliceUkImport.AntiSocialBehaviour, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        await using var db = store.Open();
        var areas = await db.Areas.Where(a => a.Level == AreaLevel.Force).ToDictionaryAsync(a => a.Id, a => a.Name.ToUpperInvariant());
        var measures = await db.Measures.ToDictionaryAsync(m => m.Id, m => m.Name);
        var held = await db.Observations.Where(o => o.Kind == PeriodKind.Month).Select(o => new { o.MeasureId, o.AreaId, o.Period, o.Value }).ToListAsync();
        var figures = held.Where(o => areas.TryGetValue(o.AreaId, out var force) && forceMonths.Contains((force, $"{o.Period.Year:0000}-{o.Period.Month:00}"))).ToList();
        var counted = figures.Where(o => categories.Contains(measures[o.MeasureId])).Sum(o => o.Value);
        if (counted != body.Count)
        {
            return $"the force's figures for the file's months add up to {counted} for {body.Count} records";
        }

        var allCrime = figures.Where(o => measures[o.MeasureId] == PoliceUkImport.AllCrime).Sum(o => o.Value);
        return kind == PoliceUkFileKind.Street && allCrime != body.Count - notCrime
            ? $"All crime is {allCrime} for {body.Count - notCrime} records that are not anti-social behaviour"
            : null;
    }

    /// <summary>What <c>scrutineer import police-uk FILE</c> does, without re-checking the schema on every case.</summary>
    private static Task<CliRun> ImportAsync(TestStore store, string path, Action<PoliceUkImportResult> done) =>
        ImportFuzzer.InProcessAsync(store, async db => done(await new PoliceUkImport(db).ImportAsync([path])));
}
