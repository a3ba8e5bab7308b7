using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

/// <summary>
/// Strand narratives on the command line: <c>update write --strand</c>, <c>update submit</c>, <c>update return</c> and
/// <c>update approve</c> with <c>--strand</c> and <c>--period</c>, and <c>update narratives</c>.
/// </summary>
public sealed class UpdateNarrativeCommandTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task WriteSubmitReturnApprove_StrandNarrative_FollowsTheUpdateWorkflow(StoreProvider provider)
    {
        await using var store = await CreateAsync(provider);
        var text = SmallRound.File("narrative.txt", "Reporting centres opened in every district.");
        var sensitive = SmallRound.File("sensitive.txt", "One centre's address is withheld.");

        var write = await Cli.RunAsync("update", "write", "--strand", "hate crime", "--period", SmallRound.Period, "--file", text, "--sensitive-file", sensitive, "--status", "at-risk", "--db", store.DbArgument);
        var submit = await Cli.RunAsync("update", "submit", "--strand", "Hate Crime", "--period", SmallRound.Period, "--db", store.DbArgument);
        var @return = await Cli.RunAsync("update", "return", "--strand", "Hate Crime", "--period", SmallRound.Period, "--comment", "Say which districts.", "--db", store.DbArgument);
        var rewrite = await Cli.RunAsync("update", "write", "--strand", "Hate Crime", "--period", SmallRound.Period, "--file", text, "--submit", "--db", store.DbArgument);
        var approve = await Cli.RunAsync("update", "approve", "--strand", "Hate Crime", "--period", SmallRound.Period, "--db", store.DbArgument);
        var list = await Cli.RunAsync("update", "narratives", "--period", SmallRound.Period, "--format", "csv", "--db", store.DbArgument);

        foreach (var run in new[] { write, submit, @return, rewrite, approve, list })
        {
            Assert.True(run.ExitCode == 0, run.Error);
        }

        await using var db = store.Open();
        var narrative = await db.StrandNarratives.AsNoTracking().Include(n => n.Round).SingleAsync();
        Assert.Equal($"Saved narrative {narrative.Id} for Hate Crime, Q1 2023/24: 6 words, OFFICIAL-SENSITIVE.", write.Out.Trim());
        Assert.Equal($"Submitted narrative {narrative.Id} (Hate Crime, Q1 2023/24) for review.", submit.Out.Trim());
        Assert.Equal($"Returned narrative {narrative.Id} (Hate Crime, Q1 2023/24).", @return.Out.Trim());
        Assert.Equal($"Approved narrative {narrative.Id} (Hate Crime, Q1 2023/24).", approve.Out.Trim());
        Assert.Equal((UpdateState.Approved, DeliveryStatus.OnTrack), (narrative.State, narrative.Status));
        Assert.Equal("One centre's address is withheld.", narrative.SensitiveCommentaryText);
        Assert.Equal([UpdateAction.Created, UpdateAction.Edited, UpdateAction.Submitted, UpdateAction.Returned, UpdateAction.Edited, UpdateAction.Submitted, UpdateAction.Approved],
            narrative.History.Select(h => h.Action));
        var rows = list.Out.Trim().Split('\n');
        Assert.Equal("id,strand,state,status,classification,author,updated,words", rows[0].Trim());
        Assert.StartsWith($"{narrative.Id},Hate Crime,approved,on-track,OFFICIAL-SENSITIVE,cli:", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_StrandWithoutNarrative_RefusedSayingHowToWriteOne()
    {
        await using var store = await CreateAsync(StoreProvider.Sqlite);

        var approve = await Cli.RunAsync("update", "approve", "--strand", "Hate Crime", "--period", SmallRound.Period, "--db", store.DbArgument);

        Assert.Equal(1, approve.ExitCode);
        Assert.Equal("error: No narrative for Hate Crime in the Q1 2023/24 round has been written yet: 'scrutineer update write --strand \"Hate Crime\"' writes one.", approve.Error.Trim());
    }

    [Fact]
    public async Task Submit_NeitherNumberNorStrand_RefusedSayingWhatToGive()
    {
        await using var store = await CreateAsync(StoreProvider.Sqlite);

        var submit = await Cli.RunAsync("update", "submit", "--db", store.DbArgument);

        Assert.Equal(1, submit.ExitCode);
        Assert.Equal("error: Give the update's number ('update list'), or --strand and --period for a strand's narrative ('update narratives').", submit.Error.Trim());
    }

    private static async Task<TestStore> CreateAsync(StoreProvider provider)
    {
        var store = await SmallRound.CreateAsync(provider);
        await using var db = store.Open();
        var strategy = new CrimePreventionStrategy("Crime Prevention Strategy 2021-2024", 2021, 2024, null);
        strategy.AddStrand("Hate Crime");
        db.Strategies.Add(strategy);
        await db.SaveChangesAsync();
        return store;
    }
}
