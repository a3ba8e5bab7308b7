using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Quarterly;

/// <summary>A round in brief.</summary>
public sealed record RoundSummary(int Id, int PlanId, string PlanTitle, FinancialQuarter Period, DateOnly Deadline, RoundState State)
{
    public string Name => $"{Period} ({Period.MonthsLabel})";

    /// <summary>Whether the deadline has passed on <paramref name="today"/> (the round's own rule).</summary>
    public bool IsPastDeadline(DateOnly today) => ReportingRound.DeadlinePassed(Deadline, today);

    /// <summary>Whether whoever still owes an update is overdue on <paramref name="today"/> (the round's own rule, as the CLI's).</summary>
    public bool ChasesOutstanding(DateOnly today) => ReportingRound.ChasesOutstanding(State, Deadline, today);
}

/// <summary>An update in brief (no commentary or history).</summary>
public sealed record UpdateRow(int Id, int RoundId, int CommitmentId, int UnitId, UpdateState State, DeliveryStatus? Status, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, string Author, string? ReviewerComment);

/// <summary>One update a round expects: a responsible unit on a commitment, and the update if one was started.</summary>
public sealed record Slot(int CommitmentId, string Reference, string CommitmentText, int PriorityId, int PriorityNumber, string PriorityTitle, int UnitId, string UnitShortName, string UnitName, UpdateRow? Update)
{
    /// <summary>Whether the unit still owes the update: nothing submitted or approved yet.</summary>
    public bool Outstanding => QuarterlyUpdate.IsOutstanding(Update?.State);

    /// <summary>
    /// The updates still owed, in the order a reader scans them: by the unit's name as shown (ignoring case), then by
    /// commitment reference in number order (2.4 before 2.10). The round page and its CSV share it.
    /// </summary>
    public static IEnumerable<Slot> OutstandingByUnit(IEnumerable<Slot> slots) => slots.Where(s => s.Outstanding)
        .OrderBy(s => s.UnitName, StringComparer.Create(EnGb.Culture, ignoreCase: true))
        .ThenBy(s => s.Reference, StringComparer.Create(EnGb.Culture, CompareOptions.NumericOrdering));
}

/// <summary>Counts for a round's progress.</summary>
public sealed record RoundProgress(int Expected, int NotStarted, int Draft, int Submitted, int Approved, int Returned, int Overdue);

/// <summary>Reads rounds and the updates they expect, for the dashboard, the contributor, reviewer and analyst pages.</summary>
public sealed class RoundBoard(ScrutineerDb db, TimeProvider clock)
{
    /// <summary>Today in the force's calendar (UK).</summary>
    public DateOnly Today => UkClock.Today(clock);

    public async Task<IReadOnlyList<RoundSummary>> RoundsAsync(CancellationToken ct) =>
        (await db.Rounds.AsNoTracking()
            .Select(r => new RoundSummary(r.Id, r.PlanId, r.Plan.Title, r.Period, r.Deadline, r.State))
            .ToListAsync(ct))
        .OrderByDescending(r => r.Period).ThenBy(r => r.PlanTitle, StringComparer.Ordinal).ToList();

    public async Task<RoundSummary?> RoundAsync(int id, CancellationToken ct) =>
        await db.Rounds.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new RoundSummary(r.Id, r.PlanId, r.Plan.Title, r.Period, r.Deadline, r.State))
            .SingleOrDefaultAsync(ct);

    /// <summary>The round to show first, by the application's rule (<see cref="ReportingRounds.CurrentAsync"/>), as the CLI's.</summary>
    public async Task<RoundSummary?> CurrentAsync(CancellationToken ct) =>
        await ReportingRounds.CurrentAsync(db, ct) is { } current ? await RoundAsync(current.Id, ct) : null;

    /// <summary>Every (commitment, responsible unit) pair of the round's plan, with its update, in plan order.</summary>
    public async Task<IReadOnlyList<Slot>> SlotsAsync(RoundSummary round, CancellationToken ct)
    {
        var commitments = await db.Commitments.AsNoTracking()
            .Include(c => c.Priority)
            .Include("responsibilities.Unit")
            .Where(c => c.Priority.PlanId == round.PlanId)
            .ToListAsync(ct);
        var updates = (await UpdatesAsync(db.Updates.Where(u => u.RoundId == round.Id), ct))
            .ToDictionary(u => (u.CommitmentId, u.UnitId));
        return commitments
            .OrderBy(c => c.Priority.Number).ThenBy(c => c.Number)
            .SelectMany(c => c.Units.Select(unit => new Slot(
                c.Id, c.Reference, c.Text, c.PriorityId, c.Priority.Number, c.Priority.Title, unit.Id, unit.ShortName, unit.Name,
                updates.GetValueOrDefault((c.Id, unit.Id)))))
            .ToList();
    }

    /// <summary>Counts for a round from its slots.</summary>
    public RoundProgress Progress(RoundSummary round, IReadOnlyList<Slot> slots) => new(
        slots.Count,
        slots.Count(s => s.Update is null),
        slots.Count(s => s.Update?.State == UpdateState.Draft),
        slots.Count(s => s.Update?.State == UpdateState.Submitted),
        slots.Count(s => s.Update?.State == UpdateState.Approved),
        slots.Count(s => s.Update?.State == UpdateState.Returned),
        round.ChasesOutstanding(Today) ? slots.Count(s => s.Outstanding) : 0);

    /// <summary>Updates in brief.</summary>
    public static async Task<List<UpdateRow>> UpdatesAsync(IQueryable<QuarterlyUpdate> query, CancellationToken ct) =>
        await query.AsNoTracking()
            .Select(u => new UpdateRow(u.Id, u.RoundId, u.CommitmentId, u.UnitId, u.State, u.Status, u.UpdatedAt, u.SubmittedAt, u.Author, u.ReviewerComment))
            .ToListAsync(ct);

    /// <summary>Loads an update with everything its pages show (commitment, priority, unit, round, plan), tracked for changes.</summary>
    public Task<QuarterlyUpdate?> UpdateAsync(int id, CancellationToken ct) =>
        db.Updates
            .Include(u => u.Round).ThenInclude(r => r.Plan)
            .Include(u => u.Commitment).ThenInclude(c => c.Priority)
            .Include(u => u.Unit)
            .SingleOrDefaultAsync(u => u.Id == id, ct);

    /// <summary>Units by identity.</summary>
    public async Task<Dictionary<int, Unit>> UnitsAsync(CancellationToken ct) =>
        await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
}
