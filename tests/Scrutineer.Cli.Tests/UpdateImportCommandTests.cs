using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

public sealed class UpdateImportCommandTests
{
    private const string Header = "commitment,unit,status,commentary,sensitive_commentary\n";

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_GoodCsvWithSubmit_StoresBothPartsSubmittedAndAudited(StoreProvider provider)
    {
        await using var store = await SmallRound.CreateAsync(provider);
        var file = SmallRound.File("updates.csv", Header
            + "1.1,b,on track,\"Patrols continued on the A38.\n\n- 12 checks\n- 4 arrests\",\"The operation's name is withheld.\"\n"
            + "1.2,Charlie Local Policing Area,At risk,\"Two posts are vacant, \"\"for now\"\".\",\n");

        var run = await SmallRound.ImportAsync(store, file, "--submit");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Imported 2 updates from updates.csv into the Q1 2023/24 round, each submitted for review; 1 with an OFFICIAL-SENSITIVE part.", run.Out, StringComparison.Ordinal);
        var updates = await SmallRound.UpdatesAsync(store);
        Assert.Equal(2, updates.Count);
        var (first, second) = (updates[0], updates[1]);
        Assert.Equal(("1.1", "B", DeliveryStatus.OnTrack, UpdateState.Submitted), (first.Commitment.Reference, first.Unit.ShortName, first.Status, first.State));
        Assert.Equal("Patrols continued on the A38.\n\n- 12 checks\n- 4 arrests", first.CommentaryText);
        Assert.Equal("The operation's name is withheld.", first.SensitiveCommentaryText);
        Assert.Equal(Classification.OfficialSensitive, first.Classification);
        Assert.Equal(("1.2", "C", DeliveryStatus.AtRisk, UpdateState.Submitted), (second.Commitment.Reference, second.Unit.ShortName, second.Status, second.State));
        Assert.Equal("Two posts are vacant, \"for now\".", second.CommentaryText);
        Assert.Equal("", second.SensitiveCommentaryText);
        Assert.Equal(Classification.Official, second.Classification);
        Assert.StartsWith("cli:", first.Author, StringComparison.Ordinal);

        await using var db = store.Open();
        var audited = await db.AuditEntries.Where(e => e.Entity == "Updates").Select(e => e.Actor).Distinct().ToListAsync();
        Assert.Equal([first.Author], audited);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_GoodXlsx_StoresBothPartsAsDrafts(StoreProvider provider)
    {
        await using var store = await SmallRound.CreateAsync(provider);
        var file = new WorkbookBuilder().Sheet("Updates", s => s
            .Row(1, "Commitment", "Unit", "Status", "Commentary", "Sensitive_Commentary")
            .Row(2, "1.3", "Bravo Command", "Complete", "The new speed cameras are in use.", "Sites chosen after covert surveys.")
            .Row(4, "1.2", "B", "not started", "Work begins next quarter.", ""))
            .Save(Path.Combine(Path.GetTempPath(), $"updates-{Guid.NewGuid():N}.xlsx"));

        var run = await SmallRound.ImportAsync(store, file);

        Assert.True(run.ExitCode == 0, run.Error);
        var updates = await SmallRound.UpdatesAsync(store);
        Assert.Equal(["1.2 B NotStarted Draft", "1.3 B Complete Draft"], updates.Select(u => $"{u.Commitment.Reference} {u.Unit.ShortName} {u.Status} {u.State}"));
        Assert.Equal("The new speed cameras are in use.", updates[1].CommentaryText);
        Assert.Equal("Sites chosen after covert surveys.", updates[1].SensitiveCommentaryText);
        Assert.Equal("", updates[0].SensitiveCommentaryText);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_BadRows_EachReportedWithItsLineAndNothingWritten(StoreProvider provider)
    {
        await using var store = await SmallRound.CreateAsync(provider);
        var file = SmallRound.File("bad.csv", Header
            + "1.1,B,on track,Good row.,\n"
            + "9.9,B,on track,No such commitment.,\n"
            + "1.1,C,on track,C is not responsible.,\n"
            + "1.3,B,green,Not a status.,\n"
            + "1.2,Nowhere,on track,No such unit.,\n"
            + "1.1,B,on track,The same pair again.,\n");

        var run = await SmallRound.ImportAsync(store, file, "--submit");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("bad.csv, line 3: no commitment '9.9' in 'Test Plan 2023-2026': give a reference such as 3.2 (priority 3, commitment 2), from 1.1 to 1.3.", run.Error, StringComparison.Ordinal);
        Assert.Contains("bad.csv, line 4: C is not responsible for commitment 1.1 (responsible: B): correct the unit or the commitment, or change who is responsible in the plan.", run.Error, StringComparison.Ordinal);
        Assert.Contains("bad.csv, line 5: the status 'green' is not one of: on track, at risk, not started, complete.", run.Error, StringComparison.Ordinal);
        Assert.Contains("bad.csv, line 6: no unit called 'Nowhere'", run.Error, StringComparison.Ordinal);
        Assert.Contains("bad.csv, line 7: commitment 1.1 for B is on line 2 already: keep one row per commitment and unit.", run.Error, StringComparison.Ordinal);
        Assert.Contains("5 problems in bad.csv. Nothing was written: correct the file and import it again.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("line 2:", run.Error, StringComparison.Ordinal);
        Assert.Empty(await SmallRound.UpdatesAsync(store));
    }

    [Theory]
    [InlineData("Official Sensitive - names withheld", "Official Sensitive")]
    [InlineData("[OFFICIAL-SENSITIVE] names withheld", "OFFICIAL-SENSITIVE")]
    [InlineData("Names withheld (official–sensitive).", "official–sensitive")]
    [InlineData("OFFICIALSENSITIVE names withheld", "OFFICIALSENSITIVE")]
    public async Task Import_MarkingInTheCommentaryColumn_RefusedAndNothingWritten(string commentary, string marking)
    {
        await using var store = await SmallRound.CreateAsync(StoreProvider.Sqlite);
        var file = SmallRound.File("marked.csv", Header + "1.3,B,on track,Good row.,\n" + $"1.1,B,on track,\"Patrols continued.\n\n{commentary}\",\n");

        var run = await SmallRound.ImportAsync(store, file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"marked.csv, line 3: the commentary column contains the marking \"{marking}\". OFFICIAL text cannot carry a marking: "
            + "move that text into the sensitive_commentary column and delete the marking.", run.Error, StringComparison.Ordinal);
        Assert.Empty(await SmallRound.UpdatesAsync(store));
    }

    [Fact]
    public async Task Import_SubmittedUpdateAgain_RefusedWithTheRuleAndLine()
    {
        await using var store = await SmallRound.CreateAsync(StoreProvider.Sqlite);
        var first = SmallRound.File("first.csv", Header + "1.1,B,on track,First.,\n");
        var again = SmallRound.File("again.csv", Header + "1.3,B,on track,New.,\n1.1,B,at risk,Changed.,\n");
        Assert.Equal(0, (await SmallRound.ImportAsync(store, first, "--submit")).ExitCode);

        var run = await SmallRound.ImportAsync(store, again);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("again.csv, line 3: The update on 1.1 by B is submitted and awaiting review: it can be changed once returned.", run.Error, StringComparison.Ordinal);
        Assert.Equal(["1.1 First."], (await SmallRound.UpdatesAsync(store)).Select(u => $"{u.Commitment.Reference} {u.CommentaryText}"));
    }

    [Fact]
    public async Task Import_ClosedRound_RefusedSayingWhatToDo()
    {
        await using var store = await SmallRound.CreateAsync(StoreProvider.Sqlite);
        Assert.Equal(0, (await Cli.RunAsync("round", "close", "--period", SmallRound.Period, "--db", store.DbArgument)).ExitCode);
        var file = SmallRound.File("late.csv", Header + "1.1,B,on track,Late.,\n");

        var run = await SmallRound.ImportAsync(store, file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("late.csv: the Q1 2023/24 round is closed, so it cannot take updates. Reopen it first ('scrutineer round reopen --period 2023/24-Q1'), then import again. Nothing was written.", run.Error, StringComparison.Ordinal);
        Assert.Empty(await SmallRound.UpdatesAsync(store));
    }

    [Fact]
    public async Task Import_WithoutTheSensitiveColumn_KeepsTheSensitivePartWritten()
    {
        await using var store = await SmallRound.CreateAsync(StoreProvider.Sqlite);
        Assert.Equal(0, (await SmallRound.ImportAsync(store, SmallRound.File("one.csv", Header + "1.1,B,on track,First.,Kept apart.\n"))).ExitCode);

        var run = await SmallRound.ImportAsync(store, SmallRound.File("two.csv", "commitment,unit,status,commentary\n1.1,B,at risk,Second.\n"));

        Assert.True(run.ExitCode == 0, run.Error);
        var update = Assert.Single(await SmallRound.UpdatesAsync(store));
        Assert.Equal(("Second.", "Kept apart.", DeliveryStatus.AtRisk), (update.CommentaryText, update.SensitiveCommentaryText, update.Status));
    }

    [Fact]
    public async Task Import_UnknownColumn_RefusedNamingIt()
    {
        await using var store = await SmallRound.CreateAsync(StoreProvider.Sqlite);

        var run = await SmallRound.ImportAsync(store, SmallRound.File("typo.csv", "commitment,unit,status,commentary,sensitive_comentary\n1.1,B,on track,Text.,Secret.\n"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("typo.csv, line 1: unknown column 'sensitive_comentary'. Expected the columns commitment, unit, status, commentary, sensitive_commentary (the last is optional).", run.Error, StringComparison.Ordinal);
        Assert.Empty(await SmallRound.UpdatesAsync(store));
    }
}
