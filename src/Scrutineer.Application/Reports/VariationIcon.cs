using System.Net;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Reports;

/// <summary>
/// Making Data Count's variation icon: a circle in the variation's colour (grey common cause, blue improvement, orange
/// concern, purple neither) carrying H or L for a special cause on the high or low side. Colour is never the only sign:
/// the icon has an accessible name, and pages print the variation in words beside it.
/// </summary>
public static class VariationIcon
{
    /// <summary>The icon's colour for a variation (GOV.UK Frontend's grey, blue, orange and purple).</summary>
    public static string Colour(SpcVariation variation) => variation switch
    {
        SpcVariation.CommonCause => "#505a5f",
        SpcVariation.Improvement => "#1d70b8",
        SpcVariation.Concern => "#f47738",
        SpcVariation.Neutral => "#4c2c92",
        _ => throw new ArgumentOutOfRangeException(nameof(variation), variation, null),
    };

    /// <summary>What the icon says: "Common cause variation", "Special cause variation: improvement (high)".</summary>
    public static string Name(PointVariation variation) => variation.Variation switch
    {
        SpcVariation.CommonCause => "Common cause variation",
        SpcVariation.Improvement => $"Special cause variation: improvement ({Side(variation)})",
        SpcVariation.Concern => $"Special cause variation: concern ({Side(variation)})",
        SpcVariation.Neutral => $"Special cause variation: neither better nor worse ({Side(variation)})",
        _ => throw new ArgumentOutOfRangeException(nameof(variation), variation.Variation, null),
    };

    /// <summary>
    /// The icon as HTML: a span with role="img" and the icon's name as its accessible name, holding the SVG; with
    /// <paramref name="decorative"/> the span is hidden from assistive technology instead (for a key whose words say the same).
    /// </summary>
    public static string Html(PointVariation variation, bool decorative = false)
    {
        var name = WebUtility.HtmlEncode(Name(variation));
        var colour = Colour(variation.Variation);
        var ink = variation.Variation == SpcVariation.Concern ? "#0b0c0c" : "#ffffff";
        var letter = variation.Special
            ? $"<text x=\"12\" y=\"16.5\" text-anchor=\"middle\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"13\" font-weight=\"bold\" fill=\"{ink}\">{variation.Letter}</text>"
            : "";
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"24\" height=\"24\" aria-hidden=\"true\" focusable=\"false\">"
            + $"<circle cx=\"12\" cy=\"12\" r=\"11\" fill=\"{colour}\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>{letter}</svg>";
        var label = decorative
            ? "aria-hidden=\"true\""
            : $"role=\"img\" aria-label=\"{name}\" title=\"{name}\"";
        return $"<span class=\"app-spc-icon\" {label}>{svg}</span>";
    }

    private static string Side(PointVariation variation) => variation.High ? "high" : "low";
}
