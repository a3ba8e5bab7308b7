using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Delivery;

/// <summary>Finds and loads strategies with their strands, plans and tasks.</summary>
public static class DeliveryStore
{
    /// <summary>
    /// The strategy a page, a command or a report means — one rule for the web, the CLI and the reports: the one titled
    /// <paramref name="title"/>; else, for a <paramref name="period"/>, the latest-begun strategy covering it; else the
    /// latest (by its last year, then the most recently added).
    /// </summary>
    /// <exception cref="DeliveryImportException">No such strategy, none at all, or none covering the period.</exception>
    public static async Task<int> FindStrategyAsync(ScrutineerDb db, string? title, FinancialQuarter? period, CancellationToken ct = default)
    {
        var all = await db.Strategies.AsNoTracking().Select(s => new { s.Id, s.Title, s.FirstYear, s.LastYear }).ToListAsync(ct);
        var names = string.Join(", ", all.Select(s => $"'{s.Title}'"));
        if (!string.IsNullOrWhiteSpace(title))
        {
            return all.FirstOrDefault(s => string.Equals(s.Title, title.Trim(), StringComparison.OrdinalIgnoreCase))?.Id
                ?? throw new DeliveryImportException($"There is no strategy called '{title.Trim()}'"
                    + (all.Count == 0 ? "; import a delivery plan first." : $"; the store holds {names}."));
        }

        if (all.Count == 0)
        {
            throw new DeliveryImportException("There is no crime prevention strategy in the store: import a delivery plan first (scrutineer delivery import FILE --strategy NAME).");
        }

        if (period is { } p)
        {
            return all.Where(s => (s.FirstYear ?? int.MinValue) <= p.DataTo.Year && (s.LastYear ?? int.MaxValue) >= p.FirstDay.Year)
                .OrderByDescending(s => s.FirstYear).ThenByDescending(s => s.Id).FirstOrDefault()?.Id
                ?? throw new DeliveryImportException($"No crime prevention strategy covers {p}; the store holds {names}. Say which with --strategy.");
        }

        return all.OrderByDescending(s => s.LastYear).ThenByDescending(s => s.Id).First().Id;
    }

    /// <inheritdoc cref="FindStrategyAsync(ScrutineerDb, string?, FinancialQuarter?, CancellationToken)"/>
    public static Task<int> FindStrategyAsync(ScrutineerDb db, string? title, CancellationToken ct = default) => FindStrategyAsync(db, title, null, ct);

    /// <summary>The strategy the pages show when none is named (see <see cref="FindStrategyAsync(ScrutineerDb, string?, FinancialQuarter?, CancellationToken)"/>), or null when the store holds none.</summary>
    public static async Task<(int Id, string Title)?> CurrentStrategyAsync(ScrutineerDb db, CancellationToken ct = default)
    {
        if (!await db.Strategies.AnyAsync(ct))
        {
            return null;
        }

        var id = await FindStrategyAsync(db, null, null, ct);
        return (id, await db.Strategies.Where(s => s.Id == id).Select(s => s.Title).SingleAsync(ct));
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
