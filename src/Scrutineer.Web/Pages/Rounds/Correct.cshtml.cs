using Microsoft.AspNetCore.Mvc;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Quarterly;

namespace Scrutineer.Web.Pages.Rounds;

/// <summary>An analyst edits any update (typos, a status the unit misjudged); the change is kept in the update's history.</summary>
public sealed class CorrectModel(ScrutineerDb db, RoundBoard board, TimeProvider clock, ILogger<CorrectModel> log) : ScrutineerPageModel
{
    public QuarterlyUpdate Update { get; private set; } = null!;

    [BindProperty]
    public string? Commentary { get; set; }

    [BindProperty]
    public DeliveryStatus? Status { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var update = await board.UpdateAsync(id, ct);
        if (update is null)
        {
            return NotFound();
        }

        Update = update;
        Commentary = update.CommentaryText;
        Status = update.Status;
        Version = update.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var update = await board.UpdateAsync(id, ct);
        if (update is null)
        {
            return NotFound();
        }

        Update = update;
        if (Status is null)
        {
            ModelState.AddModelError(nameof(Status), "Select the delivery status");
        }

        if (update.Version != Version)
        {
            ModelState.AddModelError("", "The update changed while you were editing it. Check the history and make your correction again.");
            Version = update.Version;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await AttemptAsync(async () =>
        {
            update.Correct(update.Round, Domain.QuarterlyUpdates.Commentary.Parse(Commentary), Status!.Value, Me.DisplayName, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            log.LogInformation("Update {UpdateId} corrected by {User}", update.Id, Me.UserName);
            Notice($"Update on {update.Commitment.Reference} from {update.Unit.ShortName} corrected; the change is in its history.");
            return Redirect($"/rounds/{update.RoundId}");
        }, () => Task.FromResult<IActionResult>(Page()), nameof(Commentary));
    }
}
