using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.QuarterlyUpdates;

/// <summary>A round's state: every commitment × responsible unit, what it has sent, and who is overdue.</summary>
public sealed record RoundStatus(ReportingRound Round, IReadOnlyList<RoundStatusLine> Lines, DateOnly Today)
{
    /// <summary>Units with overdue updates, most overdue first: (unit short name, unit name, how many).</summary>
    public IReadOnlyList<(string Unit, string Name, int Overdue)> OverdueUnits => Lines
        .Where(l => l.Overdue)
        .GroupBy(l => (l.Unit, l.UnitName))
        .Select(g => (g.Key.Unit, g.Key.UnitName, g.Count()))
        .OrderByDescending(x => x.Item3).ThenBy(x => x.Unit, StringComparer.Ordinal)
        .ToList();

    /// <summary>Number of lines in each state; missing updates counted under null.</summary>
    public int Count(UpdateState? state) => Lines.Count(l => l.State == state);

    /// <summary>Builds the status of <paramref name="round"/> as of <paramref name="today"/>.</summary>
    public static async Task<RoundStatus> ForAsync(ScrutineerDb db, ReportingRound round, DateOnly today, CancellationToken cancellationToken = default)
    {
        var plan = await Plans.PlanLoader.LoadAsync(db, (await db.Plans.SingleAsync(p => p.Id == round.PlanId, cancellationToken)).Title, cancellationToken);
        var updates = await db.Updates.AsNoTracking()
            .Where(u => u.RoundId == round.Id)
            .Select(u => new { u.Id, u.CommitmentId, u.UnitId, u.State, u.Status, u.UpdatedAt })
            .ToListAsync(cancellationToken);
        var byKey = updates.ToDictionary(u => (u.CommitmentId, u.UnitId));
        var chases = round.ChasesOutstanding(today);

        var lines = new List<RoundStatusLine>();
        foreach (var commitment in plan.Commitments)
        {
            foreach (Unit unit in commitment.Units)
            {
                byKey.TryGetValue((commitment.Id, unit.Id), out var update);
                var outstanding = QuarterlyUpdate.IsOutstanding(update?.State);
                lines.Add(new RoundStatusLine(
                    commitment.Priority.Number, commitment.Reference, commitment.Text, unit.ShortName, unit.Name,
                    update?.Id, update?.State, update?.Status, update?.UpdatedAt, outstanding, outstanding && chases));
            }
        }

        return new RoundStatus(round, lines, today);
    }
}
