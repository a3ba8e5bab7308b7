using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Plans;

/// <summary>Finds plans in the store, loaded with their priorities, commitments, sub-points and units.</summary>
public static class PlanLoader
{
    /// <summary>The plan titled <paramref name="title"/>, or the only/current plan when no title is given (<see cref="PlanChoice.ByTitleAsync"/>).</summary>
    /// <exception cref="DomainException">No such plan; or no title given and the store holds none.</exception>
    public static async Task<Plan> LoadAsync(ScrutineerDb db, string? title, CancellationToken cancellationToken = default)
    {
        var chosen = await StoreReader.ReadAsync(db, reader => PlanChoice.ByTitleAsync(reader, title, cancellationToken), cancellationToken);
        return await ByIdAsync(db, chosen.Id, cancellationToken);
    }

    /// <summary>The plan that covers <paramref name="period"/> (<see cref="PlanChoice.CoveringAsync"/>).</summary>
    /// <exception cref="DomainException">No plan covers the period.</exception>
    public static async Task<Plan> CoveringAsync(ScrutineerDb db, FinancialQuarter period, CancellationToken cancellationToken = default)
    {
        var chosen = await StoreReader.ReadAsync(db, reader => PlanChoice.CoveringAsync(reader, period, cancellationToken), cancellationToken);
        return await ByIdAsync(db, chosen.Id, cancellationToken);
    }

    /// <summary>The plan with store identity <paramref name="id"/>, loaded whole.</summary>
    public static Task<Plan> ByIdAsync(ScrutineerDb db, int id, CancellationToken cancellationToken = default) =>
        Query(db).SingleAsync(p => p.Id == id, cancellationToken);

    private static IQueryable<Plan> Query(ScrutineerDb db) => db.Plans
        .Include("Priorities.Commitments.responsibilities.Unit")
        .Include(p => p.Priorities).ThenInclude(p => p.Commitments).ThenInclude(c => c.CarriesForward).ThenInclude(c => c!.Priority).ThenInclude(p => p.Plan)
        .AsSplitQuery();
}
