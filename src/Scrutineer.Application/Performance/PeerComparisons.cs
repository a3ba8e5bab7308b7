using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Imports;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Performance;

/// <summary>
/// A force beside its peer group (the most similar forces, <see cref="PeerLink"/>) for any measure: over the 12 months to
/// a month, each force's total (per 1,000 population when a measure called <see cref="PopulationMeasure"/> has a figure
/// for every force of the group, otherwise the counts), its rank, the peers' average and whether the force differs from
/// it significantly (<see cref="GroupComparison"/>). The group is the one that stood on the last day of the last month.
/// The one rule behind the CLI's <c>insights peers</c>, the insights page and the reports' "compared with peers" table.
/// </summary>
public static class PeerComparisons
{
    /// <summary>The measure holding each force's population (any period; the latest at or before the last month is used).</summary>
    public const string PopulationMeasure = "Population";

    /// <summary>Whether forces can be compared on the measure named: every measure but the population the rates divide by.</summary>
    public static bool IsComparable(string measure) => !string.Equals(measure, PopulationMeasure, StringComparison.OrdinalIgnoreCase);

    /// <summary>Compares <paramref name="force"/> with its peers for <paramref name="measure"/> over the 12 months to <paramref name="to"/>.</summary>
    /// <exception cref="DomainException">No such measure or force; the population measure; the force has no peer group on the last day of <paramref name="to"/>.</exception>
    public static async Task<PeerComparison> CompareAsync(ScrutineerDb db, string measure, string force, ReportingMonth to, CancellationToken cancellationToken = default)
    {
        var m = await new PerformanceQueries(db).FindMeasureAsync(measure, cancellationToken);
        if (!IsComparable(m.Name))
        {
            throw new DomainException($"{m.Name} is what the peer table divides by (per 1,000 population), not a measure to compare forces on. "
                + "Choose a crime measure, such as Burglary or All crime.");
        }

        var area = await PeerGroups.FindForceAsync(db, force, cancellationToken);
        var on = to.LastDay;
        var peers = await PeerGroups.OnAsync(db, area.Id, on, cancellationToken);
        if (peers.Count == 0)
        {
            throw new DomainException($"{area.Name} has no peer group on {on.ToString("d MMMM yyyy", EnGb.Culture)}: import one with 'scrutineer import peers FILE' (force,peer,from,to).");
        }

        var from = to.Plus(-11);
        var group = new List<Area> { area };
        group.AddRange(peers);
        var ids = group.Select(a => a.Id).ToList();
        var counts = m.Kind == MeasureKind.Count;
        var first = counts ? from : to;
        var figures = await db.Observations.AsNoTracking()
            .Where(o => o.MeasureId == m.Id && o.Kind == PeriodKind.Month && ids.Contains(o.AreaId) && o.Period >= first && o.Period <= to)
            .Select(o => new { o.AreaId, o.Period, o.Value }).ToListAsync(cancellationToken);
        var population = counts ? await PopulationsAsync(db, ids, to, cancellationToken) : [];
        var basis = !counts ? PeerBasis.Values : ids.All(population.ContainsKey) ? PeerBasis.PerThousand : PeerBasis.Counts;

        var wanted = Enumerable.Range(0, counts ? 12 : 1).Select(i => first.Plus(i)).ToList();
        var raw = new List<(Area Area, decimal? Count, string? Missing)>();
        foreach (var a in group)
        {
            var months = figures.Where(f => f.AreaId == a.Id).ToDictionary(f => f.Period, f => f.Value);
            var missing = wanted.Where(w => !months.ContainsKey(w)).ToList();
            raw.Add((a, missing.Count == 0 ? months.Values.Sum() : null, missing.Count == 0 ? null : RollingTwelveMonths.Describe(missing)));
        }

        decimal? ValueOf(Area a, decimal? count) => count is null ? null
            : basis == PeerBasis.PerThousand ? count.Value / population[a.Id] * 1000m
            : count;
        var values = raw.Select(r => (r.Area, r.Count, r.Missing, Value: ValueOf(r.Area, r.Count))).ToList();
        var rows = values.Select(r => new PeerRow(r.Area.Name, r.Area.Id == area.Id, r.Count, basis == PeerBasis.PerThousand ? population[r.Area.Id] : null, r.Value,
                r.Value is { } v ? 1 + values.Count(o => o.Value > v) : null, r.Missing))
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Force, StringComparer.OrdinalIgnoreCase).ToList();

        var withFigures = values.Where(v => v.Count is not null).ToList();
        var peersWith = withFigures.Where(v => v.Area.Id != area.Id).ToList();
        decimal Exposure(Area a) => basis == PeerBasis.PerThousand ? population[a.Id] : 1m;
        decimal? Average(IReadOnlyCollection<(Area Area, decimal? Count, string? Missing, decimal? Value)> set) =>
            set.Count == 0 ? null
            : basis == PeerBasis.PerThousand ? set.Sum(s => s.Count!.Value) / set.Sum(s => Exposure(s.Area)) * 1000m
            : set.Sum(s => s.Count!.Value) / set.Count;

        var own = values.Single(v => v.Area.Id == area.Id);
        var versus = basis != PeerBasis.Values && own.Count is { } c && peersWith.Count > 0
            ? GroupComparison.Of((long)c, (double)Exposure(area), (long)peersWith.Sum(p => p.Count!.Value), (double)peersWith.Sum(p => Exposure(p.Area)))
            : null;
        var held = rows.Any(r => r.Missing is not null) ? await ProvisionalMonths.DescribeHeldAsync(db, m.Id, wanted, cancellationToken) : null;
        return new PeerComparison(m.Name, area.Name, counts ? from : to, to, on, basis, rows, Average(peersWith), Average(withFigures), versus, held, m.Unit);
    }

    private static async Task<Dictionary<int, decimal>> PopulationsAsync(ScrutineerDb db, List<int> ids, ReportingMonth to, CancellationToken cancellationToken)
    {
        var all = await db.Measures.AsNoTracking().Select(x => new { x.Id, x.Name }).ToListAsync(cancellationToken);
        var measure = all.FirstOrDefault(x => string.Equals(x.Name, PopulationMeasure, StringComparison.OrdinalIgnoreCase));
        if (measure is null)
        {
            return [];
        }

        var figures = await db.Observations.AsNoTracking()
            .Where(o => o.MeasureId == measure.Id && ids.Contains(o.AreaId) && o.Period <= to && o.Value > 0)
            .Select(o => new { o.AreaId, o.Period, o.Value }).ToListAsync(cancellationToken);
        return figures.GroupBy(f => f.AreaId).ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Period).First().Value);
    }
}
