using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Plans;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.QuarterlyUpdates;

/// <summary>Finding, opening, closing and publishing reporting rounds. The rules are the round's own.</summary>
public static class ReportingRounds
{
    /// <summary>The round for <paramref name="period"/> of the plan covering it (or the plan titled).</summary>
    /// <exception cref="DomainException">No such round; the message lists the rounds there are.</exception>
    public static async Task<ReportingRound> FindAsync(ScrutineerDb db, FinancialQuarter period, string? planTitle = null, CancellationToken cancellationToken = default)
    {
        var plan = string.IsNullOrWhiteSpace(planTitle)
            ? await PlanLoader.CoveringAsync(db, period, cancellationToken)
            : await PlanLoader.LoadAsync(db, planTitle, cancellationToken);
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.PlanId == plan.Id && r.Period == period, cancellationToken);
        if (round is not null)
        {
            return round;
        }

        var periods = (await db.Rounds.Where(r => r.PlanId == plan.Id).Select(r => r.Period).ToListAsync(cancellationToken)).OrderBy(p => p).ToList();
        throw new DomainException($"No reporting round for {period} in '{plan.Title}'. "
            + (periods.Count == 0 ? "No round has been opened yet: use 'scrutineer round open'." : "Rounds: " + string.Join(", ", periods.Select(p => p.Code)) + "."));
    }

    /// <summary>The open round with the latest period, or the latest round when none is open; null when there are none.</summary>
    public static async Task<ReportingRound?> CurrentAsync(ScrutineerDb db, CancellationToken cancellationToken = default)
    {
        var rounds = await db.Rounds.ToListAsync(cancellationToken);
        return rounds.Where(r => r.IsOpen).OrderByDescending(r => r.Period).FirstOrDefault()
            ?? rounds.OrderByDescending(r => r.Period).FirstOrDefault();
    }

    /// <summary>Opens the round for <paramref name="period"/> with its deadline.</summary>
    /// <exception cref="DomainException">A round for that period exists already, or no plan covers it.</exception>
    public static async Task<ReportingRound> OpenAsync(ScrutineerDb db, FinancialQuarter period, DateOnly deadline, DateTimeOffset now, string? planTitle = null, CancellationToken cancellationToken = default)
    {
        var plan = string.IsNullOrWhiteSpace(planTitle)
            ? await PlanLoader.CoveringAsync(db, period, cancellationToken)
            : await PlanLoader.LoadAsync(db, planTitle, cancellationToken);
        if (await db.Rounds.AnyAsync(r => r.PlanId == plan.Id && r.Period == period, cancellationToken))
        {
            throw new DomainException($"The {period} round of '{plan.Title}' is already open or was opened before.");
        }

        if (deadline < period.LastMonth.FirstDay)
        {
            throw new DomainException($"The deadline {deadline.ToString("d MMMM yyyy", EnGb.Culture)} is before the last month of {period} begins.");
        }

        var round = new ReportingRound(plan, period, deadline, now);
        db.Rounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return round;
    }
}
