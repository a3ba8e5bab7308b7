using System.Globalization;
using DocumentFormat.OpenXml;
using Scrutineer.Domain.Reports;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Scrutineer.Application.Reports;

/// <summary>
/// A <see cref="ReportChart"/> as a native Word chart: a DrawingML chart space whose series refer to the cells of the
/// chart's embedded workbook (<see cref="DocxChartWorkbook"/>) and carry their categories and values in caches, so the
/// chart draws and reads out in Word as written, and "Edit Data" opens its figures.
/// </summary>
internal static class DocxChart
{
    private const uint CategoryAxisId = 48650112U;
    private const uint ValueAxisId = 48672768U;
    private static readonly string[] Palette = ["1D4F91", "B3541E", "2E7D32", "7B1FA2", "616161"];

    public static C.ChartSpace Build(ReportChart chart)
    {
        var plot = new C.PlotArea(new C.Layout());
        var lineSeries = new List<C.LineChartSeries>();
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            if (s == 0 && chart.Kind == ChartKind.Bar)
            {
                plot.Append(new C.BarChart(
                    new C.BarDirection { Val = C.BarDirectionValues.Column },
                    new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
                    new C.VaryColors { Val = false },
                    new C.BarChartSeries(
                        new C.Index { Val = (uint)s },
                        new C.Order { Val = (uint)s },
                        SeriesName(s, series.Name),
                        Fill(Palette[s % Palette.Length]),
                        new C.InvertIfNegative { Val = false },
                        Categories(chart),
                        Values(series, s, chart.Categories.Count)),
                    new C.GapWidth { Val = 60 },
                    new C.AxisId { Val = CategoryAxisId },
                    new C.AxisId { Val = ValueAxisId }));
            }
            else
            {
                lineSeries.Add(new C.LineChartSeries(
                    new C.Index { Val = (uint)s },
                    new C.Order { Val = (uint)s },
                    SeriesName(s, series.Name),
                    Line(Palette[s % Palette.Length], series.Dashed),
                    new C.Marker(new C.Symbol { Val = series.Dashed ? C.MarkerStyleValues.None : C.MarkerStyleValues.Circle }),
                    Categories(chart),
                    Values(series, s, chart.Categories.Count),
                    new C.Smooth { Val = false }));
            }
        }

        if (lineSeries.Count > 0)
        {
            var line = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
            line.Append(lineSeries);
            line.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = CategoryAxisId }, new C.AxisId { Val = ValueAxisId });
            plot.Append(line);
        }

        plot.Append(
            new C.CategoryAxis(
                new C.AxisId { Val = CategoryAxisId },
                new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
                new C.MajorTickMark { Val = C.TickMarkValues.Outside },
                new C.MinorTickMark { Val = C.TickMarkValues.None },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.Low },
                new C.CrossingAxis { Val = ValueAxisId },
                new C.Crosses { Val = C.CrossesValues.AutoZero },
                new C.AutoLabeled { Val = true },
                new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                new C.LabelOffset { Val = 100 },
                new C.NoMultiLevelLabels { Val = false }),
            ValueAxis(chart.ValueAxisTitle, ChartAxis.For(chart)));

        var space = new C.ChartSpace(
            new C.EditingLanguage { Val = "en-GB" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.Title(
                    new C.ChartText(new C.RichText(
                        new A.BodyProperties(),
                        new A.ListStyle(),
                        new A.Paragraph(new A.Run(new A.RunProperties { Language = "en-GB", FontSize = 1100, Bold = true }, new A.Text(chart.Title))))),
                    new C.Overlay { Val = false }),
                new C.AutoTitleDeleted { Val = false },
                plot,
                new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
                new C.PlotVisibleOnly { Val = true },
                new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return space;
    }

    /// <summary>The value axis with the range and ticks every format draws (<see cref="ChartAxis"/>), not Word's own, which starts at zero.</summary>
    private static C.ValueAxis ValueAxis(string title, ChartAxis scale)
    {
        var axis = new C.ValueAxis(
            new C.AxisId { Val = ValueAxisId },
            new C.Scaling(
                new C.Orientation { Val = C.OrientationValues.MinMax },
                new C.MaxAxisValue { Val = scale.Maximum },
                new C.MinAxisValue { Val = scale.Minimum }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Left },
            new C.MajorGridlines());
        if (!string.IsNullOrEmpty(title))
        {
            axis.Append(new C.Title(
                new C.ChartText(new C.RichText(
                    new A.BodyProperties { Rotation = -5400000, Vertical = A.TextVerticalValues.Horizontal },
                    new A.ListStyle(),
                    new A.Paragraph(new A.Run(new A.RunProperties { Language = "en-GB", FontSize = 900 }, new A.Text(title))))),
                new C.Overlay { Val = false }));
        }

        axis.Append(
            new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = CategoryAxisId },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.CrossBetween { Val = C.CrossBetweenValues.Between },
            new C.MajorUnit { Val = scale.Step });
        return axis;
    }

    private static C.SeriesText SeriesName(int series, string name) =>
        new(new C.StringReference(
            new C.Formula(DocxChartWorkbook.Range(series + 1, 1, 1)),
            new C.StringCache(new C.PointCount { Val = 1U }, new C.StringPoint(new C.NumericValue(name)) { Index = 0U })));

    private static C.CategoryAxisData Categories(ReportChart chart)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)chart.Categories.Count });
        for (var i = 0; i < chart.Categories.Count; i++)
        {
            cache.Append(new C.StringPoint(new C.NumericValue(chart.Categories[i])) { Index = (uint)i });
        }

        return new C.CategoryAxisData(new C.StringReference(new C.Formula(DocxChartWorkbook.Range(0, 2, chart.Categories.Count + 1)), cache));
    }

    private static C.Values Values(ChartSeries series, int seriesIndex, int count)
    {
        var cache = new C.NumberingCache(new C.FormatCode("General"), new C.PointCount { Val = (uint)count });
        for (var i = 0; i < count && i < series.Values.Count; i++)
        {
            if (series.Values[i] is { } v)
            {
                cache.Append(new C.NumericPoint(new C.NumericValue(v.ToString("R", CultureInfo.InvariantCulture))) { Index = (uint)i });
            }
        }

        return new C.Values(new C.NumberReference(new C.Formula(DocxChartWorkbook.Range(seriesIndex + 1, 2, count + 1)), cache));
    }

    private static C.ChartShapeProperties Fill(string colour) =>
        new(new A.SolidFill(new A.RgbColorModelHex { Val = colour }));

    private static C.ChartShapeProperties Line(string colour, bool dashed)
    {
        var outline = new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = colour })) { Width = dashed ? 15875 : 22225 };
        if (dashed)
        {
            outline.Append(new A.PresetDash { Val = A.PresetLineDashValues.Dash });
        }

        return new C.ChartShapeProperties(outline);
    }
}
