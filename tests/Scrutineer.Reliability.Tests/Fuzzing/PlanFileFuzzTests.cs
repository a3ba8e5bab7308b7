using Scrutineer.Application.Data;
using Scrutineer.Application.Plans;
using Scrutineer.Cli;
using Scrutineer.Testing;

namespace Scrutineer.Reliability.Tests.Fuzzing;

/// <summary>The plan file importer (<c>scrutineer plan import</c>) over 1,000 damaged plan files on each engine.</summary>
public sealed class PlanFileFuzzTests
{
    private const int Cases = 1_000;
    private const int Parts = 4;

    /// <summary>Each engine × each quarter of the 1,000 cases (so no single test runs long).</summary>
    public static TheoryData<StoreProvider, int> ProvidersAndParts() => ImportFuzzer.ProvidersAndParts(Parts);

    [Theory]
    [MemberData(nameof(ProvidersAndParts))]
    public async Task PlanImport_ThousandDamagedFiles_NeverCrashesNeverWritesOnFailureAlwaysNamesTheFile(StoreProvider provider, int part)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await ImportEarlierPlanAsync(store);
        var valid = await File.ReadAllBytesAsync(Repository.Path("src", "Scrutineer.Application", "Demo", "Files", "demo-plan.yaml"));
        var cases = new TextMutator(valid, separator: ',').Cases(Cases).Where(c => c.Case % Parts == part);

        var (findings, succeeded) = await ImportFuzzer.RunAsync(store, cases, ".yaml", path => ImportAsync(store, path));

        Assert.True(findings.Count == 0, $"{findings.Count} finding(s):\n" + string.Join('\n', findings.Take(15)));
        Assert.InRange(succeeded, 1, (Cases / Parts) - 1);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task PlanImport_ThroughTheCommandLine_HugeTitle_IsRefusedNamingFileFieldAndLimit(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await ImportEarlierPlanAsync(store);
        var text = await File.ReadAllTextAsync(Repository.Path("src", "Scrutineer.Application", "Demo", "Files", "demo-plan.yaml"));
        var path = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N") + "-huge.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text.Replace("title: Police and Crime Plan 2021-2024", "title: " + new string('T', 70_000), StringComparison.Ordinal));
        var before = await StoreFingerprint.TakeAsync(store);

        var run = await Cli.RunAsync("plan", "import", path, "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Path.GetFileName(path), run.Error, StringComparison.Ordinal);
        Assert.Contains("Plans.Title is 70,000 characters long; at most 300 are allowed", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await StoreFingerprint.TakeAsync(store));
        File.Delete(path);
    }

    /// <summary>The demo plan carries commitments forward from the 2016-2020 plan, which must be in the store first.</summary>
    private static async Task ImportEarlierPlanAsync(TestStore store)
    {
        var earlier = Repository.Path("src", "Scrutineer.Application", "Demo", "Files", "demo-plan-2016.yaml");
        await using var db = store.Open();
        await PlanImporter.ImportAsync(db, PlanFileReader.Read(earlier), Path.GetFileName(earlier));
    }

    /// <summary>What <c>scrutineer plan import FILE --replace</c> does, without re-checking the schema on every case.</summary>
    private static Task<CliRun> ImportAsync(TestStore store, string path) =>
        ImportFuzzer.InProcessAsync(store, db => PlanImporter.ImportAsync(db, PlanFileReader.Read(path), Path.GetFileName(path), replace: true));
}
