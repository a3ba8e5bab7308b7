using Scrutineer.Application.Data;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

/// <summary><c>plan import</c> and <c>update import</c> each appear in <c>import runs</c> with their kind and counts.</summary>
public sealed class PlanAndUpdateImportRunCommandsTests
{
    [Fact]
    public async Task PlanImport_ListedByImportRunsWithItsKindAndCounts()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var path = SmallRound.File("run-plan.yaml", "plan:\n  title: Run Plan 2024-2027\n  first_year: 2024/25\n  last_year: 2026/27\n"
            + "units:\n  - { short: EP, name: Test Police, kind: force }\npriorities:\n  - number: 1\n    title: Safer roads\n    commitments:\n"
            + "      - we_will: Work with schools.\n        who: [EP]\n");

        var imported = await Cli.RunAsync("plan", "import", path, "--db", store.DbArgument);
        var runs = await Cli.RunAsync("import", "runs", "--format", "csv", "--db", store.DbArgument);

        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Equal(0, runs.ExitCode);
        Assert.Equal("id,started,by,kind,files,rows,status,wrote,held", runs.Lines[0]);
        var row = Assert.Single(runs.Lines, l => l.Contains(",plan,", StringComparison.Ordinal));
        Assert.Contains($",plan,\"run-plan.yaml ({new FileInfo(path).Length} bytes, SHA-256 ", row, StringComparison.Ordinal);
        Assert.Contains(",3,completed,\"Plan 'Run Plan 2024-2027': 1 priority, 1 commitment; units 1 created, 0 updated.\",", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateImport_ListedByImportRunsWithItsKindAndCounts()
    {
        await using var store = await SmallRound.CreateAsync(StoreProvider.Sqlite);
        var path = SmallRound.File("updates.csv", "commitment,unit,status,commentary\n1.1,B,on track,Patrols continued.\n1.2,C,at risk,Two posts are vacant.\n1.3,B,not started,Starts in August.\n");

        var imported = await SmallRound.ImportAsync(store, path);
        var runs = await Cli.RunAsync("import", "runs", "--format", "csv", "--db", store.DbArgument);

        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Equal(0, runs.ExitCode);
        var row = Assert.Single(runs.Lines, l => l.Contains(",updates,", StringComparison.Ordinal));
        Assert.Contains($",updates,\"updates.csv ({new FileInfo(path).Length} bytes, SHA-256 ", row, StringComparison.Ordinal);
        Assert.Contains(",3,completed,\"3 updates in the Q1 2023/24 round (3 new, 0 changed).\",", row, StringComparison.Ordinal);
    }
}
