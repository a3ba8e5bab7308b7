using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Imports;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Performance;

/// <summary>
/// Harm-weighted totals: for a force and the 12 months to a month, each weighted crime type's count (its measure, named
/// as data.police.uk names the type), its weight (the force's own in the index, else the national one) and harm =
/// count × weight, under every harm index loaded, side by side; with the 12 months before, so a fall in volume that
/// hides a rise in harm shows. The one rule behind <c>insights harm</c>, the insights pages and the reports.
/// </summary>
public static class HarmTotals
{
    /// <summary>The totals for <paramref name="force"/> over the 12 months to <paramref name="to"/>.</summary>
    /// <exception cref="DomainException">No such force; no harm index loaded; a weighted crime type lacks some of the 12 months.</exception>
    public static async Task<HarmResult> ForAsync(ScrutineerDb db, string force, ReportingMonth to, CancellationToken cancellationToken = default)
    {
        var area = await PeerGroups.FindForceAsync(db, force, cancellationToken);
        var indexes = await db.HarmIndexes.AsNoTracking().OrderBy(i => i.Name).ToListAsync(cancellationToken);
        if (indexes.Count == 0)
        {
            throw new DomainException("No harm index is loaded: import one with 'scrutineer import harm FILE' (force,crime_type,days).");
        }

        var weights = await db.HarmWeights.AsNoTracking().Where(w => w.ForceId == null || w.ForceId == area.Id)
            .Select(w => new { w.IndexId, w.ForceId, w.CrimeType, w.Days }).ToListAsync(cancellationToken);
        // All crime is the total of the others: weighed too, it would count each crime twice (the import refuses it).
        var types = weights.Select(w => w.CrimeType).Where(t => !string.Equals(t, PoliceUkImport.AllCrime, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var measures = (await db.Measures.AsNoTracking().Where(m => m.Kind == MeasureKind.Count).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken))
            .Where(m => types.Contains(m.Name, StringComparer.OrdinalIgnoreCase)).ToDictionary(m => m.Name, m => (m.Id, m.Name), StringComparer.OrdinalIgnoreCase);
        var ids = measures.Values.Select(m => m.Id).ToList();
        var from = to.Plus(-11);
        var before = to.Plus(-23);
        var figures = await db.Observations.AsNoTracking()
            .Where(o => o.AreaId == area.Id && o.Kind == PeriodKind.Month && ids.Contains(o.MeasureId) && o.Period >= before && o.Period <= to)
            .Select(o => new { o.MeasureId, o.Period, o.Value }).ToListAsync(cancellationToken);
        var byMeasure = figures.GroupBy(f => f.MeasureId).ToDictionary(g => g.Key, g => g.ToDictionary(f => f.Period, f => (long)f.Value));
        var latest = Enumerable.Range(0, 12).Select(i => from.Plus(i)).ToList();
        var previous = Enumerable.Range(0, 12).Select(i => before.Plus(i)).ToList();

        var results = new List<HarmIndexResult>();
        var unweighted = new List<string>();
        var noWeights = new List<string>();
        foreach (var index in indexes)
        {
            var rows = new List<HarmRow>();
            var notHeld = new List<string>();
            var own = weights.Where(w => w.IndexId == index.Id).ToList();
            if (own.Count == 0)
            {
                noWeights.Add(index.Name);
                continue;
            }

            foreach (var weighted in own.Select(w => w.CrimeType).Where(t => types.Contains(t, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
            {
                var weight = own.Where(w => string.Equals(w.CrimeType, weighted, StringComparison.OrdinalIgnoreCase)).OrderBy(w => w.ForceId is null).First();
                if (!measures.TryGetValue(weighted, out var measure) || !byMeasure.TryGetValue(measure.Id, out var months))
                {
                    notHeld.Add(weighted);
                    continue;
                }

                // Named as the store names the measure, whatever the weights file's spelling.
                var (measureId, type) = measure;

                var missing = latest.Where(m => !months.ContainsKey(m)).ToList();
                if (missing.Count > 0)
                {
                    throw new DomainException($"{area.Name} has no {type} figures for {RollingTwelveMonths.Describe(missing)}: the harm of the 12 months to {to.LongLabel} needs all 12. "
                        + (await ProvisionalMonths.DescribeHeldAsync(db, measureId, missing, cancellationToken) is { } held ? held + "." : "Import those months first."));
                }

                long? previousCount = previous.All(months.ContainsKey) ? previous.Sum(m => months[m]) : null;
                rows.Add(new HarmRow(type, latest.Sum(m => months[m]), weight.Days, weight.ForceId is null, previousCount));
            }

            if (rows.Count == 0)
            {
                unweighted.Add(index.Name);
                continue;
            }

            results.Add(new HarmIndexResult(index.Name, index.Source, rows, notHeld));
        }

        if (results.Count > 0)
        {
            return new HarmResult(area.Name, from, to, results, unweighted, noWeights);
        }

        throw new DomainException(unweighted.Count > 0
            ? $"{area.Name} has no figures for any crime type weighted by {EnGb.List(unweighted)}: import its data.police.uk files first."
                + (noWeights.Count > 0 ? " " + HarmResult.Why(area.Name, [], noWeights) : "")
            : $"{HarmResult.Why(area.Name, [], noWeights)[..^1]}: import weights that cover it (a row with an empty force is a national weight), "
                + "or check that the weights file names the force as the store does.");
    }
}
