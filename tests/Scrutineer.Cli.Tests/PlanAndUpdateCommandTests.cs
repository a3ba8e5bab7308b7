using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Performance;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

public sealed class PlanAndUpdateCommandTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task PlanExportThenImport_IntoAnotherStore_ExportsTheSameFile(StoreProvider provider)
    {
        await using var source = await TestStore.CreateAsync(provider);
        await using var target = await TestStore.CreateAsync(provider);
        await Cli.DemoAsync(source);
        var file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.yaml");
        var earlier = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.yaml");

        Assert.Equal(0, (await Cli.RunAsync("plan", "export", "--out", file, "--db", source.DbArgument)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("plan", "export", "--plan", "Police and Crime Plan 2016-2020", "--out", earlier, "--db", source.DbArgument)).ExitCode);
        var tooSoon = await Cli.RunAsync("plan", "import", file, "--db", target.DbArgument);
        Assert.Equal(0, (await Cli.RunAsync("plan", "import", earlier, "--db", target.DbArgument)).ExitCode);
        var noMeasures = await Cli.RunAsync("plan", "import", file, "--db", target.DbArgument);
        await CopyMeasuresAsync(source, target);
        var import = await Cli.RunAsync("plan", "import", file, "--db", target.DbArgument);
        var exportedAgain = await Cli.RunAsync("plan", "export", "--db", target.DbArgument);

        Assert.Equal(1, tooSoon.ExitCode);
        Assert.Contains("import the earlier plan first", tooSoon.Error, StringComparison.Ordinal);
        Assert.Equal(1, noMeasures.ExitCode);
        Assert.Contains("is not a measure the store holds", noMeasures.Error, StringComparison.Ordinal);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("12 priorities, 59 commitments", import.Out, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(file), exportedAgain.Out);
        File.Delete(file);
        File.Delete(earlier);
    }

    [Fact]
    public async Task PlanImport_BadFile_ExitsWithLineNumbersAndWritesNothing()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "plan:\n  title: Bad\n  first_year: 2024/25\n  last_year: 2025/26\nunits:\n  - { short: A, name: Alpha, kind: force }\npriorities:\n  - number: 1\n    title: One\n    commitments:\n      - we_will: Do it\n        who: [B]\n");

        var run = await Cli.RunAsync("plan", "import", file, "--db", store.DbArgument);
        var export = await Cli.RunAsync("plan", "export", "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{Path.GetFileName(file)}:12: priorities[0].commitments[0].who: unit 'B' is not one of the units listed", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", run.Error, StringComparison.Ordinal);
        Assert.Contains("holds no plan", export.Error, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public async Task PlanImport_MissingFile_SaysSo()
    {
        var run = await Cli.RunAsync("plan", "import", "/no/such/plan.yaml", "--db", Path.Combine(Path.GetTempPath(), $"x-{Guid.NewGuid():N}.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateListAndShow_ReturnedUpdate_ShowsReviewerCommentAndHistory()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);

        var list = await Cli.RunAsync("update", "list", "--period", "2023/24-Q4", "--state", "returned", "--format", "json", "--db", store.DbArgument);
        var first = System.Text.Json.JsonDocument.Parse(list.Out).RootElement[0];
        var show = await Cli.RunAsync("update", "show", first.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", store.DbArgument);

        Assert.Equal("returned", first.GetProperty("state").GetString());
        Assert.Contains("State: returned", show.Out, StringComparison.Ordinal);
        Assert.Contains("Reviewed by", show.Out, StringComparison.Ordinal);
        Assert.Contains("returned ", show.Out, StringComparison.Ordinal);
        Assert.Contains("History:", show.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateList_UnknownUnitStateOrCommitment_ListsWhatThereIs()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);

        var unit = await Cli.RunAsync("update", "list", "--period", "2023/24-Q4", "--unit", "Nowhere", "--db", store.DbArgument);
        var state = await Cli.RunAsync("update", "list", "--period", "2023/24-Q4", "--state", "lost", "--db", store.DbArgument);
        var commitment = await Cli.RunAsync("update", "list", "--period", "2023/24-Q4", "--commitment", "13.1", "--db", store.DbArgument);
        var onOne = await Cli.RunAsync("update", "list", "--period", "2023/24-Q4", "--commitment", "2.4", "--format", "csv", "--db", store.DbArgument);

        Assert.Equal(1, commitment.ExitCode);
        Assert.Contains("No commitment '13.1' in the plan: expected a reference such as '1.1' (priority and commitment number), from 1.1 to 12.", commitment.Error, StringComparison.Ordinal);
        Assert.Equal(0, onOne.ExitCode);
        Assert.True(onOne.Lines.Length > 1);
        Assert.All(onOne.Lines.Skip(1), line => Assert.Equal("2.4", line.Split(',')[1]));

        Assert.Equal(1, unit.ExitCode);
        Assert.Contains("No unit called 'Nowhere'. Units: ", unit.Error, StringComparison.Ordinal);
        Assert.Equal(1, state.ExitCode);
        Assert.Contains("draft, submitted, approved, returned", state.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_IsAvailableOnEveryCommand()
    {
        foreach (var args in new[] { new[] { "--help" }, ["round", "--help"], ["round", "status", "--help"], ["plan", "import", "--help"], ["update", "list", "--help"], ["update", "import", "--help"], ["update", "approve", "--help"], ["round", "publish", "--help"], ["demo", "--help"] })
        {
            var run = await Cli.RunAsync(args);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ParseErrors_OneLineEach_WithWhereTheHelpIs_NotTheHelpItself()
    {
        var format = await Cli.RunAsync("notify", "list", "--format", "xml");
        var missing = await Cli.RunAsync("round", "status", "--period");
        var state = await Cli.RunAsync("notify", "list", "--state", "failed");
        var id = await Cli.RunAsync("notify", "retry", "--id", "abc");

        Assert.Equal(1, state.ExitCode);
        Assert.StartsWith("error: --state: 'failed' is not one of dead, pending or sent.", state.Error, StringComparison.Ordinal);
        Assert.Equal(1, id.ExitCode);
        Assert.StartsWith("error: --id: 'abc' is not a whole number.", id.Error, StringComparison.Ordinal);
        Assert.Equal(1, format.ExitCode);
        Assert.Equal(["error: --format: 'xml' is not one of csv, json or table.", "To see what it takes: scrutineer notify list --help"],
            format.Error.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
        Assert.DoesNotContain("Scrutineer.Cli.Output", format.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", format.Out + format.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("To see what it takes: scrutineer round status --help", missing.Error, StringComparison.Ordinal);
    }

    /// <summary>Gives <paramref name="to"/> the measures <paramref name="from"/> holds, as importing its data would.</summary>
    private static async Task CopyMeasuresAsync(TestStore from, TestStore to)
    {
        await using var source = from.Open();
        await using var target = to.Open();
        foreach (var m in await source.Measures.AsNoTracking().ToListAsync())
        {
            target.Measures.Add(new Measure(m.Name, m.Unit, m.Kind, m.Better, m.Definition, m.Source));
        }

        await target.SaveChangesAsync();
    }
}
