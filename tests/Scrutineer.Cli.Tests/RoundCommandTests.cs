using Scrutineer.Application.Data;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

public sealed class RoundCommandTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Status_DemoQ4_ShowsOverdueUnits(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await Cli.DemoAsync(store);

        var run = await Cli.RunAsync("round", "status", "--period", "2023/24-Q4", "--db", store.DbArgument, "--today", "2024-04-22");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Q4 2023/24 round", run.Out, StringComparison.Ordinal);
        Assert.Contains("deadline 19 April 2024 (passed)", run.Out, StringComparison.Ordinal);
        Assert.Contains("Overdue units (", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\d+ updates expected: \d+ approved, \d+ submitted, \d+ returned, \d+ draft, \d+ missing\.", run.Out);
    }

    [Fact]
    public async Task Status_Csv_HasHeaderAndOneRowPerCommitmentAndUnit()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);

        var run = await Cli.RunAsync("round", "status", "--period", "Q4 2023/24", "--format", "csv", "--db", store.DbArgument, "--today", "2024-04-22");
        var overdue = await Cli.RunAsync("round", "status", "--period", "Q4 2023/24", "--overdue", "--format", "csv", "--db", store.DbArgument, "--today", "2024-04-22");

        Assert.Equal("priority,commitment,unit,state,status,updated,overdue", run.Lines[0]);
        var rows = run.Lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.True(rows.Count > 100);
        Assert.Contains(rows, r => r[3] == "missing" && r[6] == "true");
        Assert.All(rows.Where(r => r[3] is "approved" or "submitted"), r => Assert.Equal("false", r[6]));
        Assert.Equal("unit,name,overdue_updates", overdue.Lines[0]);
        Assert.Equal(rows.Count(r => r[6] == "true"), overdue.Lines.Skip(1).Sum(l => int.Parse(l.Split(',')[^1])));
    }

    [Fact]
    public async Task Status_BeforeTheDeadline_NobodyIsOverdue()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);

        var run = await Cli.RunAsync("round", "status", "--period", "Q4 2023/24", "--db", store.DbArgument, "--today", "2024-04-19");

        Assert.Contains("No unit is overdue.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenClosePublish_FullCycle_AndRulesRefuseOutOfOrderSteps()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        var db = store.DbArgument;

        Assert.Equal(0, (await Cli.RunAsync("round", "open", "--period", "2024/25-Q1", "--deadline", "2024-07-19", "--db", db)).ExitCode);
        var again = await Cli.RunAsync("round", "open", "--period", "2024/25-Q1", "--deadline", "2024-07-19", "--db", db);
        var publishOpen = await Cli.RunAsync("round", "publish", "--period", "2024/25-Q1", "--db", db);
        Assert.Equal(0, (await Cli.RunAsync("round", "close", "--period", "2024/25-Q1", "--db", db)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("round", "publish", "--period", "2024/25-Q1", "--db", db)).ExitCode);
        var reopenPublished = await Cli.RunAsync("round", "reopen", "--period", "2024/25-Q1", "--db", db);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already open", again.Error, StringComparison.Ordinal);
        Assert.Equal(1, publishOpen.ExitCode);
        Assert.Contains("close it before publishing", publishOpen.Error, StringComparison.Ordinal);
        Assert.Equal(1, reopenPublished.ExitCode);
        Assert.Contains("read-only", reopenPublished.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023-Q4", "ambiguous")]
    [InlineData("2031/32-Q1", "No plan covers Q1 2031/32")]
    [InlineData("Q9 2023/24", "a quarter is Q1 to Q4")]
    public async Task Status_BadPeriod_ClearMessageAndExitCode1(string period, string message)
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);

        var run = await Cli.RunAsync("round", "status", "--period", period, "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
