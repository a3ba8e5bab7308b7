using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Performance;

/// <summary>
/// The area figures are about when none is named — one rule for the dashboard, the insight pages and API, the insights
/// commands and the reports: the force-level area holding the most monthly figures (the force whose data the store
/// holds, even when it also holds a neighbour's), the first added on a tie.
/// </summary>
public static class ForceArea
{
    /// <summary>The default area's name, or null when the store holds no force-level area.</summary>
    public static async Task<string?> DefaultAsync(ScrutineerDb db, CancellationToken cancellationToken = default)
    {
        var forces = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Force).OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        if (forces.Count <= 1)
        {
            return forces.SingleOrDefault()?.Name;
        }

        var ids = forces.Select(f => f.Id).ToList();
        var counts = await db.Observations.AsNoTracking().Where(o => o.Kind == PeriodKind.Month && ids.Contains(o.AreaId))
            .GroupBy(o => o.AreaId).Select(g => new { AreaId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.AreaId, g => g.Count, cancellationToken);
        return forces.OrderByDescending(f => counts.GetValueOrDefault(f.Id)).ThenBy(f => f.Id).First().Name;
    }
}
