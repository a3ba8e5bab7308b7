using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
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

        var early = await Cli.RunAsync("round", "open", "--period", "2024/25-Q1", "--deadline", "2024-04-01", "--db", db);
        Assert.Equal(0, (await Cli.RunAsync("round", "open", "--period", "2024/25-Q1", "--deadline", "2024-07-19", "--db", db)).ExitCode);
        var again = await Cli.RunAsync("round", "open", "--period", "2024/25-Q1", "--deadline", "2024-07-19", "--db", db);
        var publishOpen = await Cli.RunAsync("round", "publish", "--period", "2024/25-Q1", "--db", db);
        Assert.Equal(0, (await Cli.RunAsync("round", "close", "--period", "2024/25-Q1", "--db", db)).ExitCode);
        var publishEmpty = await Cli.RunAsync("round", "publish", "--period", "2024/25-Q1", "--db", db);
        Assert.Equal(0, (await Cli.RunAsync("round", "publish", "--period", "2024/25-Q1", "--accept-outstanding", "--db", db)).ExitCode);
        var reopenPublished = await Cli.RunAsync("round", "reopen", "--period", "2024/25-Q1", "--db", db);

        Assert.Equal(1, early.ExitCode);
        Assert.Contains("The deadline 1 April 2024 is before the last month of Q1 2024/25 begins.", early.Error, StringComparison.Ordinal); // the web's words too (QuarterlyCycleTests)
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already open", again.Error, StringComparison.Ordinal);
        Assert.Equal(1, publishOpen.ExitCode);
        Assert.Contains("close it before publishing", publishOpen.Error, StringComparison.Ordinal);
        Assert.Equal(1, reopenPublished.ExitCode);
        Assert.Contains("read-only", reopenPublished.Error, StringComparison.Ordinal);
        Assert.Equal(1, publishEmpty.ExitCode);
        Assert.Matches(@"error: The Q1 2024/25 round is not ready to publish: \d+ updates are outstanding \(no update or a draft\)\. Review them, or publish anyway with --accept-outstanding\.", publishEmpty.Error);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Publish_NotReady_RefusedListingWhatThenPublishedWhenAccepted(StoreProvider provider)
    {
        await using var store = await SmallRound.CreateAsync(provider);
        var db = store.DbArgument;
        var file = SmallRound.File("updates.csv", "commitment,unit,status,commentary\n"
            + "1.1,B,on track,Patrols continued.\n"
            + "1.2,B,on track,\"In April to June there were 41 checks, an increase of 25% from 16 to 41 on the previous quarter.\"\n"
            + "1.2,C,at risk,To be returned.\n");
        Assert.Equal(0, (await SmallRound.ImportAsync(store, file, "--submit")).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("update", "approve", await SmallRound.IdAsync(store, "1.2", "B"), "--db", db)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("update", "return", await SmallRound.IdAsync(store, "1.2", "C"), "--comment", "Add the figures.", "--db", db)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("round", "close", "--period", SmallRound.Period, "--db", db)).ExitCode);

        var refused = await Cli.RunAsync("round", "publish", "--period", SmallRound.Period, "--db", db);
        var stillClosed = await Cli.RunAsync("round", "status", "--period", SmallRound.Period, "--db", db);
        var accepted = await Cli.RunAsync("round", "publish", "--period", SmallRound.Period, "--accept-outstanding", "--db", db);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Not ready in the Q1 2023/24 round (4):", refused.Error, StringComparison.Ordinal);
        Assert.Contains("  1.1 B submitted (awaiting review)\n", refused.Error, StringComparison.Ordinal);
        Assert.Contains("  1.2 C returned\n", refused.Error, StringComparison.Ordinal);
        Assert.Contains("  1.3 B missing (no update)\n", refused.Error, StringComparison.Ordinal);
        Assert.Contains("  figures check: Q1 2023/24 commitment 1.2, B update (approved)", refused.Error, StringComparison.Ordinal);
        Assert.Contains("error: The Q1 2023/24 round is not ready to publish: 1 update is awaiting review, 1 is outstanding (no update or a draft), 1 was returned, "
            + "and the figures check found 1 problem. Review them, or publish anyway with --accept-outstanding.", refused.Error, StringComparison.Ordinal);
        Assert.Contains(": closed,", stillClosed.Out, StringComparison.Ordinal);
        Assert.True(accepted.ExitCode == 0, accepted.Error);
        Assert.Contains("Published the Q1 2023/24 round with 4 items not ready, as confirmed; the list is in the audit trail.", accepted.Out, StringComparison.Ordinal);

        await using var read = store.Open();
        var round = await read.Rounds.SingleAsync();
        Assert.Equal(RoundState.Published, round.State);
        var confirmation = await read.AuditEntries.Where(e => e.Entity == "Rounds" && e.Key == "Id=" + round.Id && e.Changes.Contains("PublishConfirmation")).SingleAsync();
        Assert.StartsWith("cli:", confirmation.Actor, StringComparison.Ordinal);
        var note = JsonDocument.Parse(confirmation.Changes).RootElement.GetProperty("PublishConfirmation").GetProperty("after").GetString()!;
        Assert.Contains("confirmed publishing the Q1 2023/24 round with 4 items not ready.", note, StringComparison.Ordinal);
        Assert.Contains("\n1.1 B submitted (awaiting review)\n", note, StringComparison.Ordinal);
        Assert.Contains("\n1.3 B missing (no update)\n", note, StringComparison.Ordinal);
        Assert.Contains("\nfigures check: Q1 2023/24 commitment 1.2, B update (approved)", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NothingOutstanding_PublishesWithoutTheFlagAndRecordsIt()
    {
        await using var store = await SmallRound.CreateAsync(StoreProvider.Sqlite);
        var db = store.DbArgument;
        var file = SmallRound.File("updates.csv", "commitment,unit,status,commentary\n1.1,B,on track,One.\n1.2,B,on track,Two.\n1.2,C,on track,Three.\n1.3,B,complete,Four.\n");
        Assert.Equal(0, (await SmallRound.ImportAsync(store, file, "--submit")).ExitCode);
        foreach (var (reference, unit) in new[] { ("1.1", "B"), ("1.2", "B"), ("1.2", "C"), ("1.3", "B") })
        {
            Assert.Equal(0, (await Cli.RunAsync("update", "approve", await SmallRound.IdAsync(store, reference, unit), "--db", db)).ExitCode);
        }

        Assert.Equal(0, (await Cli.RunAsync("round", "close", "--period", SmallRound.Period, "--db", db)).ExitCode);

        var run = await Cli.RunAsync("round", "publish", "--period", SmallRound.Period, "--db", db);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Published the Q1 2023/24 round: nothing was outstanding.", run.Out, StringComparison.Ordinal);
        await using var read = store.Open();
        var confirmation = await read.AuditEntries.Where(e => e.Entity == "Rounds" && e.Changes.Contains("PublishConfirmation")).SingleAsync();
        Assert.Contains("published the Q1 2023/24 round with nothing outstanding.", confirmation.Changes, StringComparison.Ordinal);
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

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Status_StoreNeverMigrated_IsMadeFirstThenAnswers(StoreProvider provider)
    {
        // round status reads without the EF context; a store that is not current is made first, as every command does.
        await using var store = await TestStore.CreateAsync(provider, migrate: false);

        var run = await Cli.RunAsync("round", "status", "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No reporting round has been opened yet: use 'scrutineer round open --period P --deadline D'.", run.Error, StringComparison.Ordinal);
        await using var db = store.Open();
        Assert.True(await StoreSchema.IsCurrentAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Status_Lines_MatchTheStoreLoadedThroughEf(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await Cli.DemoAsync(store);

        var run = await Cli.RunAsync("round", "status", "--period", "Q4 2023/24", "--format", "csv", "--db", store.DbArgument, "--today", "2024-04-22");

        // Independently: every commitment × responsible unit of the plan, in the plan's order, with its update's state.
        await using var db = store.Open();
        var round = await db.Rounds.Include(r => r.Plan).SingleAsync(r => r.Period == Domain.Periods.FinancialQuarter.Parse("Q4 2023/24"));
        var plan = await Application.Plans.PlanLoader.ByIdAsync(db, round.PlanId);
        var updates = await db.Updates.Where(u => u.RoundId == round.Id).ToListAsync();
        var expected = plan.Commitments.SelectMany(c => c.Units.Select(u =>
        {
            var update = updates.SingleOrDefault(x => x.CommitmentId == c.Id && x.UnitId == u.Id);
            return $"{c.Priority.Number},{c.Reference},{u.ShortName},{(update is null ? "missing" : update.State.ToString().ToLowerInvariant())}";
        })).ToList();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.Lines.Skip(1).Select(l => string.Join(',', l.Split(',')[..4])).ToList());
    }
}
