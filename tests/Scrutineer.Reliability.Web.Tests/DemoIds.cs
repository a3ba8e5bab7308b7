using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Reliability.Web.Tests;

/// <summary>
/// Real identities from the demo force for filling route parameters: records each demo account may reach, and records
/// that belong to another unit or another reviewer's priorities.
/// </summary>
internal sealed record DemoIds(
    int Plan,
    int Commitment,
    int OpenRound,
    int ClosedRound,
    int PublishedRound,
    (int Commitment, int Unit) NorthSlot,
    (int Commitment, int Unit) ScdSlot,
    (int Commitment, int Unit) NorthOnACommitmentNotTheirs,
    int UpdateOnPriorityUpTo6,
    int UpdateOnPriority9,
    int Task,
    int TaskInAnotherStrand,
    int Strand,
    int ViewerAccount,
    int StrandNotLed,
    int NarrativeOfStrand,
    int NarrativeOfAnotherStrand,
    int StrandLedWithNarrativeUnapproved,
    int NarrativeSubmitted)
{
    /// <summary>Reads the identities from a store holding the demo force (<paramref name="openDb"/> opens a context on it).</summary>
    public static async Task<DemoIds> ReadAsync(Func<ScrutineerDb> openDb)
    {
        await using var db = openDb();
        var rounds = await db.Rounds.ToListAsync();
        var open = rounds.Single(r => r.State == RoundState.Open);
        var units = await db.Units.ToDictionaryAsync(u => u.ShortName, StringComparer.Ordinal);
        var commitments = await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit")
            .Where(c => c.Priority.PlanId == open.PlanId).OrderBy(c => c.Id).ToListAsync();
        var submitted = await db.Updates.Where(u => u.RoundId == open.Id && u.State == UpdateState.Submitted)
            .Select(u => new { u.Id, u.Commitment.Priority.Number }).OrderBy(u => u.Id).ToListAsync();
        var accounts = await db.Accounts.ToListAsync();
        var tasks = await db.DeliveryTasks.OrderBy(t => t.Id).Select(t => new { t.Id, t.Plan.StrandId }).ToListAsync();
        var lead = accounts.Single(a => a.UserName == "lead.strand");
        var strands = await db.Strands.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        var narratives = await db.StrandNarratives.Where(n => n.RoundId == open.Id).OrderBy(n => n.Id).Select(n => new { n.Id, n.StrandId, n.State }).ToListAsync();
        return new DemoIds(
            open.PlanId,
            commitments[0].Id,
            open.Id,
            rounds.First(r => r.State == RoundState.Closed).Id,
            rounds.First(r => r.State == RoundState.Published).Id,
            (commitments.First(c => c.IsResponsible(units["North LPA"])).Id, units["North LPA"].Id),
            (commitments.First(c => c.IsResponsible(units["SCD"])).Id, units["SCD"].Id),
            (commitments.First(c => !c.IsResponsible(units["North LPA"])).Id, units["North LPA"].Id),
            submitted.First(u => u.Number <= 6).Id,
            submitted.First(u => u.Number == 9).Id,
            tasks[0].Id,
            tasks.First(t => t.StrandId != tasks[0].StrandId).Id,
            tasks[0].StrandId,
            accounts.Single(a => a.UserName == "viewer").Id,
            strands.First(s => !lead.StrandIds.Contains(s)),
            narratives.Single(n => n.StrandId == tasks[0].StrandId).Id,
            narratives.First(n => n.StrandId != tasks[0].StrandId).Id,
            narratives.First(n => lead.StrandIds.Contains(n.StrandId) && n.State != UpdateState.Approved).StrandId,
            narratives.First(n => n.State == UpdateState.Submitted).Id);
    }
}
