using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Pages.Updates;

/// <summary>A contributor writes (or rewrites after a return) one unit's update on one commitment, then saves or submits it.</summary>
public sealed class WriteModel(ScrutineerDb db, TimeProvider clock, ILogger<WriteModel> log) : ScrutineerPageModel
{
    public ReportingRound Round { get; private set; } = null!;

    public Commitment Commitment { get; private set; } = null!;

    public Unit Unit { get; private set; } = null!;

    public QuarterlyUpdate? Update { get; private set; }

    [BindProperty]
    [Display(Name = "Commentary")]
    public string? Commentary { get; set; }

    [BindProperty]
    public DeliveryStatus? Status { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public bool CanChange => Round.IsOpen && Update?.State is null or UpdateState.Draft or UpdateState.Returned;

    public async Task<IActionResult> OnGetAsync(int roundId, int commitmentId, int unitId, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, commitmentId, unitId, ct))
        {
            return NotFound();
        }

        Commentary = Update?.CommentaryText;
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

        var submit = string.Equals(action, "submit", StringComparison.Ordinal);
        if (Status is null)
        {
            ModelState.AddModelError(nameof(Status), "Select the delivery status");
        }

        if (submit && string.IsNullOrWhiteSpace(Commentary))
        {
            ModelState.AddModelError(nameof(Commentary), "Write the commentary before submitting");
        }

        if (Update is not null && Update.Version != Version)
        {
            ModelState.AddModelError("", "Someone else changed this update while you were writing. Your text is below: check the latest version in the history and save again.");
            Version = Update.Version;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await AttemptAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var update = Update;
            if (update is null)
            {
                update = new QuarterlyUpdate(Round, Commitment, Unit, Me.DisplayName, now);
                db.Updates.Add(update);
            }

            update.Edit(Round, Domain.QuarterlyUpdates.Commentary.Parse(Commentary), Status!.Value, Me.DisplayName, now);
            if (submit)
            {
                update.Submit(Round, Me.DisplayName, now);
            }

            await db.SaveChangesAsync(ct);
            log.LogInformation("Update {UpdateId} on {Commitment} for {Unit} {Outcome} by {User}", update.Id, Commitment.Reference, Unit.ShortName, submit ? "submitted" : "saved", Me.UserName);
            Notice(submit
                ? $"Update on {Commitment.Reference} for {Unit.ShortName} submitted for review."
                : $"Draft update on {Commitment.Reference} for {Unit.ShortName} saved.");
            return Redirect("/updates");
        }, () => Task.FromResult<IActionResult>(Page()), nameof(Commentary));
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
        return true;
    }
}
