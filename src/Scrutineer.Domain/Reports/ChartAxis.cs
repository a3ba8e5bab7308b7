namespace Scrutineer.Domain.Reports;

/// <summary>
/// The value axis of a chart, the same in every format: bars start at zero; line and SPC charts fit their data — the
/// lowest and highest of every series, control limits and mean included, with a margin of a twentieth of the range —
/// so the variation shows instead of being flattened against zero. Both ends fall on a tick; ticks are round (1, 2, 2.5
/// or 5 times a power of ten), about five intervals (three to seven).
/// </summary>
/// <param name="Minimum">The lowest value on the axis (a tick).</param>
/// <param name="Maximum">The highest value on the axis (a tick), above <paramref name="Minimum"/>.</param>
/// <param name="Step">The distance between ticks, above zero.</param>
public readonly record struct ChartAxis(double Minimum, double Maximum, double Step)
{
    private static readonly double[] RoundSteps = [1, 2, 2.5, 5, 10];

    /// <summary>The axis for <paramref name="chart"/>.</summary>
    public static ChartAxis For(ReportChart chart) => For(
        chart.Series.SelectMany(s => s.Values).Where(v => v.HasValue).Select(v => v!.Value).ToList(),
        zeroBased: chart.Kind == ChartKind.Bar);

    /// <summary>
    /// The axis for <paramref name="values"/>; with <paramref name="zeroBased"/> it includes zero. A fitted axis never
    /// goes below zero when no value is below zero. No values give 0 to 1.
    /// </summary>
    public static ChartAxis For(IReadOnlyCollection<double> values, bool zeroBased)
    {
        if (values.Count == 0)
        {
            return new ChartAxis(0, 1, 0.2);
        }

        var (low, high) = (values.Min(), values.Max());
        if (zeroBased)
        {
            (low, high) = (Math.Min(0, low), Math.Max(0, high));
        }
        else
        {
            var margin = high > low ? (high - low) / 20 : Math.Max(1, Math.Abs(high) / 20);
            var floor = low >= 0 ? 0 : double.NegativeInfinity;
            (low, high) = (Math.Max(floor, low - margin), high + margin);
        }

        if (high <= low)
        {
            high = low + 1;
        }

        var raw = (high - low) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = RoundSteps.Select(m => m * magnitude).First(s => s >= raw * (1 - 1e-9));
        var minimum = Math.Floor((low / step) + 1e-9) * step;
        var maximum = Math.Ceiling((high / step) - 1e-9) * step;
        return new ChartAxis(Clean(minimum, step), Clean(maximum, step), step);
    }

    /// <summary>The ticks from <see cref="Minimum"/> to <see cref="Maximum"/> inclusive.</summary>
    public IEnumerable<double> Ticks()
    {
        var count = (int)Math.Round((Maximum - Minimum) / Step);
        for (var i = 0; i <= count; i++)
        {
            yield return Clean(Minimum + (i * Step), Step);
        }
    }

    /// <summary>Removes the binary noise of a multiple of <paramref name="step"/> (0.30000000000000004 → 0.3).</summary>
    private static double Clean(double value, double step) => Math.Round(value, Math.Max(0, 2 - (int)Math.Floor(Math.Log10(step))));
}
