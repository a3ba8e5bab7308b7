using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Security;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Notifications;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Notifications;

/// <summary>
/// Notices for a hand-off between people, added to the same save as the change that causes them, so a change that
/// rolls back leaves no notice behind. Today: an update or strand narrative submitted tells each reviewer in its scope
/// (<see cref="NeedToKnow"/>'s scope: the update's priority, the narrative's strand) who has an email address.
/// </summary>
public static class HandOffNotices
{
    /// <summary>Adds the "submitted for your review" notices for <paramref name="item"/> (its commitment and unit, or strand, loaded); the caller saves.</summary>
    public static async Task SubmittedAsync(ScrutineerDb db, ReviewedUpdate item, string submittedBy, NotifySettings settings, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var reviewers = (await db.Accounts.AsNoTracking().Where(a => a.Role == Role.Reviewer && !a.IsDisabled && a.Email != null).ToListAsync(cancellationToken))
            .Where(a => item switch
            {
                QuarterlyUpdate update => a.PriorityIds.Contains(update.Commitment.PriorityId),
                StrandNarrative narrative => a.StrandIds.Contains(narrative.StrandId),
                _ => false,
            });
        var submission = Guid.NewGuid().ToString("N");
        foreach (var reviewer in reviewers)
        {
            var body = string.Join("\n\n",
                $"Dear {reviewer.DisplayName},",
                $"{item.Subject} was submitted for review by {submittedBy} and is waiting for you to approve it or return it.",
                "Review it on Scrutineer:\n" + settings.Link("/review"),
                "You are getting this email because you review this work. To stop getting these emails, ask your Scrutineer administrator.");
            db.Notices.Add(new Notice($"submitted:{submission}:account-{reviewer.Id}", NoticeKind.Submitted, reviewer.Id, reviewer.Email!,
                $"Waiting for your review: {item.Subject}", body, settings.Link("/review"), now));
        }
    }
}
