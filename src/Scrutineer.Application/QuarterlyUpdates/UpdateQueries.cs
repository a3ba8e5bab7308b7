using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.QuarterlyUpdates;

/// <summary>Reading quarterly updates with their round, commitment and unit.</summary>
public static class UpdateQueries
{
    /// <summary>The updates of a round, optionally for one unit, state and/or commitment ("3.2"), in priority, commitment, unit order.</summary>
    public static async Task<IReadOnlyList<QuarterlyUpdate>> ListAsync(ScrutineerDb db, ReportingRound round, string? unit = null, UpdateState? state = null, string? commitment = null, CancellationToken cancellationToken = default)
    {
        var query = Query(db).Where(u => u.RoundId == round.Id);
        if (!string.IsNullOrWhiteSpace(unit))
        {
            var found = await FindUnitAsync(db, unit, cancellationToken);
            query = query.Where(u => u.UnitId == found.Id);
        }

        if (!string.IsNullOrWhiteSpace(commitment))
        {
            var found = await FindCommitmentAsync(db, round.PlanId, commitment, cancellationToken);
            query = query.Where(u => u.CommitmentId == found.Id);
        }

        if (state is not null)
        {
            query = query.Where(u => u.State == state);
        }

        var list = await query.ToListAsync(cancellationToken);
        return list.OrderBy(u => u.Commitment.Priority.Number).ThenBy(u => u.Commitment.Number).ThenBy(u => u.Unit.ShortName, StringComparer.Ordinal).ToList();
    }

    /// <summary>One update by its number.</summary>
    /// <exception cref="DomainException">No update with that number.</exception>
    public static async Task<QuarterlyUpdate> GetAsync(ScrutineerDb db, int id, CancellationToken cancellationToken = default) =>
        await Query(db).SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
            ?? throw new DomainException($"No quarterly update number {id}: 'scrutineer update list --period P' lists them.");

    /// <summary>A unit by short name (or full name), ignoring case.</summary>
    /// <exception cref="DomainException">No such unit; the message lists the short names there are.</exception>
    public static async Task<Domain.Plans.Unit> FindUnitAsync(ScrutineerDb db, string name, CancellationToken cancellationToken = default)
    {
        var units = await db.Units.ToListAsync(cancellationToken);
        return units.FirstOrDefault(u => string.Equals(u.ShortName, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? units.FirstOrDefault(u => string.Equals(u.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException($"No unit called '{name}'. Units: {string.Join(", ", units.Select(u => u.ShortName).Order(StringComparer.Ordinal))}.");
    }

    /// <summary>A commitment of the plan by its reference, such as "3.2" (priority 3, commitment 2).</summary>
    /// <exception cref="DomainException">Not a reference, or no such commitment; the message says which there are.</exception>
    public static async Task<Domain.Plans.Commitment> FindCommitmentAsync(ScrutineerDb db, int planId, string reference, CancellationToken cancellationToken = default)
    {
        var commitments = await db.Commitments.Include(c => c.Priority).Where(c => c.Priority.PlanId == planId).ToListAsync(cancellationToken);
        var ordered = commitments.OrderBy(c => c.Priority.Number).ThenBy(c => c.Number).ToList();
        return ordered.FirstOrDefault(c => c.Reference == reference.Trim())
            ?? throw new DomainException(ordered.Count == 0
                ? $"No commitment '{reference}': the plan has no commitments."
                : $"No commitment '{reference}' in the plan: expected a reference such as '{ordered[0].Reference}' (priority and commitment number), from {ordered[0].Reference} to {ordered[^1].Reference}.");
    }

    private static IQueryable<QuarterlyUpdate> Query(ScrutineerDb db) => db.Updates
        .Include(u => u.Round)
        .Include(u => u.Unit)
        .Include(u => u.Commitment).ThenInclude(c => c.Priority);
}
