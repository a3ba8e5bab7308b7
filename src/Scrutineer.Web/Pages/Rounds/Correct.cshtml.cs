using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Quarterly;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Pages.Rounds;

/// <summary>An analyst edits any update (typos, a status the unit misjudged); the change is kept in the update's history.</summary>
public sealed class CorrectModel(ScrutineerDb db, RoundBoard board, TimeProvider clock, ILogger<CorrectModel> log) : ScrutineerPageModel
{
    public QuarterlyUpdate Update { get; private set; } = null!;

    /// <summary>Set when the update changed after the analyst opened the form: the stored version, shown beside the analyst's text.</summary>
    public QuarterlyUpdate? Saved { get; private set; }

    /// <summary>The OFFICIAL part of the commentary: it may be published, and refuses a typed protective marking.</summary>
    [BindProperty]
    public string? Commentary { get; set; }

    /// <summary>The OFFICIAL-SENSITIVE part of the commentary (optional).</summary>
    [BindProperty]
    public string? SensitiveCommentary { get; set; }

    /// <summary>Whether this account may read (and so correct) the update's OFFICIAL-SENSITIVE part; when not, that part is kept as it is.</summary>
    public bool ReadsSensitive => Me.ShowsSensitive(Update);

    [BindProperty]
    public DeliveryStatus? Status { get; set; }

    /// <summary>Why the update is corrected (OFFICIAL); kept in its history beside the text before and after.</summary>
    [BindProperty]
    public string? Reason { get; set; }

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
        SensitiveCommentary = ReadsSensitive ? update.SensitiveCommentaryText : null;
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
        if (update.Version != Version)
        {
            ShowConflict();
            return Page();
        }

        // Every problem at once, in the form's order, by the rule Correct enforces.
        var official = Domain.QuarterlyUpdates.Commentary.Parse(Commentary);
        var sensitive = ReadsSensitive ? Domain.QuarterlyUpdates.Commentary.Parse(SensitiveCommentary) : update.SensitiveCommentary;
        foreach (var (field, message) in update.CheckCorrection(official, Status, Reason, sensitive))
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            update.Correct(update.Round, official, Status, Me.DisplayName, clock.GetUtcNow(), Reason ?? "", sensitive);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            // What the form cannot check beforehand: a correction that changes nothing, a published round.
            db.ChangeTracker.Clear();
            Update = await board.UpdateAsync(id, ct) ?? throw new InvalidOperationException($"Update {id} went while being corrected.");
            ModelState.AddModelError(nameof(Commentary), ex.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Update = await board.UpdateAsync(id, ct) ?? throw new InvalidOperationException($"Update {id} went while being corrected.");
            ShowConflict();
            return Page();
        }

        log.LogInformation("Update {UpdateId} corrected by {User}", update.Id, Me.UserName);
        Notice($"Update on {update.Commitment.Reference} from {update.Unit.ShortName} corrected; the reason and the text before and after are in its history.");
        return Redirect($"/rounds/{update.RoundId}");
    }

    /// <summary>Shows the stored version beside the analyst's text, and takes its version so that saving again replaces it knowingly.</summary>
    private void ShowConflict()
    {
        Saved = Update;
        Version = Update.Version;
        ModelState.AddModelError("", "Someone else changed this update while you were correcting it, so your correction was not saved. Both versions are below: change yours if needed and save again to replace theirs.");
    }
}
