using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Security;
using System.Globalization;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Notifications;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Notifications;

/// <summary>
/// Notices for a hand-off between people, added to the same save as the change that causes them, so a change that
/// rolls back leaves no notice behind. An update or strand narrative submitted tells each reviewer in its scope
/// (<see cref="NeedToKnow"/>'s scope: the update's priority, the narrative's strand); one approved or returned tells its
/// writers (the contributors of the update's unit, the narrative's strand lead), a return with the reviewer's OFFICIAL
/// comment (never the OFFICIAL-SENSITIVE one). A round opened tells each contributor with updates to write in it which
/// ones, and the deadline. Only accounts that are enabled and have an email address are told.
/// </summary>
public static class HandOffNotices
{
    /// <summary>
    /// Adds the "round opened" notices for <paramref name="round"/>, just opened on <paramref name="plan"/> (its
    /// commitments and their units loaded): one to each contributor whose units are responsible for commitments of the
    /// plan, naming each update to write and the deadline. Keyed by plan and period (a round is opened once); the
    /// caller saves them in the opening's transaction (<see cref="RoundOpening.OpenAsync"/>).
    /// </summary>
    public static async Task RoundOpenedAsync(ScrutineerDb db, ReportingRound round, Plan plan, NotifySettings settings, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var contributors = (await db.Accounts.AsNoTracking().Where(a => a.Role == Role.Contributor && !a.IsDisabled && a.Email != null).ToListAsync(cancellationToken))
            .Where(a => a.Wants(NoticeKind.RoundOpened) && (a.UnitIds.Count > 0 || a.StrandIds.Count > 0))
            .OrderBy(a => a.Id);
        var narratives = await NarrativesToWrite.ForAsync(db, round, cancellationToken);
        var deadline = round.Deadline.ToString("dddd d MMMM yyyy", EnGb.Culture);
        foreach (var contributor in contributors)
        {
            var theirs = plan.Commitments.OrderBy(c => c.Priority.Number).ThenBy(c => c.Number)
                .SelectMany(c => c.Units.Where(u => contributor.UnitIds.Contains(u.Id)).Select(u => (Commitment: c, Unit: u)))
                .ToList();
            var strands = narratives.Where(n => contributor.StrandIds.Contains(n.StrandId)).ToList();
            if (theirs.Count + strands.Count == 0)
            {
                continue;
            }

            var count = NoticesDue.Work(theirs.Count, strands.Count);
            var body = string.Join("\n\n", new[]
                {
                    $"Dear {contributor.DisplayName},",
                    $"The {round.Period} round is open. You have {count} to write and submit by {deadline}.",
                    theirs.Count == 0 ? null
                        : (theirs.Count == 1 ? "The update is:" : "The updates are:") + "\n" + string.Join('\n', theirs.Select(t => $"* {t.Commitment.Reference} for {t.Unit.Name}")),
                    NoticesDue.NarrativeList(strands, n => "* " + n.Strand),
                    (theirs.Count + strands.Count == 1 ? "Write it on Scrutineer:\n" : "Write them on Scrutineer:\n") + settings.Link("/updates"),
                    $"You are getting this email because you write {NoticesDue.Writes(theirs.Select(t => t.Unit.Name).ToList(), strands.Select(n => n.Strand).ToList())}. "
                        + "To change which emails you get, or get them as one daily digest, go to:\n" + settings.Link("/account/notices"),
                }.OfType<string>());
            db.Notices.Add(new Notice($"opened:plan-{plan.Id.ToString(CultureInfo.InvariantCulture)}:{round.Period.Code}:account-{contributor.Id.ToString(CultureInfo.InvariantCulture)}",
                NoticeKind.RoundOpened, contributor.Id, contributor.Email!, $"Round open: {count} for the {round.Period} round due by {deadline}", body, settings.Link("/updates"), now));
        }
    }

    /// <summary>Adds the "submitted for your review" notices for <paramref name="item"/> (its commitment and unit, or strand, loaded); the caller saves.</summary>
    public static async Task SubmittedAsync(ScrutineerDb db, ReviewedUpdate item, string submittedBy, NotifySettings settings, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var reviewers = (await db.Accounts.AsNoTracking().Where(a => a.Role == Role.Reviewer && !a.IsDisabled && a.Email != null).ToListAsync(cancellationToken))
            .Where(a => a.Wants(NoticeKind.Submitted))
            .Where(a => item switch
            {
                QuarterlyUpdate update => a.PriorityIds.Contains(update.Commitment.PriorityId),
                StrandNarrative narrative => a.StrandIds.Contains(narrative.StrandId),
                _ => false,
            });
        var submission = Guid.NewGuid().ToString("N");
        var by = await ActorNames.OfAsync(db, submittedBy, cancellationToken);
        foreach (var reviewer in reviewers)
        {
            var body = string.Join("\n\n",
                $"Dear {reviewer.DisplayName},",
                $"{item.Subject} was submitted for review by {by} and is waiting for you to approve it or return it.",
                "Review it on Scrutineer:\n" + settings.Link(ReviewPath(item)),
                "You are getting this email because you review this work. To change which emails you get, or get them as one daily digest, go to:\n" + settings.Link("/account/notices"));
            db.Notices.Add(new Notice($"submitted:{submission}:account-{reviewer.Id}", NoticeKind.Submitted, reviewer.Id, reviewer.Email!,
                $"Waiting for your review: {item.Subject}", body, settings.Link(ReviewPath(item)), now));
        }
    }

    /// <summary>
    /// Adds the "approved" or "returned" notices for <paramref name="item"/>, just reviewed (its commitment and unit, or
    /// strand, loaded), to the people who write it; the caller saves.
    /// </summary>
    public static async Task ReviewedAsync(ScrutineerDb db, ReviewedUpdate item, string reviewedBy, NotifySettings settings, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var returned = item.State == UpdateState.Returned;
        var kind = returned ? NoticeKind.Returned : NoticeKind.Approved;
        var writers = (await db.Accounts.AsNoTracking().Where(a => a.Role == Role.Contributor && !a.IsDisabled && a.Email != null).ToListAsync(cancellationToken))
            .Where(a => a.Wants(kind))
            .Where(a => item switch
            {
                QuarterlyUpdate update => a.UnitIds.Contains(update.UnitId),
                StrandNarrative narrative => a.StrandIds.Contains(narrative.StrandId),
                _ => false,
            });
        var review = Guid.NewGuid().ToString("N");
        var by = await ActorNames.OfAsync(db, reviewedBy, cancellationToken);
        var link = WritePath(item);
        foreach (var writer in writers)
        {
            var paragraphs = new List<string>
            {
                $"Dear {writer.DisplayName},",
                returned
                    ? $"{item.Subject} was returned to you by {by}. Change it and submit it again before the round's deadline."
                    : $"{item.Subject} was approved by {by}. It will be published with the round.",
            };
            if (returned && !string.IsNullOrWhiteSpace(item.ReviewerComment))
            {
                paragraphs.Add("The reviewer said:\n" + item.ReviewerComment.Trim());
            }

            paragraphs.Add((returned ? "Change it on Scrutineer:\n" : "See it on Scrutineer:\n") + settings.Link(link));
            paragraphs.Add("You are getting this email because you write this work. To change which emails you get, or get them as one daily digest, go to:\n" + settings.Link("/account/notices"));
            db.Notices.Add(new Notice($"{(returned ? "returned" : "approved")}:{review}:account-{writer.Id}", kind, writer.Id, writer.Email!,
                returned ? $"Returned to you: {item.Subject}" : $"Approved: {item.Subject}", string.Join("\n\n", paragraphs), settings.Link(link), now));
        }
    }

    /// <summary>
    /// The reviewer's page of <paramref name="item"/>. An item stored for the first time (submitted on its first save)
    /// has no id yet, so its link names it by round and commitment and unit (or strand), and the review list sends the
    /// reviewer on to its page.
    /// </summary>
    private static string ReviewPath(ReviewedUpdate item) => item switch
    {
        StrandNarrative { Id: 0 } narrative => $"/review?round={RoundOf(item)}&strand={narrative.Strand.Id}",
        StrandNarrative => $"/review/narratives/{item.Id}",
        QuarterlyUpdate { Id: 0 } update => $"/review?round={RoundOf(item)}&commitment={update.Commitment.Id}&unit={update.Unit.Id}",
        _ => $"/review/{item.Id}",
    };

    /// <summary>The writer's page of <paramref name="item"/> (its round and commitment and unit, or strand, loaded).</summary>
    private static string WritePath(ReviewedUpdate item) => item switch
    {
        QuarterlyUpdate update => $"/updates/write/{RoundOf(item)}/{(update.CommitmentId != 0 ? update.CommitmentId : update.Commitment.Id)}/{(update.UnitId != 0 ? update.UnitId : update.Unit.Id)}",
        StrandNarrative narrative => $"/updates/narratives/{RoundOf(item)}/{(narrative.StrandId != 0 ? narrative.StrandId : narrative.Strand.Id)}",
        _ => "/updates",
    };

    /// <summary>The item's round: its key once stored, else the round it is being stored in.</summary>
    private static int RoundOf(ReviewedUpdate item) => item.RoundId != 0 ? item.RoundId : item.Round.Id;
}
