using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

/// <summary><c>update correct N --reason R</c>: the performance unit's correction keeps the review state and records the reason, before and after.</summary>
public sealed class UpdateCorrectCommandTests
{
    [Fact]
    public async Task Correct_WithAReason_KeepsTheStateAndShowsBeforeAndAfter_WithoutOneIsRefused()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        int id;
        string before;
        await using (var db = store.Open())
        {
            var round = await db.Rounds.SingleAsync(r => r.State == RoundState.Open);
            var update = await db.Updates.Where(u => u.RoundId == round.Id && u.State == UpdateState.Submitted).OrderBy(u => u.Id).FirstAsync();
            (id, before) = (update.Id, update.CommentaryText);
        }

        var number = id.ToString(CultureInfo.InvariantCulture);
        var text = Path.Combine(Path.GetTempPath(), $"scrutineer-correct-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(text, "Corrected by the unit's agreement.");
        var noReason = await Cli.RunAsync("update", "correct", number, "--file", text, "--reason", " ", "--db", store.DbArgument);
        var corrected = await Cli.RunAsync("update", "correct", number, "--file", text, "--status", "at-risk", "--reason", "Status agreed with the unit", "--db", store.DbArgument);
        var again = await Cli.RunAsync("update", "correct", number, "--file", text, "--reason", "Again", "--db", store.DbArgument);
        var shown = await Cli.RunAsync("update", "show", number, "--db", store.DbArgument);

        Assert.Equal((1, "error: Enter the reason for the correction"), (noReason.ExitCode, noReason.Error.Trim()));
        Assert.True(corrected.ExitCode == 0, corrected.Error);
        Assert.Matches(@"^Corrected update \d+ \(.+\); the reason and the text before and after are in its history\.$", corrected.Lines.Single());
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("The correction changes nothing", again.Error, StringComparison.Ordinal);
        Assert.Contains("corrected  ", shown.Out, StringComparison.Ordinal);
        Assert.Contains("— Status agreed with the unit", shown.Out, StringComparison.Ordinal);
        Assert.Contains("status: on track → at risk", shown.Out, StringComparison.Ordinal);
        Assert.Contains("after:  Corrected by the unit's agreement.", shown.Out, StringComparison.Ordinal);
        await using var check = store.Open();
        var stored = await check.Updates.SingleAsync(u => u.Id == id);
        Assert.Equal((UpdateState.Submitted, DeliveryStatus.AtRisk, "Corrected by the unit's agreement."), (stored.State, stored.Status, stored.CommentaryText));
        Assert.Equal(before, stored.History[^2].Commentary);
        File.Delete(text);
    }
}
