using Microsoft.AspNetCore.Mvc;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Accounts;
using Scrutineer.Web.Quarterly;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Pages.Review;

/// <summary>
/// A reviewer reads one submitted update (its OFFICIAL-SENSITIVE part too, where the need-to-know rule allows) and approves
/// it or returns it with a comment in two parts: OFFICIAL, and optionally OFFICIAL-SENSITIVE.
/// </summary>
public sealed class UpdateModel(ScrutineerDb db, RoundBoard board, TimeProvider clock, ILogger<UpdateModel> log) : ScrutineerPageModel
{
    public QuarterlyUpdate Update { get; private set; } = null!;

    [BindProperty]
    public string? Decision { get; set; }

    /// <summary>The OFFICIAL comment: the unit reads it, and it refuses a typed protective marking.</summary>
    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>The OFFICIAL-SENSITIVE part of the comment (optional).</summary>
    [BindProperty]
    public string? SensitiveComment { get; set; }

    /// <summary>Whether this account may read (and so write) the update's OFFICIAL-SENSITIVE parts.</summary>
    public bool ReadsSensitive => Me.ShowsSensitive(Update);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Decision is not ("approve" or "return"))
        {
            ModelState.AddModelError(nameof(Decision), "Select whether to approve the update or return it");
        }
        else if (Decision == "return" && string.IsNullOrWhiteSpace(Comment) && (!ReadsSensitive || string.IsNullOrWhiteSpace(SensitiveComment)))
        {
            ModelState.AddModelError(nameof(Comment), "Say what needs to change when returning an update");
        }

        if (MarkingInText.Find(Comment) is { } marking)
        {
            ModelState.AddModelError(nameof(Comment), MarkingInText.Describe(marking, "The comment"));
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
                Update.Approve(Update.Round, Me.DisplayName, Comment, now, sensitive);
            }
            else
            {
                Update.Return(Update.Round, Me.DisplayName, Comment ?? "", now, sensitive);
            }

            await db.SaveChangesAsync(ct);
            log.LogInformation("Update {UpdateId} {Decision} by {User}", Update.Id, Decision == "approve" ? "approved" : "returned", Me.UserName);
            Notice($"Update on {Update.Commitment.Reference} from {Update.Unit.ShortName} {(Decision == "approve" ? "approved" : "returned to the unit")}.");
            return Redirect("/review");
        }, () => Task.FromResult<IActionResult>(Page()), Update.Round.IsOpen ? nameof(Decision) : "");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var update = await board.UpdateAsync(id, ct);
        if (update is null || !UpdateAccess.CanReview(Me, update.Commitment.PriorityId))
        {
            return false;
        }

        Update = update;
        return true;
    }
}
