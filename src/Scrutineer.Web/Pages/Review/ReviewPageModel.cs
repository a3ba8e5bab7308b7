using Microsoft.AspNetCore.Mvc;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Pages.Review;

/// <summary>
/// What a reviewer's page shares, for an update or a strand narrative (<see cref="ReviewedUpdate"/>): the decision form
/// (<c>_ReviewDecision</c>), its checks, and recording the approval or return with a comment in two parts.
/// </summary>
public abstract class ReviewPageModel(ScrutineerDb db, TimeProvider clock, Application.Notifications.NotifySettings notify) : ScrutineerPageModel
{
    [BindProperty]
    public string? Decision { get; set; }

    /// <summary>The OFFICIAL comment: the writer reads it, and it refuses a typed protective marking.</summary>
    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>The OFFICIAL-SENSITIVE part of the comment (optional).</summary>
    [BindProperty]
    public string? SensitiveComment { get; set; }

    /// <summary>Whether this account may read (and so write) the OFFICIAL-SENSITIVE parts.</summary>
    public abstract bool ReadsSensitive { get; }

    /// <summary>"update" or "narrative".</summary>
    public abstract string Noun { get; }

    /// <summary>Who a return goes back to: "the unit", "the strand's lead".</summary>
    public abstract string Writer { get; }

    /// <summary>The report an approval puts the text in: "quarterly report", "strategy report".</summary>
    public abstract string Report { get; }

    /// <summary>Checks the decision, then approves or returns <paramref name="update"/> and saves; the page is shown again with the reason when refused.</summary>
    protected async Task<IActionResult> DecideAsync(ReviewedUpdate update, string done, Action<string> logged, CancellationToken ct)
    {
        if (Decision is not ("approve" or "return"))
        {
            ModelState.AddModelError(nameof(Decision), $"Select whether to approve the {Noun} or return it");
        }
        else if (Decision == "return" && string.IsNullOrWhiteSpace(Comment) && (!ReadsSensitive || string.IsNullOrWhiteSpace(SensitiveComment)))
        {
            ModelState.AddModelError(nameof(Comment), $"Say what needs to change when returning {(Noun == "update" ? "an" : "a")} {Noun}");
        }

        foreach (var (field, message) in ReviewedUpdate.CheckComment(Comment, ReadsSensitive ? SensitiveComment : null))
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await AttemptAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var sensitive = ReadsSensitive ? SensitiveComment : null;
            if (Decision == "approve")
            {
                update.Approve(update.Round, Me.DisplayName, Comment, now, sensitive);
            }
            else
            {
                update.Return(update.Round, Me.DisplayName, Comment ?? "", now, sensitive);
            }

            await Application.Notifications.HandOffNotices.ReviewedAsync(db, update, Me.DisplayName, notify, now, ct);
            await db.SaveChangesAsync(ct);
            logged(Decision == "approve" ? "approved" : "returned");
            Notice($"{done} {(Decision == "approve" ? "approved" : "returned to " + Writer)}.");
            return Redirect("/review");
        }, async () =>
        {
            // Nothing was saved: show the update as the store holds it, with the reviewer's decision and comment kept.
            db.ChangeTracker.Clear();
            await ReloadAsync(ct);
            return Page();
        }, update.Round.IsOpen ? nameof(Decision) : "");
    }

    /// <summary>Reads the update or narrative again from the store, after a refused decision changed it in memory only.</summary>
    protected abstract Task ReloadAsync(CancellationToken ct);
}
