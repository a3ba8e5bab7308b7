using System.Globalization;
using System.Net;
using System.Text;
using Scrutineer.Domain.Reports;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Reports;

/// <summary>
/// Draws a <see cref="ReportChart"/> as inline SVG (no script, no external resources) for the HTML and PDF reports and
/// the web pages. The SVG carries role="img" with its title and the chart's text alternative as a description.
/// </summary>
public static class SvgChart
{
    private const double Width = 640;
    private const double Height = 300;
    private const double Left = 56;
    private const double Right = 16;
    private const double Top = 16;
    private const double Bottom = 70;

    private static readonly string[] Palette = ["#1d4f91", "#b3541e", "#2e7d32", "#7b1fa2", "#616161"];

    /// <summary>
    /// An SPC chart that marks its points' variation draws as Making Data Count does: grey values, a black mean, grey
    /// limits, so that only the special-cause markers carry colour.
    /// </summary>
    private static readonly string[] SpcPalette = ["#505a5f", "#0b0c0c", "#6f777b", "#6f777b", "#616161"];

    /// <summary>The extra height below the series legend for the key to the variation markers.</summary>
    private const double MarkerKeyHeight = 18;

    /// <summary>The SVG element; <paramref name="id"/> makes its title and description ids unique on the page.</summary>
    public static string Render(ReportChart chart, string id)
    {
        var axis = ChartAxis.For(chart);
        var (min, max) = (axis.Minimum, axis.Maximum);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var n = Math.Max(1, chart.Categories.Count);
        var band = plotWidth / n;
        double Y(double v) => Top + plotHeight - ((v - min) / (max - min) * plotHeight);
        double X(int i) => Left + (band * i) + (band / 2);
        var variations = chart.Kind == ChartKind.Spc ? chart.Variations : null;
        var palette = variations is null ? Palette : SpcPalette;
        var height = variations is null ? Height : Height + MarkerKeyHeight;

        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" class=\"chart\">"));
        svg.Append(Inv($"<title id=\"{id}-title\">{Esc(chart.Title)}</title><desc id=\"{id}-desc\">{Esc(chart.AltText)}</desc>"));
        svg.Append("<g font-family=\"Arial, Helvetica, sans-serif\" font-size=\"10\" fill=\"#222\">");

        foreach (var v in axis.Ticks())
        {
            var y = Y(v);
            svg.Append(Inv($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#ddd\" stroke-width=\"1\"/>"));
            svg.Append(Inv($"<text x=\"{Left - 6}\" y=\"{y + 3:0.#}\" text-anchor=\"end\">{Esc(Tick(v))}</text>"));
        }

        svg.Append(Inv($"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width - Right}\" y2=\"{Top + plotHeight}\" stroke=\"#444\"/>"));
        var every = Math.Max(1, (int)Math.Ceiling(n / 24.0));
        for (var i = 0; i < chart.Categories.Count; i += every)
        {
            var x = X(i);
            svg.Append(Inv($"<text x=\"{x:0.#}\" y=\"{Top + plotHeight + 8:0.#}\" text-anchor=\"end\" transform=\"rotate(-50 {x:0.#} {Top + plotHeight + 8:0.#})\">{Esc(chart.Categories[i])}</text>"));
        }

        if (!string.IsNullOrEmpty(chart.ValueAxisTitle))
        {
            svg.Append(Inv($"<text x=\"12\" y=\"{Top + (plotHeight / 2):0.#}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {Top + (plotHeight / 2):0.#})\">{Esc(chart.ValueAxisTitle)}</text>"));
        }

        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var colour = palette[s % palette.Length];
            if (s == 0 && chart.Kind == ChartKind.Bar)
            {
                var barWidth = band * 0.7;
                for (var i = 0; i < series.Values.Count && i < n; i++)
                {
                    if (series.Values[i] is not { } v)
                    {
                        continue;
                    }

                    var baseline = Y(Math.Max(min, Math.Min(0, max)));
                    var y = Y(v);
                    svg.Append(Inv($"<rect x=\"{X(i) - (barWidth / 2):0.##}\" y=\"{Math.Min(y, baseline):0.##}\" width=\"{barWidth:0.##}\" height=\"{Math.Abs(baseline - y):0.##}\" fill=\"{colour}\"><title>{Esc(chart.Categories[i])}: {Esc(Value(v))}</title></rect>"));
                }
            }
            else
            {
                var points = string.Join(' ', series.Values.Select((v, i) => (v, i)).Where(p => p.v.HasValue && p.i < n)
                    .Select(p => Inv($"{X(p.i):0.##},{Y(p.v!.Value):0.##}")));
                var dash = series.Dashed ? " stroke-dasharray=\"6 4\"" : "";
                svg.Append(Inv($"<polyline points=\"{points}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>"));
                if (s == 0 && variations is not null)
                {
                    foreach (var (v, i) in series.Values.Select((v, i) => (v, i)).Where(p => p.v.HasValue && p.i < n))
                    {
                        var variation = i < variations.Count ? variations[i] : default;
                        var words = variation.Special ? "; " + VariationIcon.Name(variation).ToLowerInvariant() : "";
                        svg.Append(VariationMarker.Shape(variation.Variation, X(i), Y(v!.Value), $"<title>{Esc(chart.Categories[i])}: {Esc(Value(v.Value))}{Esc(words)}</title>"));
                    }
                }
                else if (!series.Dashed)
                {
                    foreach (var (v, i) in series.Values.Select((v, i) => (v, i)).Where(p => p.v.HasValue && p.i < n))
                    {
                        svg.Append(Inv($"<circle cx=\"{X(i):0.##}\" cy=\"{Y(v!.Value):0.##}\" r=\"2.5\" fill=\"{colour}\"><title>{Esc(chart.Categories[i])}: {Esc(Value(v.Value))}</title></circle>"));
                    }
                }
            }
        }

        var lx = Left;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var colour = palette[s % palette.Length];
            var ly = Height - 8;
            var swatch = s == 0 && chart.Kind == ChartKind.Bar
                ? Inv($"<rect x=\"{lx}\" y=\"{ly - 8}\" width=\"12\" height=\"8\" fill=\"{colour}\"/>")
                : Inv($"<line x1=\"{lx}\" y1=\"{ly - 4}\" x2=\"{lx + 12}\" y2=\"{ly - 4}\" stroke=\"{colour}\" stroke-width=\"2\"{(chart.Series[s].Dashed ? " stroke-dasharray=\"4 2\"" : "")}/>");
            svg.Append(swatch);
            svg.Append(Inv($"<text x=\"{lx + 16}\" y=\"{ly}\">{Esc(chart.Series[s].Name)}</text>"));
            lx += 24 + (chart.Series[s].Name.Length * 5.5);
        }

        if (variations is not null)
        {
            MarkerKey(svg, variations);
        }

        svg.Append("</g></svg>");
        return svg.ToString();
    }

    /// <summary>A row under the series legend naming the marker of each variation the chart shows, common cause first.</summary>
    private static void MarkerKey(StringBuilder svg, IReadOnlyList<PointVariation> variations)
    {
        var lx = Left;
        var ly = Height + MarkerKeyHeight - 8;
        foreach (var variation in variations.Select(v => v.Variation).Distinct().Order())
        {
            var words = variation switch
            {
                SpcVariation.CommonCause => "Common cause",
                SpcVariation.Improvement => "Special cause: improvement",
                SpcVariation.Concern => "Special cause: concern",
                _ => "Special cause: neither better nor worse",
            };
            svg.Append(VariationMarker.Shape(variation, lx + 6, ly - 4));
            svg.Append(Inv($"<text x=\"{lx + 16}\" y=\"{ly}\">{Esc(words)}</text>"));
            lx += 24 + (words.Length * 5.5);
        }
    }

    /// <summary>A value as the data table and tooltips print it, with thousands separators as the report's other tables: whole numbers ("2,967"), else one decimal ("3,063.6").</summary>
    public static string Value(double v) => Math.Abs(v - Math.Round(v)) < 1e-9
        ? Math.Round(v).ToString("#,0", CultureInfo.InvariantCulture)
        : v.ToString("#,0.0", CultureInfo.InvariantCulture);

    private static string Tick(double v) => Math.Abs(v) >= 10000
        ? v.ToString("#,0", CultureInfo.InvariantCulture)
        : Value(v);

    private static string Esc(string text) => WebUtility.HtmlEncode(text);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
