using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Plans;

/// <summary>Finds plans in the store, loaded with their priorities, commitments, sub-points and units.</summary>
public static class PlanLoader
{
    /// <summary>The plan titled <paramref name="title"/>, or the only/current plan when no title is given.</summary>
    /// <exception cref="DomainException">No such plan; or no title given and the store holds none.</exception>
    public static async Task<Plan> LoadAsync(ScrutineerDb db, string? title, CancellationToken cancellationToken = default)
    {
        var titles = await db.Plans.OrderBy(p => p.FirstYear).Select(p => p.Title).ToListAsync(cancellationToken);
        if (titles.Count == 0)
        {
            throw new DomainException("The store holds no plan yet: import one with 'scrutineer plan import FILE' or build the demo with 'scrutineer demo'.");
        }

        string chosen;
        if (string.IsNullOrWhiteSpace(title))
        {
            chosen = titles[^1];
        }
        else
        {
            chosen = titles.FirstOrDefault(t => string.Equals(t, title.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new DomainException($"No plan titled '{title}'. Plans in the store: {string.Join("; ", titles)}.");
        }

        return await Query(db).SingleAsync(p => p.Title == chosen, cancellationToken);
    }

    /// <summary>The plan that covers <paramref name="period"/> (the latest-starting one when several do).</summary>
    /// <exception cref="DomainException">No plan covers the period.</exception>
    public static async Task<Plan> CoveringAsync(ScrutineerDb db, FinancialQuarter period, CancellationToken cancellationToken = default)
    {
        var plans = await db.Plans.ToListAsync(cancellationToken);
        var plan = plans.Where(p => p.Covers(period)).OrderByDescending(p => p.FirstYear).FirstOrDefault()
            ?? throw new DomainException(plans.Count == 0
                ? "The store holds no plan yet: import one with 'scrutineer plan import FILE' or build the demo with 'scrutineer demo'."
                : $"No plan covers {period}. Plans in the store: {string.Join("; ", plans.Select(p => $"{p.Title} ({p.FirstYear} to {p.LastYear})"))}.");
        return await Query(db).SingleAsync(p => p.Id == plan.Id, cancellationToken);
    }

    private static IQueryable<Plan> Query(ScrutineerDb db) => db.Plans
        .Include("Priorities.Commitments.responsibilities.Unit")
        .Include(p => p.Priorities).ThenInclude(p => p.Commitments).ThenInclude(c => c.CarriesForward).ThenInclude(c => c!.Priority).ThenInclude(p => p.Plan)
        .AsSplitQuery();
}
