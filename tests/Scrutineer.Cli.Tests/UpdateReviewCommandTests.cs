using System.Text.Json;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

public sealed class UpdateReviewCommandTests
{
    private const string Submitted = "commitment,unit,status,commentary,sensitive_commentary\n"
        + "1.1,B,on track,Patrols continued.,Names withheld.\n"
        + "1.2,B,at risk,Two posts vacant.,\n";

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ApproveAndReturn_SubmittedUpdates_RecordBothPartsOfTheComment(StoreProvider provider)
    {
        await using var store = await SmallRound.CreateAsync(provider);
        Assert.Equal(0, (await SmallRound.ImportAsync(store, SmallRound.File("submitted.csv", Submitted), "--submit")).ExitCode);
        var first = await SmallRound.IdAsync(store, "1.1", "B");
        var second = await SmallRound.IdAsync(store, "1.2", "B");

        var approve = await Cli.RunAsync("update", "approve", first, "--comment", "Clear and complete.", "--sensitive-comment", "Check the trial dates.", "--db", store.DbArgument);
        var @return = await Cli.RunAsync("update", "return", second, "--comment", "Say when the posts will be filled.", "--db", store.DbArgument);

        Assert.True(approve.ExitCode == 0, approve.Error);
        Assert.Contains($"Approved update {first} (1.1, B, Q1 2023/24).", approve.Out, StringComparison.Ordinal);
        Assert.True(@return.ExitCode == 0, @return.Error);
        Assert.Contains($"Returned update {second} (1.2, B, Q1 2023/24).", @return.Out, StringComparison.Ordinal);
        var updates = await SmallRound.UpdatesAsync(store);
        Assert.Equal((UpdateState.Approved, "Clear and complete.", "Check the trial dates."), (updates[0].State, updates[0].ReviewerComment, updates[0].SensitiveReviewerComment));
        Assert.Equal((UpdateState.Returned, "Say when the posts will be filled.", (string?)null), (updates[1].State, updates[1].ReviewerComment, updates[1].SensitiveReviewerComment));
        Assert.StartsWith("cli:", updates[0].Reviewer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_InAClosedRound_RefusedWithTheRoundsMessage()
    {
        await using var store = await SmallRound.CreateAsync(StoreProvider.Sqlite);
        Assert.Equal(0, (await SmallRound.ImportAsync(store, SmallRound.File("submitted.csv", Submitted), "--submit")).ExitCode);
        var id = await SmallRound.IdAsync(store, "1.1", "B");
        Assert.Equal(0, (await Cli.RunAsync("round", "close", "--period", SmallRound.Period, "--db", store.DbArgument)).ExitCode);

        var run = await Cli.RunAsync("update", "return", id, "--comment", "Add the figures.", "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: The Q1 2023/24 round is closed, so it cannot take reviews: reopen the round first, so that a returned update can be changed.", run.Error, StringComparison.Ordinal);
        Assert.Equal(UpdateState.Submitted, (await SmallRound.UpdatesAsync(store))[0].State);
    }

    [Fact]
    public async Task Review_NotFoundNotSubmittedOrNoComment_RefusedWithTheMessage()
    {
        await using var store = await SmallRound.CreateAsync(StoreProvider.Sqlite);
        Assert.Equal(0, (await SmallRound.ImportAsync(store, SmallRound.File("drafts.csv", Submitted))).ExitCode);
        var draft = await SmallRound.IdAsync(store, "1.1", "B");

        var missing = await Cli.RunAsync("update", "approve", "999", "--db", store.DbArgument);
        var notSubmitted = await Cli.RunAsync("update", "approve", draft, "--db", store.DbArgument);
        var noComment = await Cli.RunAsync("update", "return", draft, "--db", store.DbArgument);
        var marked = await Cli.RunAsync("update", "approve", draft, "--comment", "OFFICIAL-SENSITIVE: names", "--db", store.DbArgument);

        Assert.Equal([1, 1, 1, 1], new[] { missing.ExitCode, notSubmitted.ExitCode, noComment.ExitCode, marked.ExitCode });
        Assert.Contains("No quarterly update number 999: 'scrutineer update list --period P' lists them.", missing.Error, StringComparison.Ordinal);
        Assert.Contains("The update on 1.1 by B is a draft: only a submitted update can be reviewed.", notSubmitted.Error, StringComparison.Ordinal);
        Assert.Contains("Say what needs to change when returning an update.", noComment.Error, StringComparison.Ordinal);
        Assert.Contains("The comment contains the marking \"OFFICIAL-SENSITIVE\" on line 1. OFFICIAL text cannot carry a marking", marked.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Show_JsonAndText_GiveBothPartsAndTheClassification(StoreProvider provider)
    {
        await using var store = await SmallRound.CreateAsync(provider);
        Assert.Equal(0, (await SmallRound.ImportAsync(store, SmallRound.File("submitted.csv", Submitted), "--submit")).ExitCode);
        var id = await SmallRound.IdAsync(store, "1.1", "B");
        Assert.Equal(0, (await Cli.RunAsync("update", "return", id, "--comment", "Add figures.", "--sensitive-comment", "Name the operation.", "--db", store.DbArgument)).ExitCode);

        var json = await Cli.RunAsync("update", "show", id, "--format", "json", "--db", store.DbArgument);
        var text = await Cli.RunAsync("update", "show", id, "--db", store.DbArgument);
        var list = await Cli.RunAsync("update", "list", "--period", SmallRound.Period, "--format", "csv", "--db", store.DbArgument);

        Assert.True(json.ExitCode == 0, json.Error);
        var shown = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), shown.GetProperty("id").GetInt32());
        var fields = new Dictionary<string, string?>
        {
            ["commitment"] = "1.1", ["unit"] = "B", ["period"] = "2023/24-Q1", ["state"] = "returned", ["status"] = "on-track",
            ["classification"] = "OFFICIAL-SENSITIVE", ["commentary"] = "Patrols continued.", ["sensitive_commentary"] = "Names withheld.",
            ["reviewer_comment"] = "Add figures.", ["sensitive_reviewer_comment"] = "Name the operation.",
        };
        Assert.All(fields, f => Assert.Equal(f.Value, shown.GetProperty(f.Key).GetString()));

        Assert.Contains("Classification: OFFICIAL-SENSITIVE", text.Out, StringComparison.Ordinal);
        var heading = text.Out.IndexOf("\nOFFICIAL-SENSITIVE\n", StringComparison.Ordinal);
        Assert.True(heading > text.Out.IndexOf("Patrols continued.", StringComparison.Ordinal), text.Out);
        Assert.True(text.Out.IndexOf("Names withheld.", StringComparison.Ordinal) > heading, text.Out);
        Assert.Contains("Reviewer's comment: Name the operation.", text.Out, StringComparison.Ordinal);

        Assert.Equal("id,commitment,unit,state,status,classification,author,updated,words", list.Lines[0]);
        Assert.Equal(["OFFICIAL-SENSITIVE", "OFFICIAL"], list.Lines.Skip(1).Select(l => l.Split(',')[5]));
    }
}
