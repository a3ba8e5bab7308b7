using System.Globalization;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Reports;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Web.Performance;

/// <summary>The insight page's charts as report charts, so that the report's SVG drawing (SvgChart) draws them too.</summary>
public static class InsightCharts
{
    /// <summary>A bar per month, with a text alternative giving the range, lowest, highest and latest values.</summary>
    public static ReportChart Monthly(MonthlySeries series)
    {
        var points = series.Points;
        var low = points.MinBy(p => p.Value)!;
        var high = points.MaxBy(p => p.Value)!;
        return new ReportChart(ChartKind.Bar, $"{series.Measure.Name}, {series.Area}: each month",
            $"Bar chart of {series.Measure.Name} for {series.Area} each month from {points[0].Month.LongLabel} to {points[^1].Month.LongLabel}: "
            + $"lowest {Number(low.Value)} in {low.Month.LongLabel}, highest {Number(high.Value)} in {high.Month.LongLabel}, latest {Number(points[^1].Value)}.",
            points.Select(p => p.Month.ShortLabel).ToList(), [new ChartSeries(series.Measure.Name, points.Select(p => (double?)p.Value).ToList())])
        {
            ValueAxisTitle = series.Measure.Unit,
        };
    }

    /// <summary>
    /// The XmR chart: values, mean and process limits, each point marked by its variation as Making Data Count marks it,
    /// with a text alternative naming the months outside the limits.
    /// </summary>
    public static ReportChart Spc(SpcResult spc)
    {
        var chart = spc.Chart;
        var points = chart.Points;
        var outside = points.Where(p => p.Value > chart.UpperLimit || p.Value < chart.LowerLimit).Select(p => p.Month.ShortLabel).ToList();
        double? Flat(decimal v) => (double)Math.Round(v, 1);
        return new ReportChart(ChartKind.Spc, $"{spc.Measure}, {spc.Area}: SPC (XmR) chart",
            $"SPC chart of {spc.Measure} for {spc.Area}, {points[0].Month.LongLabel} to {points[^1].Month.LongLabel}: mean {Number(chart.Mean)}, "
            + $"process limits {Number(chart.LowerLimit)} to {Number(chart.UpperLimit)}; "
            + (outside.Count == 0 ? "every month lies within the limits" : $"outside the limits: {string.Join(", ", outside)}")
            + $"; latest month: {Variation(chart.LatestVariation)}.",
            points.Select(p => p.Month.ShortLabel).ToList(),
            [
                new ChartSeries(spc.Measure, points.Select(p => (double?)p.Value).ToList()),
                new ChartSeries("Mean", points.Select(_ => Flat(chart.Mean)).ToList(), Dashed: true),
                new ChartSeries("Upper process limit", points.Select(_ => Flat(chart.UpperLimit)).ToList(), Dashed: true),
                new ChartSeries("Lower process limit", points.Select(_ => Flat(chart.LowerLimit)).ToList(), Dashed: true),
            ])
        {
            ValueAxisTitle = spc.Unit,
            Variations = points.Select(PointVariation.Of).ToList(),
        };
    }

    /// <summary>How a point's variation reads.</summary>
    public static string Variation(SpcVariation variation) => variation switch
    {
        SpcVariation.CommonCause => "common cause variation",
        SpcVariation.Improvement => "special cause: improvement",
        SpcVariation.Concern => "special cause: concern",
        SpcVariation.Neutral => "special cause (neither better nor worse)",
    };

    /// <summary>A value as the tables print it: whole numbers with thousands separators, else one decimal.</summary>
    public static string Number(decimal value) => value == Math.Round(value)
        ? Figures.Count((long)value)
        : value.ToString("#,##0.0", EnGb.Culture);

    /// <summary>
    /// The change from a year before: percentage points for a percentage or rate ("+1.2 points"), otherwise the difference
    /// and the percentage change ("+12 (+2.9%)"); "–" when the year before is not held.
    /// </summary>
    public static string Change(Domain.Performance.Measure measure, decimal value, decimal? yearBefore)
    {
        if (yearBefore is not { } before)
        {
            return "–";
        }

        var difference = value - before;
        if (measure.Kind is Domain.Performance.MeasureKind.Percentage or Domain.Performance.MeasureKind.Rate)
        {
            var rounded = Math.Round(difference, 1, MidpointRounding.AwayFromZero);
            var points = Math.Abs(rounded) == 1 ? "point" : "points";
            return rounded == 0 ? "0.0 points" : (rounded > 0 ? "+" : "") + Figures.Number(rounded) + " " + points;
        }

        var signed = difference == Math.Round(difference) ? Figures.Difference((long)difference) : (difference > 0 ? "+" : "") + Figures.Number(difference);
        return $"{signed} ({Figures.SignedPercent(Figures.PercentChange(before, value))})";
    }
}
