using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Accounts;
using Scrutineer.Web.Quarterly;

namespace Scrutineer.Web.Dashboard;

/// <summary>
/// What the signed-in account has to do, for the top of its dashboard: a contributor's updates and narratives still to
/// write in open rounds, a reviewer's submissions waiting for review, an analyst's outstanding and overdue updates in the
/// current round. Counted per account, never cached with the shared dashboard figures.
/// </summary>
public static class OwnWork
{
    /// <summary>The account's work, most pressing first; empty when it has none (a viewer, or everything done).</summary>
    public static async Task<IReadOnlyList<WorkItem>> ForAsync(ScrutineerDb db, RoundBoard board, CurrentUser me, RoundSummary? current, RoundProgress? progress, CancellationToken ct)
    {
        var items = new List<WorkItem>();
        switch (me.Role)
        {
            case Role.Contributor:
                await ContributorAsync(db, board, me, items, ct);
                break;
            case Role.Reviewer:
                await ReviewerAsync(db, me, items, ct);
                break;
            case Role.Analyst:
            case Role.Administrator:
                Analyst(board, current, progress, items);
                break;
            case Role.Viewer:
                break;
        }

        return items;
    }

    private static async Task ContributorAsync(ScrutineerDb db, RoundBoard board, CurrentUser me, List<WorkItem> items, CancellationToken ct)
    {
        int toWrite = 0, returned = 0, narratives = 0;
        var strands = me.StrandIds.ToList();
        foreach (var round in (await board.RoundsAsync(ct)).Where(r => r.State == RoundState.Open))
        {
            var mine = (await board.SlotsAsync(round, ct)).Where(s => me.UnitIds.Contains(s.UnitId)).ToList();
            returned += mine.Count(s => s.Update?.State == UpdateState.Returned);
            toWrite += mine.Count(s => s.Update is null || s.Update.State == UpdateState.Draft);
            if (strands.Count > 0)
            {
                var done = await db.StrandNarratives.AsNoTracking()
                    .CountAsync(n => n.RoundId == round.Id && strands.Contains(n.StrandId) && (n.State == UpdateState.Submitted || n.State == UpdateState.Approved), ct);
                narratives += strands.Count - done;
            }
        }

        Add(items, returned, "returned update to change", "returned updates to change", "/updates");
        Add(items, toWrite, "update to write", "updates to write", "/updates");
        Add(items, narratives, "strand narrative to write", "strand narratives to write", "/updates");
    }

    private static async Task ReviewerAsync(ScrutineerDb db, CurrentUser me, List<WorkItem> items, CancellationToken ct)
    {
        var priorities = me.PriorityIds.ToList();
        var strands = me.StrandIds.ToList();
        var updates = await db.Updates.AsNoTracking()
            .CountAsync(u => u.State == UpdateState.Submitted && u.Round.State == RoundState.Open && priorities.Contains(u.Commitment.PriorityId), ct);
        var narratives = await db.StrandNarratives.AsNoTracking()
            .CountAsync(n => n.State == UpdateState.Submitted && n.Round.State == RoundState.Open && strands.Contains(n.StrandId), ct);
        Add(items, updates, "update waiting for your review", "updates waiting for your review", "/review");
        Add(items, narratives, "strand narrative waiting for your review", "strand narratives waiting for your review", "/review");
    }

    private static void Analyst(RoundBoard board, RoundSummary? current, RoundProgress? progress, List<WorkItem> items)
    {
        if (current is null || progress is null || current.State == RoundState.Published)
        {
            return;
        }

        var href = $"/rounds/{current.Id}";
        Add(items, progress.Overdue, $"update overdue in the {current.Period} round", $"updates overdue in the {current.Period} round", href);
        if (progress.Overdue == 0)
        {
            Add(items, progress.NotStarted + progress.Draft + progress.Returned, $"update not yet submitted in the {current.Period} round", $"updates not yet submitted in the {current.Period} round", href);
        }

        Add(items, progress.Submitted, "update awaiting review", "updates awaiting review", href);
        if (current.State == RoundState.Closed)
        {
            items.Add(new WorkItem(1, $"The {current.Period} round is closed and waits to be published", href));
        }
        else if (current.IsPastDeadline(board.Today) && progress.NotStarted + progress.Draft + progress.Returned + progress.Submitted == 0)
        {
            items.Add(new WorkItem(1, $"Every update of the {current.Period} round is approved: the round can be closed", href));
        }
    }

    private static void Add(List<WorkItem> items, int count, string one, string many, string href)
    {
        if (count > 0)
        {
            items.Add(new WorkItem(count, Figures.Count(count, one, many), href));
        }
    }
}
