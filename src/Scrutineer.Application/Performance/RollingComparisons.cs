namespace Scrutineer.Application.Performance;

/// <summary>A measure and area left out of the rolling-12 comparisons, and the months of the 24 it lacks ("2024-05 to 2024-12").</summary>
public sealed record RollingLeftOut(string Measure, string Area, string Missing);

/// <summary>
/// The rolling-12 comparisons (<see cref="PerformanceQueries.Rolling12Async"/>) of every measure and area holding all
/// 24 months, and those left out because some months are missing, so a reader is told who is not in the table rather
/// than left to think the table is everyone.
/// </summary>
public sealed record RollingComparisons(IReadOnlyList<RollingComparisonRow> Rows, IReadOnlyList<RollingLeftOut> LeftOut)
{
    /// <summary>The most areas named in <see cref="LeftOutText"/>; the rest are counted.</summary>
    private const int AreasNamed = 10;

    /// <summary>
    /// Who is left out, by area: "Left out, as some of the 24 months are missing: Essex Police (16 measures; 2024-05 to
    /// 2024-12 missing), Kent Police (Burglary; 2024-07 missing)."; null when nobody is.
    /// </summary>
    public string? LeftOutText
    {
        get
        {
            if (LeftOut.Count == 0)
            {
                return null;
            }

            var byArea = LeftOut.GroupBy(l => l.Area, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ToList();
            var named = byArea.Take(AreasNamed).Select(g =>
            {
                var missing = g.Select(l => l.Missing).Distinct().ToList();
                var measures = g.Count() == 1 ? g.First().Measure : $"{g.Count()} measures";
                return $"{g.Key} ({measures}; {(missing.Count == 1 ? missing[0] + " missing" : "months missing differ by measure")})";
            });
            var more = byArea.Count > AreasNamed ? $", and {byArea.Count - AreasNamed} more areas" : "";
            return $"Left out, as some of the 24 months are missing: {string.Join(", ", named)}{more}.";
        }
    }
}
