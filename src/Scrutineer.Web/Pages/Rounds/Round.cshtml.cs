using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Quarterly;

namespace Scrutineer.Web.Pages.Rounds;

/// <summary>
/// One round: progress, who is outstanding or overdue, deadline, and close / reopen / publish. Publishing is two steps:
/// the Publish button shows what is not ready (<see cref="PublishReadiness"/>), and the round is published from there,
/// with the analyst's confirmation when anything is not ready.
/// </summary>
public sealed class RoundModel(ScrutineerDb db, RoundBoard board, TimeProvider clock, ILogger<RoundModel> log) : ScrutineerPageModel
{
    public RoundSummary Round { get; private set; } = null!;

    public IReadOnlyList<Slot> Slots { get; private set; } = [];

    /// <summary>Every update started in the round, sorted and paged (50 a page) as the address says.</summary>
    public TableView<Slot> Started => started ??= StartedTable();

    private TableView<Slot>? started;

    private TableView<Slot> StartedTable()
    {
        var rows = Slots.Where(s => s.Update is not null).ToList();
        var order = rows.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        return TableView<Slot>.From(rows, Request, new Dictionary<string, Func<Slot, IComparable?>>(StringComparer.Ordinal)
        {
            ["commitment"] = s => order[s],
            ["unit"] = s => s.UnitShortName.ToUpperInvariant(),
            ["review"] = s => Labels.Of(s.Update!.State),
            ["status"] = s => Labels.Of(s.Update!.Status),
        }, "commitment");
    }

    public RoundProgress Progress { get; private set; } = null!;

    public bool PastDeadline => Round.IsPastDeadline(board.Today);

    [BindProperty]
    public DateInputModel Deadline { get; set; } = new();

    /// <summary>What is not ready to publish, while the publish confirmation is shown; null otherwise.</summary>
    public PublishReadiness? Readiness { get; private set; }

    /// <summary>"confirm" when the publish form comes from the confirmation (the second step).</summary>
    [BindProperty]
    public string? PublishStep { get; set; }

    /// <summary>The analyst's "I confirm" to publish with items not ready.</summary>
    [BindProperty]
    public bool ConfirmPublish { get; set; }

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
        ChangeAsync(id, r => r.Close(clock.GetUtcNow()), "closed: no more submissions or reviews until it is reopened", ct);

    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, r => r.Reopen(clock.GetUtcNow()), "reopened: units can change their updates again", ct);

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return NotFound();
        }

        async Task<IActionResult> Confirmation(PublishReadiness readiness)
        {
            await LoadAsync(id, ct);
            Deadline = DateInputModel.Of(nameof(Deadline), "New deadline", Round.Deadline);
            Readiness = readiness;
            return Page();
        }

        return await AttemptAsync(async () =>
        {
            if (PublishStep != "confirm")
            {
                return await Confirmation(await ReportingRounds.ReadinessToPublishAsync(db, round, clock.GetUtcNow(), ct));
            }

            try
            {
                var published = await ReportingRounds.PublishAsync(db, round, AuditContext.Actor, ConfirmPublish, clock.GetUtcNow(), ct);
                log.LogInformation("Round {RoundId} ({Period}) published by {User} with {NotReady} items not ready", round.Id, round.Period, Me.UserName, published.Count);
                Notice(published.IsReady
                    ? $"The {round.Period} round was published: it is now read-only."
                    : $"The {round.Period} round was published with {published.Count} items not ready, as you confirmed: it is now read-only.");
                return Redirect($"/rounds/{id}");
            }
            catch (RoundNotReadyToPublish refused)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError(nameof(ConfirmPublish), ConfirmPublish
                    ? refused.Message
                    : $"Select 'I confirm' to publish the {round.Period} round with these {refused.Readiness.Count} items not ready, or review them first.");
                return await Confirmation(refused.Readiness);
            }
        }, async () =>
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            Deadline = DateInputModel.Of(nameof(Deadline), "New deadline", Round.Deadline);
            return Page();
        });
    }

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
