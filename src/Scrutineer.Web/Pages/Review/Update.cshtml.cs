using Microsoft.AspNetCore.Mvc;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Accounts;
using Scrutineer.Web.Quarterly;

namespace Scrutineer.Web.Pages.Review;

/// <summary>A reviewer reads one submitted update and approves it or returns it with a comment.</summary>
public sealed class UpdateModel(ScrutineerDb db, RoundBoard board, TimeProvider clock, ILogger<UpdateModel> log) : ScrutineerPageModel
{
    public QuarterlyUpdate Update { get; private set; } = null!;

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

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
        else if (Decision == "return" && string.IsNullOrWhiteSpace(Comment))
        {
            ModelState.AddModelError(nameof(Comment), "Say what needs to change when returning an update");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await AttemptAsync(async () =>
        {
            var now = clock.GetUtcNow();
            if (Decision == "approve")
            {
                Update.Approve(Update.Round, Me.DisplayName, Comment, now);
            }
            else
            {
                Update.Return(Update.Round, Me.DisplayName, Comment!, now);
            }

            await db.SaveChangesAsync(ct);
            log.LogInformation("Update {UpdateId} {Decision} by {User}", Update.Id, Decision == "approve" ? "approved" : "returned", Me.UserName);
            Notice($"Update on {Update.Commitment.Reference} from {Update.Unit.ShortName} {(Decision == "approve" ? "approved" : "returned to the unit")}.");
            return Redirect("/review");
        }, () => Task.FromResult<IActionResult>(Page()), nameof(Decision));
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
