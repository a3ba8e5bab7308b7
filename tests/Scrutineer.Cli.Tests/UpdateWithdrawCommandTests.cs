using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

/// <summary><c>update withdraw N</c>: a submitted update nobody has reviewed goes back to draft; a reviewed one is refused with the reason.</summary>
public sealed class UpdateWithdrawCommandTests
{
    [Fact]
    public async Task Withdraw_Submitted_BecomesADraft_AndAnApprovedOneIsRefused()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        int submitted, approved;
        await using (var db = store.Open())
        {
            var round = await db.Rounds.SingleAsync(r => r.State == RoundState.Open);
            submitted = await db.Updates.Where(u => u.RoundId == round.Id && u.State == UpdateState.Submitted).Select(u => u.Id).FirstAsync();
            approved = await db.Updates.Where(u => u.RoundId == round.Id && u.State == UpdateState.Approved).Select(u => u.Id).FirstAsync();
        }

        var withdrawn = await Cli.RunAsync("update", "withdraw", submitted.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", store.DbArgument);
        var refused = await Cli.RunAsync("update", "withdraw", approved.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", store.DbArgument);

        Assert.True(withdrawn.ExitCode == 0, withdrawn.Error);
        Assert.Matches(@"^Withdrew update \d+ \(.+\): it is a draft again\.$", withdrawn.Lines.Single());
        Assert.Equal(1, refused.ExitCode);
        Assert.Matches(@"is approved: only a submitted update that nobody has reviewed yet can be withdrawn\.", refused.Error);
        await using var check = store.Open();
        var update = await check.Updates.SingleAsync(u => u.Id == submitted);
        Assert.Equal(UpdateState.Draft, update.State);
        Assert.Null(update.SubmittedAt);
        Assert.Equal(UpdateState.Approved, (await check.Updates.SingleAsync(u => u.Id == approved)).State);
    }
}
