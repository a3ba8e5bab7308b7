using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Delivery;

namespace Scrutineer.Application.Delivery;

/// <summary>Finds and loads strategies with their strands, plans and tasks.</summary>
public static class DeliveryStore
{
    /// <summary>
    /// The identity of the strategy titled <paramref name="title"/>, or of the only strategy when no title is given.
    /// </summary>
    /// <exception cref="DeliveryImportException">No such strategy, none at all, or several and no title given.</exception>
    public static async Task<int> FindStrategyAsync(ScrutineerDb db, string? title, CancellationToken ct = default)
    {
        var all = await db.Strategies.Select(s => new { s.Id, s.Title }).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(title))
        {
            return all.FirstOrDefault(s => string.Equals(s.Title, title.Trim(), StringComparison.OrdinalIgnoreCase))?.Id
                ?? throw new DeliveryImportException($"There is no strategy called '{title.Trim()}'"
                    + (all.Count == 0 ? "; import a delivery plan first." : $"; the store holds {string.Join(", ", all.Select(s => $"'{s.Title}'"))}."));
        }

        return all.Count switch
        {
            1 => all[0].Id,
            0 => throw new DeliveryImportException("There is no crime prevention strategy in the store: import a delivery plan first (scrutineer delivery import FILE --strategy NAME)."),
            _ => throw new DeliveryImportException($"The store holds {all.Count} strategies ({string.Join(", ", all.Select(s => $"'{s.Title}'"))}); say which with --strategy."),
        };
    }

    /// <summary>Loads a strategy with its strands, plans, tasks, and the plan commitments the tasks are linked to.</summary>
    public static async Task<CrimePreventionStrategy> LoadAsync(ScrutineerDb db, int strategyId, CancellationToken ct = default)
    {
        var strategy = await db.Strategies
            .Include(s => s.Strands).ThenInclude(s => s.Plans).ThenInclude(p => p.Tasks)
            .AsSplitQuery()
            .SingleAsync(s => s.Id == strategyId, ct);
        var ids = strategy.Strands.SelectMany(s => s.Plans).SelectMany(p => p.Tasks).SelectMany(t => t.CommitmentIds).Distinct().ToList();
        if (ids.Count > 0)
        {
            await db.Commitments.Include(c => c.Priority).Where(c => ids.Contains(c.Id)).LoadAsync(ct);
        }

        return strategy;
    }
}
