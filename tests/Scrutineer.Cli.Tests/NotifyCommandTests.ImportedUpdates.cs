using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Application.Data;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

/// <summary><c>update import --submit</c> tells the reviewers as a submission on the web does; an import of drafts tells nobody.</summary>
public sealed partial class NotifyCommandTests
{
    [Fact]
    public async Task UpdateImport_Submitted_EmailsTheReviewersInScope_DraftsTellNobody()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        await using var smtp = await SmtpTestServer.StartAsync();
        string reference, unit, period;
        List<string> reviewers;
        string draftReference;
        await using (var db = store.Open())
        {
            var round = await db.Rounds.SingleAsync(r => r.State == RoundState.Open);
            period = round.Period.ToString();
            var written = await db.Updates.Where(u => u.RoundId == round.Id).Select(u => new { u.CommitmentId, u.UnitId }).ToListAsync();
            var commitments = await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit").Where(c => c.Priority.PlanId == round.PlanId).ToListAsync();
            var free = commitments.SelectMany(c => c.Units.Select(u => (Commitment: c, Unit: u)))
                .Where(x => !written.Any(w => w.CommitmentId == x.Commitment.Id && w.UnitId == x.Unit.Id)).ToList();
            var (commitment, by) = free[0];
            (reference, unit) = (commitment.Reference, by.ShortName);
            draftReference = free.First(x => x.Unit.Id == by.Id && x.Commitment.Id != commitment.Id).Commitment.Reference;
            reviewers = (await db.Accounts.Where(a => a.Role == Domain.Accounts.Role.Reviewer && a.Email != null && !a.IsDisabled).ToListAsync())
                .Where(a => a.PriorityIds.Contains(commitment.PriorityId)).Select(a => a.Email!).Order(StringComparer.Ordinal).ToList();
        }

        Assert.NotEmpty(reviewers);
        var submitted = SmallRound.File("submitted.csv", $"commitment,unit,status,commentary\n{reference},{unit},on-track,Patrols doubled in the evening.\n");
        var drafts = SmallRound.File("drafts.csv", $"commitment,unit,status,commentary\n{draftReference},{unit},at-risk,Notes so far.\n");
        var imported = await Cli.RunAsync("update", "import", submitted, "--period", period, "--submit", "--db", store.DbArgument);
        var draft = await Cli.RunAsync("update", "import", drafts, "--period", period, "--db", store.DbArgument);
        var sent = await RunAsync(store, smtp, "notify", "run", "--today", "2024-04-10");

        Assert.True(imported.ExitCode == 0 && draft.ExitCode == 0 && sent.ExitCode == 0, imported.Error + draft.Error + sent.Error);
        var waiting = smtp.Received().Where(m => m.Subject!.StartsWith("Waiting for your review:", StringComparison.Ordinal)).ToList();
        Assert.All(waiting, m => Assert.Equal($"Waiting for your review: The update on {reference} by {unit}", m.Subject));
        Assert.Equal(reviewers, waiting.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
    }
}
