using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;

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
    internal static Task<(string? Area, IReadOnlyDictionary<string, (Measure Measure, IReadOnlyList<(ReportingMonth Month, decimal Value)> Points)> Series)> LoadAsync(
        ScrutineerDb db, IEnumerable<string> names, ReportingMonth? from, ReportingMonth to, CancellationToken cancellationToken) =>
        StoreReader.ReadAsync(db, reader => LoadAsync(reader, names, from, to, cancellationToken), cancellationToken);

    /// <summary>
    /// The monthly values of the named measures for the force, read over the store's connection (no EF): measure → its
    /// months in order, confirmed months only (<see cref="ScrutineerDb.NotHeldSql"/>). Measures the store does not hold are absent.
    /// </summary>
    internal static async Task<(string? Area, IReadOnlyDictionary<string, (Measure Measure, IReadOnlyList<(ReportingMonth Month, decimal Value)> Points)> Series)> LoadAsync(
        StoreReader reader, IEnumerable<string> names, ReportingMonth? from, ReportingMonth to, CancellationToken cancellationToken)
    {
        var none = (Area: (string?)null, Series: (IReadOnlyDictionary<string, (Measure, IReadOnlyList<(ReportingMonth, decimal)>)>)new Dictionary<string, (Measure, IReadOnlyList<(ReportingMonth, decimal)>)>());
        var wanted = names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var measures = (await reader.ListAsync(
            """SELECT "Id", "Name", "Unit", "Kind", "Better", "Definition", "Source" FROM "Measures" """,
            r => (Id: r.GetInt32(0), Measure: new Measure(r.GetString(1), r.GetString(2), Enum.Parse<MeasureKind>(r.GetString(3)), Enum.Parse<BetterDirection>(r.GetString(4)), r.GetString(5), r.GetString(6))),
            cancellationToken)).Where(m => wanted.Contains(m.Measure.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var area = await ForceArea.DefaultAsync(reader, cancellationToken);
        if (measures.Count == 0 || area is null)
        {
            return none;
        }

        var ids = string.Join(", ", measures.Select(m => m.Id.ToString(CultureInfo.InvariantCulture)));
        var rows = await reader.ListAsync(
            $"""
            SELECT o."MeasureId", o."Period", o."Value" FROM "Observations" o JOIN "Areas" a ON a."Id" = o."AreaId"
            WHERE o."Kind" = 'Month' AND o."MeasureId" IN ({ids}) AND a."Name" = @area AND o."Period" <= @to AND o."Period" >= @from AND {ScrutineerDb.NotHeldSql}
            """,
            r => (MeasureId: r.GetInt32(0), Period: StoreRows.Month(r.GetInt32(1)), Value: r.GetDecimal(2)),
            cancellationToken,
            ("area", area), ("to", StoreRows.Month(to)), ("from", from is { } f ? StoreRows.Month(f) : 0));
        if (rows.Count == 0)
        {
            return none;
        }

        var series = measures.ToDictionary(
            m => m.Measure.Name,
            m => (m.Measure, (IReadOnlyList<(ReportingMonth, decimal)>)rows.Where(r => r.MeasureId == m.Id)
                .OrderBy(r => r.Period).Select(r => (r.Period, r.Value)).ToList()),
            StringComparer.OrdinalIgnoreCase);
        return (area, series);
    }
}
