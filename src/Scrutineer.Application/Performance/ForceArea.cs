using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Performance;

/// <summary>
/// The force figures are about when none is named — one rule for the dashboard, the insight and peer pages, the API,
/// the insights and peers commands and the reports. In order:
/// <list type="number">
/// <item>the force the plan names: the one force-level area matched (by <see cref="ForceNames"/>) by a unit of kind
/// force ("Essex Police" in the plan's units is the area "Essex Police", and so is "Essex");</item>
/// <item>else the one force with a peer group (the group is drawn up for the force whose comparisons these are);</item>
/// <item>else the force holding the most monthly figures (the force whose data the store holds, even beside a
/// neighbour's), the first added on a tie.</item>
/// </list>
/// Where the first or second step finds several forces, the third chooses among them.
/// </summary>
public static class ForceArea
{
    /// <summary>The default force's name, or null when the store holds no force-level area.</summary>
    public static async Task<string?> DefaultAsync(ScrutineerDb db, CancellationToken cancellationToken = default)
    {
        var forces = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Force).OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        if (forces.Count <= 1)
        {
            return forces.SingleOrDefault()?.Name;
        }

        var names = new ForceNames(forces.Select(f => f.Name));
        var named = (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Force).Select(u => u.Name).ToListAsync(cancellationToken))
            .Select(u => names.Match(u).Force).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var grouped = (await db.PeerLinks.AsNoTracking().Select(l => l.ForceId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var candidates = named.Count > 0 ? forces.Where(f => named.Contains(f.Name)).ToList()
            : grouped.Count > 0 ? forces.Where(f => grouped.Contains(f.Id)).ToList()
            : forces;
        if (candidates.Count == 1)
        {
            return candidates[0].Name;
        }

        var ids = candidates.Select(f => f.Id).ToList();
        var counts = await db.Observations.AsNoTracking().Where(o => o.Kind == PeriodKind.Month && ids.Contains(o.AreaId))
            .GroupBy(o => o.AreaId).Select(g => new { AreaId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.AreaId, g => g.Count, cancellationToken);
        return candidates.OrderByDescending(f => counts.GetValueOrDefault(f.Id)).ThenBy(f => f.Id).First().Name;
    }
}
