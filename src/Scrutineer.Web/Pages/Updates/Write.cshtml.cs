using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Security;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Pages.Updates;

/// <summary>A contributor writes (or rewrites after a return) one unit's update on one commitment, then saves or submits it.</summary>
public sealed class WriteModel(ScrutineerDb db, TimeProvider clock, Application.Notifications.NotifySettings notify, ILogger<WriteModel> log) : ScrutineerPageModel
{
    public ReportingRound Round { get; private set; } = null!;

    public Commitment Commitment { get; private set; } = null!;

    public Unit Unit { get; private set; } = null!;

    public QuarterlyUpdate? Update { get; private set; }

    /// <summary>
    /// Set when someone else saved this update after the user opened the form: the version now stored, shown beside
    /// the user's own text (kept in the form) so that neither is lost.
    /// </summary>
    public QuarterlyUpdate? Saved { get; private set; }

    /// <summary>The OFFICIAL part of the commentary: it may be published, and refuses a typed protective marking.</summary>
    [BindProperty]
    [Display(Name = "Commentary (OFFICIAL)")]
    public string? Commentary { get; set; }

    /// <summary>The OFFICIAL-SENSITIVE part of the commentary (optional): what must not be published.</summary>
    [BindProperty]
    [Display(Name = "OFFICIAL-SENSITIVE commentary")]
    public string? SensitiveCommentary { get; set; }

    /// <summary>
    /// Whether this account may read (and so write) the update's OFFICIAL-SENSITIVE part (<see cref="NeedToKnow"/>). When it
    /// may not, the sensitive box is not shown and a part already written is kept as it is.
    /// </summary>
    public bool ReadsSensitive { get; private set; }

    [BindProperty]
    public DeliveryStatus? Status { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public bool CanChange => Round.IsOpen && Update?.State is null or UpdateState.Draft or UpdateState.Returned;

    /// <summary>The same unit's approved update on the same commitment in the previous quarter's round, if any (OFFICIAL text only).</summary>
    public QuarterlyUpdate? LastQuarter { get; private set; }

    public async Task<IActionResult> OnGetAsync(int roundId, int commitmentId, int unitId, string? from, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, commitmentId, unitId, ct))
        {
            return NotFound();
        }

        Commentary = Update?.CommentaryText;
        if (string.Equals(from, "last", StringComparison.Ordinal) && LastQuarter is not null && CanChange)
        {
            // Into the form only: a saved draft stays as it is until the writer saves.
            Commentary = LastQuarter.CommentaryText;
        }

        SensitiveCommentary = ReadsSensitive ? Update?.SensitiveCommentaryText : null;
        Status = Update?.Status;
        Version = Update?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int roundId, int commitmentId, int unitId, string? action, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, commitmentId, unitId, ct))
        {
            return NotFound();
        }

        if (string.Equals(action, "withdraw", StringComparison.Ordinal))
        {
            return await WithdrawAsync(roundId, commitmentId, unitId, ct);
        }

        var submit = string.Equals(action, "submit", StringComparison.Ordinal);
        // Every problem at once, in the form's order. A draft may be saved before its status is chosen; it is needed to
        // submit. A first save with nothing in it would only mark the work as started.
        var sensitiveToStore = ReadsSensitive ? Domain.QuarterlyUpdates.Commentary.Parse(SensitiveCommentary) : Update?.SensitiveCommentary;
        var official = Domain.QuarterlyUpdates.Commentary.Parse(Commentary);
        foreach (var (field, message) in ReviewedUpdate.CheckWriting(official, sensitiveToStore, Status, submit, Update is not null, "commentary"))
        {
            ModelState.AddModelError(field, message);
        }

        if (Update is not null && Update.Version != Version)
        {
            ShowConflict();
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        var update = Update;
        try
        {
            if (update is null)
            {
                update = new QuarterlyUpdate(Round, Commitment, Unit, Me.DisplayName, now);
                db.Updates.Add(update);
            }

            update.Edit(Round, official, Status, Me.DisplayName, now, sensitiveToStore);
            if (submit)
            {
                update.Submit(Round, Me.DisplayName, now);
                await Application.Notifications.HandOffNotices.SubmittedAsync(db, update, Me.DisplayName, notify, now, ct);
            }

            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(Commentary), ex.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // A racing save won: it moved the version on, or both of us created the first version and the store
            // refused ours (ConcurrentStart reports that as a concurrency refusal too). Either way the winner's
            // version is now stored; a refusal with nothing stored is a fault, not a conflict.
            db.ChangeTracker.Clear();
            if (!await LoadAsync(roundId, commitmentId, unitId, ct) || Update is null)
            {
                throw;
            }

            log.LogInformation(ex, "Update on {Commitment} for {Unit} saved by someone else while {User} was writing", Commitment.Reference, Unit.ShortName, Me.UserName);
            ShowConflict();
            return Page();
        }

        log.LogInformation("Update {UpdateId} on {Commitment} for {Unit} {Outcome} by {User}", update.Id, Commitment.Reference, Unit.ShortName, submit ? "submitted" : "saved", Me.UserName);
        Notice(submit
            ? $"Update on {Commitment.Reference} for {Unit.ShortName} submitted for review."
            : $"Draft update on {Commitment.Reference} for {Unit.ShortName} saved.");
        return Redirect("/updates");
    }

    /// <summary>Shows the stored version beside the user's text, and takes its version so that saving again replaces it knowingly.</summary>
    private void ShowConflict()
    {
        Saved = Update;
        Version = Update!.Version;
        ModelState.AddModelError("", "Someone else saved this update while you were writing, so your text was not saved. Both versions are below: change yours if needed and save again to replace theirs.");
    }

    /// <summary>The writer takes the submitted update back before review; it is a draft again.</summary>
    private async Task<IActionResult> WithdrawAsync(int roundId, int commitmentId, int unitId, CancellationToken ct)
    {
        ModelState.Clear();
        if (Update is null)
        {
            return NotFound();
        }

        try
        {
            Update.Withdraw(Round, Me.DisplayName, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(Commentary), ex.Message);
            Commentary = Update.CommentaryText;
            Status = Update.Status;
            Version = Update.Version;
            return Page();
        }

        log.LogInformation("Update {UpdateId} withdrawn by {User}", Update.Id, Me.UserName);
        Notice("Update withdrawn: it is a draft again, and you can change it and submit it when it is ready.");
        return Redirect($"/updates/write/{roundId}/{commitmentId}/{unitId}");
    }

    /// <summary>Loads the round, commitment and unit; false (→ 404) unless the account writes for the unit and the unit is responsible.</summary>
    private async Task<bool> LoadAsync(int roundId, int commitmentId, int unitId, CancellationToken ct)
    {
        if (!UpdateAccess.CanWrite(Me, unitId))
        {
            return false;
        }

        var round = await db.Rounds.Include(r => r.Plan).SingleOrDefaultAsync(r => r.Id == roundId, ct);
        var commitment = await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit").SingleOrDefaultAsync(c => c.Id == commitmentId, ct);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (round is null || commitment is null || unit is null || commitment.Priority.PlanId != round.PlanId || !commitment.IsResponsible(unit))
        {
            return false;
        }

        Round = round;
        Commitment = commitment;
        Unit = unit;
        Update = await db.Updates.SingleOrDefaultAsync(u => u.RoundId == roundId && u.CommitmentId == commitmentId && u.UnitId == unitId, ct);
        var previous = round.Period.Previous;
        LastQuarter = await db.Updates.AsNoTracking().Include(u => u.Round)
            .Where(u => u.Round.PlanId == round.PlanId && u.Round.Period == previous && u.CommitmentId == commitmentId && u.UnitId == unitId && u.State == UpdateState.Approved)
            .SingleOrDefaultAsync(ct);
        ReadsSensitive = NeedToKnow.CanReadSensitive(Me.Reader, unitId, commitment.PriorityId, Update?.State ?? UpdateState.Draft);
        return true;
    }
}
