using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Reports;

/// <summary>
/// Which measures illustrate a strategy strand or a plan priority in the reports. Neither the delivery plans nor the
/// performance data say which measures belong to a strand or priority, so the reports match words of its title (or a
/// strand's aliases) against this list, in order, and keep the measures the store holds. A title matching no word gets
/// a notice instead of charts. See docs/reports.md.
/// </summary>
public static class ReportMeasures
{
    /// <summary>Title words (compared letters and digits only, case-insensitive) and the measures they bring, for strategy strands.</summary>
    public static readonly IReadOnlyList<(string Word, string[] Measures)> StrandWords =
    [
        ("domestic abuse", ["Domestic abuse"]),
        ("knife", ["Knife crime"]),
        ("gang", ["Knife crime"]),
        ("night-time economy", ["Night-time economy violence"]),
        ("sexual", ["Sexual offences"]),
        ("digital", ["Cyber-enabled crime"]),
        ("cyber", ["Cyber-enabled crime"]),
        ("fraud", ["Fraud"]),
        ("burglary", ["Residential burglary"]),
        ("robbery", ["Robbery"]),
        ("hate", ["Hate crime"]),
        ("anti-social", ["Anti-social behaviour"]),
    ];

    /// <summary>Title words and the measures they bring, for plan priorities (the closure report's long-run figures).</summary>
    public static readonly IReadOnlyList<(string Word, string[] Measures)> PriorityWords =
    [
        ("crime prevention", ["All crime", "Residential burglary"]),
        ("drug", ["Knife crime", "Robbery"]),
        ("domestic abuse", ["Domestic abuse"]),
        ("women and girls", ["Sexual offences", "Night-time economy violence"]),
        ("fraud", ["Fraud"]),
        ("cyber", ["Cyber-enabled crime"]),
        ("hate", ["Hate crime"]),
        ("anti-social", ["Anti-social behaviour"]),
        ("burglary", ["Residential burglary"]),
        ("officers", ["Police officers"]),
    ];

    /// <summary>The measure names the words of <paramref name="rules"/> give for any of <paramref name="titles"/>, first match first, without repeats.</summary>
    public static IReadOnlyList<string> For(IReadOnlyList<(string Word, string[] Measures)> rules, IEnumerable<string> titles)
    {
        var keys = titles.Select(ThematicStrand.Key).ToList();
        return rules.Where(r => keys.Any(k => k.Contains(ThematicStrand.Key(r.Word), StringComparison.Ordinal)))
            .SelectMany(r => r.Measures)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// The monthly values of the named measures for the force (the force-level area holding most of their data), in one
    /// query: measure → its months in order. Measures the store does not hold are absent.
    /// </summary>
    internal static async Task<(string? Area, IReadOnlyDictionary<string, (Measure Measure, IReadOnlyList<(ReportingMonth Month, decimal Value)> Points)> Series)> LoadAsync(
        ScrutineerDb db, IEnumerable<string> names, ReportingMonth? from, ReportingMonth to, CancellationToken cancellationToken)
    {
        var wanted = names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var measures = (await db.Measures.AsNoTracking().ToListAsync(cancellationToken))
            .Where(m => wanted.Contains(m.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var forces = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Force).ToListAsync(cancellationToken);
        if (measures.Count == 0 || forces.Count == 0)
        {
            return (null, new Dictionary<string, (Measure, IReadOnlyList<(ReportingMonth, decimal)>)>());
        }

        var measureIds = measures.Select(m => m.Id).ToList();
        var areaIds = forces.Select(a => a.Id).ToList();
        var query = db.Observations.AsNoTracking()
            .Where(o => o.Kind == PeriodKind.Month && measureIds.Contains(o.MeasureId) && areaIds.Contains(o.AreaId) && o.Period <= to);
        if (from is { } f)
        {
            query = query.Where(o => o.Period >= f);
        }

        var rows = await query.Select(o => new { o.MeasureId, o.AreaId, o.Period, o.Value }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return (null, new Dictionary<string, (Measure, IReadOnlyList<(ReportingMonth, decimal)>)>());
        }

        var areaId = rows.GroupBy(r => r.AreaId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var series = measures.ToDictionary(
            m => m.Name,
            m => (m, (IReadOnlyList<(ReportingMonth, decimal)>)rows.Where(r => r.MeasureId == m.Id && r.AreaId == areaId)
                .OrderBy(r => r.Period).Select(r => (r.Period, r.Value)).ToList()),
            StringComparer.OrdinalIgnoreCase);
        return (forces.Single(a => a.Id == areaId).Name, series);
    }
}
