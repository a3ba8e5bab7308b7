using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Reports;

/// <summary>
/// Which measures illustrate a strategy strand or a plan priority in the reports: the measures linked to it explicitly
/// (<see cref="Performance.MeasureLinks"/>, from the plan file, the workbook or the analysts' pages), in the order they
/// were linked. A priority or strand with no linked measure gets a notice instead of charts. See docs/reports.md.
/// </summary>
public static class ReportMeasures
{
    /// <summary>The names of the measures linked to each of <paramref name="priorityIds"/> (absent when none).</summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> ForPrioritiesAsync(ScrutineerDb db, IReadOnlyCollection<int> priorityIds, CancellationToken cancellationToken = default)
    {
        var links = await db.MeasureLinks.AsNoTracking().Where(l => l.PriorityId != null && priorityIds.Contains(l.PriorityId.Value))
            .OrderBy(l => l.Id).Select(l => new { Owner = l.PriorityId!.Value, l.Measure.Name }).ToListAsync(cancellationToken);
        return links.GroupBy(l => l.Owner).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(l => l.Name).ToList());
    }

    /// <summary>The names of the measures linked to each of <paramref name="strandIds"/> (absent when none).</summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> ForStrandsAsync(ScrutineerDb db, IReadOnlyCollection<int> strandIds, CancellationToken cancellationToken = default)
    {
        var links = await db.MeasureLinks.AsNoTracking().Where(l => l.StrandId != null && strandIds.Contains(l.StrandId.Value))
            .OrderBy(l => l.Id).Select(l => new { Owner = l.StrandId!.Value, l.Measure.Name }).ToListAsync(cancellationToken);
        return links.GroupBy(l => l.Owner).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(l => l.Name).ToList());
    }

    /// <summary>
    /// The monthly values of the named measures for the force (<see cref="ForceArea"/>, the area every figure page defaults to), in one
    /// query: measure → its months in order. Measures the store does not hold are absent.
    /// </summary>
    internal static async Task<(string? Area, IReadOnlyDictionary<string, (Measure Measure, IReadOnlyList<(ReportingMonth Month, decimal Value)> Points)> Series)> LoadAsync(
        ScrutineerDb db, IEnumerable<string> names, ReportingMonth? from, ReportingMonth to, CancellationToken cancellationToken)
    {
        var wanted = names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var measures = (await db.Measures.AsNoTracking().ToListAsync(cancellationToken))
            .Where(m => wanted.Contains(m.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var area = await ForceArea.DefaultAsync(db, cancellationToken);
        if (measures.Count == 0 || area is null)
        {
            return (null, new Dictionary<string, (Measure, IReadOnlyList<(ReportingMonth, decimal)>)>());
        }

        var measureIds = measures.Select(m => m.Id).ToList();
        var areaId = await db.Areas.Where(a => a.Name == area).Select(a => a.Id).SingleAsync(cancellationToken);
        var query = db.Observations.AsNoTracking()
            .Where(o => o.Kind == PeriodKind.Month && measureIds.Contains(o.MeasureId) && o.AreaId == areaId && o.Period <= to);
        if (from is { } f)
        {
            query = query.Where(o => o.Period >= f);
        }

        var rows = await query.Select(o => new { o.MeasureId, o.Period, o.Value }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return (null, new Dictionary<string, (Measure, IReadOnlyList<(ReportingMonth, decimal)>)>());
        }

        var series = measures.ToDictionary(
            m => m.Name,
            m => (m, (IReadOnlyList<(ReportingMonth, decimal)>)rows.Where(r => r.MeasureId == m.Id)
                .OrderBy(r => r.Period).Select(r => (r.Period, r.Value)).ToList()),
            StringComparer.OrdinalIgnoreCase);
        return (area, series);
    }
}
