using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Quarterly;

namespace Scrutineer.Web.Pages.Rounds;

/// <summary>One round: progress, who is outstanding or overdue, deadline, and close / reopen / publish.</summary>
public sealed class RoundModel(ScrutineerDb db, RoundBoard board, TimeProvider clock, ILogger<RoundModel> log) : ScrutineerPageModel
{
    public RoundSummary Round { get; private set; } = null!;

    public IReadOnlyList<Slot> Slots { get; private set; } = [];

    public RoundProgress Progress { get; private set; } = null!;

    public bool PastDeadline => Round.Deadline < board.Today;

    [BindProperty]
    public DateInputModel Deadline { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Deadline = DateInputModel.Of(nameof(Deadline), "New deadline", Round.Deadline);
        return Page();
    }

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, r => r.Close(clock.GetUtcNow()), "closed: no more submissions; reviewers can still finish", ct);

    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, r => r.Reopen(clock.GetUtcNow()), "reopened: units can change their updates again", ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, r => r.Publish(clock.GetUtcNow()), "published: it is now read-only", ct);

    public async Task<IActionResult> OnPostDeadlineAsync(int id, CancellationToken ct)
    {
        Deadline.Name = nameof(Deadline);
        Deadline.Legend = "New deadline";
        var date = Deadline.Parse(out var error);
        if (error is not null)
        {
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }

            ModelState.AddModelError(nameof(Deadline), error);
            return Page();
        }

        return await ChangeAsync(id, r => r.SetDeadline(date!.Value), $"given the deadline {Labels.Date(date!.Value)}", ct);
    }

    private async Task<IActionResult> ChangeAsync(int id, Action<ReportingRound> change, string outcome, CancellationToken ct)
    {
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        return await AttemptAsync(async () =>
        {
            change(round);
            await db.SaveChangesAsync(ct);
            log.LogInformation("Round {RoundId} ({Period}) {Outcome} by {User}", round.Id, round.Period, outcome, Me.UserName);
            Notice($"The {round.Period} round was {outcome}.");
            return Redirect($"/rounds/{id}");
        }, async () =>
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            Deadline = DateInputModel.Of(nameof(Deadline), "New deadline", Round.Deadline);
            return Page();
        });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var round = await board.RoundAsync(id, ct);
        if (round is null)
        {
            return false;
        }

        Round = round;
        Slots = await board.SlotsAsync(round, ct);
        Progress = board.Progress(round, Slots);
        return true;
    }
}
