using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Imports;

/// <summary>A figure for the plausibility rule: a measure's value for an area in a month.</summary>
internal readonly record struct MonthFigure(int MeasureId, int AreaId, ReportingMonth Period, decimal Value);

/// <summary>
/// The plausibility rule an import applies to every month it writes, before the month is used: the month is compared
/// with the same measures' confirmed history over the <see cref="HistoryMonths"/> months before it. It is implausible
/// when a figure lies outside its recent range by a wide margin (below the lowest or above the highest by more than the
/// range itself or half the highest, whichever is more; only for figures whose history has at least
/// <see cref="FewestHistoryMonths"/> months averaging <see cref="SmallestTypicalValue"/> or more, since small counts
/// swing), or when the month has figures above zero for fewer than half the measures or areas of a usual month of the
/// same forces (a month in which one force's file came and others' did not is judged on that force alone).
/// A rise that the next <see cref="SustainingMonths"/> months both sustain (each above the highest of the months
/// before) is a change in the series, not a faulty month, and is not held; a fall is held however long it lasts, as
/// missing data can last months.
/// </summary>
internal static class Plausibility
{
    /// <summary>How many months before the month make its recent history.</summary>
    public const int HistoryMonths = 24;

    /// <summary>The fewest months of history the rule needs to judge.</summary>
    public const int FewestHistoryMonths = 6;

    /// <summary>How many months after a rise must stay above the range before it counts as a change in the series.</summary>
    public const int SustainingMonths = 2;

    /// <summary>The smallest average below which a figure's range is not judged.</summary>
    public const decimal SmallestTypicalValue = 20;

    /// <summary>Why <paramref name="month"/> is implausible, for the user; null when it looks like its history.</summary>
    /// <param name="month">The month judged.</param>
    /// <param name="written">The figures written for the month.</param>
    /// <param name="history">Figures of the same measures in the <see cref="HistoryMonths"/> months before (confirmed) and the
    /// <see cref="SustainingMonths"/> after (confirmed, or written by the same import).</param>
    /// <param name="measureName">A measure's name by key.</param>
    /// <param name="areaName">An area's name by key.</param>
    /// <param name="topAreas">Keys of the top-level areas (the force), preferred when naming a figure.</param>
    /// <param name="forceOf">The key of an area's top-level area (the force it lies in).</param>
    public static string? Judge(ReportingMonth month, IReadOnlyCollection<MonthFigure> written, IReadOnlyCollection<MonthFigure> history,
        Func<int, string> measureName, Func<int, string> areaName, IReadOnlySet<int> topAreas, Func<int, int> forceOf)
    {
        var reasons = new List<string>();
        var byFigure = history.Where(h => h.Period < month && h.Period >= month.Plus(-HistoryMonths))
            .GroupBy(h => (h.MeasureId, h.AreaId)).ToDictionary(g => g.Key, g => g.Select(h => h.Value).ToList());
        var after = history.Where(h => h.Period > month && h.Period <= month.Plus(SustainingMonths))
            .GroupBy(h => (h.MeasureId, h.AreaId)).ToDictionary(g => g.Key, g => g.Select(h => h.Value).ToList());
        var outside = new List<(MonthFigure Figure, decimal Low, decimal High, int Months)>();
        foreach (var figure in written)
        {
            if (!byFigure.TryGetValue((figure.MeasureId, figure.AreaId), out var values) || values.Count < FewestHistoryMonths || values.Average() < SmallestTypicalValue)
            {
                continue;
            }

            decimal low = values.Min(), high = values.Max();
            var margin = Math.Max(high - low, high / 2);
            var sustained = figure.Value > high + margin && after.TryGetValue((figure.MeasureId, figure.AreaId), out var next)
                && next.Count == SustainingMonths && next.All(v => v > high);
            if ((figure.Value < low - margin || figure.Value > high + margin) && !sustained)
            {
                outside.Add((figure, low, high, values.Count));
            }
        }

        if (outside.Count > 0)
        {
            var (f, low, high, months) = outside.OrderBy(o => topAreas.Contains(o.Figure.AreaId) ? 0 : 1).ThenByDescending(o => o.High).First();
            reasons.Add($"{measureName(f.MeasureId)} in {areaName(f.AreaId)} is {Number(f.Value)}, against {Number(low)} to {Number(high)} in the {months} months before"
                + (outside.Count > 1 ? $" ({outside.Count - 1} more figure{(outside.Count == 2 ? "" : "s")} of the month lie as far outside their range)" : ""));
        }

        var forces = written.Select(w => forceOf(w.AreaId)).ToHashSet();
        var usual = history.Where(h => h.Period < month && h.Period >= month.Plus(-HistoryMonths) && forces.Contains(forceOf(h.AreaId))).GroupBy(h => h.Period).ToList();
        if (usual.Count >= FewestHistoryMonths)
        {
            var measures = Median(usual.Select(g => g.Where(h => h.Value > 0).Select(h => h.MeasureId).Distinct().Count()));
            var areas = Median(usual.Select(g => g.Where(h => h.Value > 0).Select(h => h.AreaId).Distinct().Count()));
            var measuresNow = written.Where(w => w.Value > 0).Select(w => w.MeasureId).Distinct().Count();
            var areasNow = written.Where(w => w.Value > 0).Select(w => w.AreaId).Distinct().Count();
            if (measuresNow * 2 < measures)
            {
                reasons.Add($"it has figures above zero for {measuresNow} measure{(measuresNow == 1 ? "" : "s")} (crime types), against {measures} in a usual month");
            }

            if (areasNow * 2 < areas)
            {
                reasons.Add($"it has figures above zero for {areasNow} area{(areasNow == 1 ? "" : "s")}, against {areas} in a usual month");
            }
        }

        return reasons.Count == 0 ? null : $"{month.LongLabel}: " + string.Join("; ", reasons) + ".";
    }

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Number(decimal value) =>
        value == decimal.Truncate(value) ? Figures.Count((long)value) : value.ToString("#,##0.##", EnGb.Culture);
}
