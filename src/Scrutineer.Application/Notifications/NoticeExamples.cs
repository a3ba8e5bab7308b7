using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Plans;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Notifications;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Notifications;

/// <summary>
/// A hand-off notice as <paramref name="account"/> would get it, for a preview before any has been made: built by the
/// rule that makes the real ones (<see cref="HandOffNotices"/>) from the latest work in the account's scope, and never
/// saved. "Submitted" takes the latest update on one of a reviewer's priorities; "returned" and "approved" the latest
/// update of a contributor's units in that state; "round opened" the latest round of its plan.
/// </summary>
public static class NoticeExamples
{
    /// <summary>The example notice, or null when the account's scope holds nothing to build it from (or it would not get one).</summary>
    /// <remarks>The notices are added to <paramref name="db"/> by the real rule; the caller must not save it.</remarks>
    public static async Task<Notice?> BuildAsync(ScrutineerDb db, UserAccount account, NoticeKind kind, NotifySettings settings, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var updates = db.Updates.Include(u => u.Round).Include(u => u.Unit).Include(u => u.Commitment).ThenInclude(c => c.Priority);
        switch (kind)
        {
            case NoticeKind.Submitted:
                var priorities = account.PriorityIds.ToList();
                var submitted = await updates.Where(u => priorities.Contains(u.Commitment.PriorityId) && u.SubmittedAt != null)
                    .OrderByDescending(u => u.Id).FirstOrDefaultAsync(cancellationToken);
                if (submitted is null)
                {
                    return null;
                }

                await HandOffNotices.SubmittedAsync(db, submitted, submitted.Author, settings, now, cancellationToken);
                break;
            case NoticeKind.Returned or NoticeKind.Approved:
                var units = account.UnitIds.ToList();
                var state = kind == NoticeKind.Returned ? UpdateState.Returned : UpdateState.Approved;
                var reviewed = await updates.Where(u => units.Contains(u.UnitId) && u.State == state)
                    .OrderByDescending(u => u.Id).FirstOrDefaultAsync(cancellationToken);
                if (reviewed is null)
                {
                    return null;
                }

                await HandOffNotices.ReviewedAsync(db, reviewed, reviewed.Reviewer ?? "a reviewer", settings, now, cancellationToken);
                break;
            case NoticeKind.RoundOpened:
                var round = await db.Rounds.OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
                if (round is null)
                {
                    return null;
                }

                await HandOffNotices.RoundOpenedAsync(db, round, await PlanLoader.ByIdAsync(db, round.PlanId, cancellationToken), settings, now, cancellationToken);
                break;
            default:
                return null;
        }

        return db.ChangeTracker.Entries<Notice>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .FirstOrDefault(n => n.AccountId == account.Id && n.Kind == kind);
    }
}
