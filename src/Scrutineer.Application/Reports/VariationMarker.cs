using System.Globalization;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Reports;

/// <summary>
/// How an SPC chart marks a point by its variation, in the colour of its <see cref="VariationIcon"/> and, so that colour
/// is not the only sign, in a shape of its own: a small dot for common cause, a diamond for improvement, a triangle for
/// concern, a square for neither.
/// </summary>
public static class VariationMarker
{
    /// <summary>The shape's name as a key prints it.</summary>
    public static string ShapeName(SpcVariation variation) => variation switch
    {
        SpcVariation.CommonCause => "dot",
        SpcVariation.Improvement => "diamond",
        SpcVariation.Concern => "triangle",
        SpcVariation.Neutral => "square",
        _ => throw new ArgumentOutOfRangeException(nameof(variation), variation, null),
    };

    /// <summary>The marker centred on (<paramref name="x"/>, <paramref name="y"/>); <paramref name="inner"/> goes inside the element (a title).</summary>
    public static string Shape(SpcVariation variation, double x, double y, string inner = "")
    {
        var fill = VariationIcon.Colour(variation);
        const string Outline = "stroke=\"#0b0c0c\" stroke-width=\"1\"";
        return variation switch
        {
            SpcVariation.CommonCause => Inv($"<circle cx=\"{x:0.##}\" cy=\"{y:0.##}\" r=\"2.5\" fill=\"{fill}\" class=\"spc-common\">{inner}</circle>"),
            SpcVariation.Improvement => Inv($"<polygon points=\"{x:0.##},{y - 6:0.##} {x + 6:0.##},{y:0.##} {x:0.##},{y + 6:0.##} {x - 6:0.##},{y:0.##}\" fill=\"{fill}\" {Outline} class=\"spc-improvement\">{inner}</polygon>"),
            SpcVariation.Concern => Inv($"<polygon points=\"{x:0.##},{y - 6.5:0.##} {x + 6:0.##},{y + 4.5:0.##} {x - 6:0.##},{y + 4.5:0.##}\" fill=\"{fill}\" {Outline} class=\"spc-concern\">{inner}</polygon>"),
            SpcVariation.Neutral => Inv($"<rect x=\"{x - 4.5:0.##}\" y=\"{y - 4.5:0.##}\" width=\"9\" height=\"9\" fill=\"{fill}\" {Outline} class=\"spc-neither\">{inner}</rect>"),
            _ => throw new ArgumentOutOfRangeException(nameof(variation), variation, null),
        };
    }

    /// <summary>The marker alone as a small SVG for a key, hidden from assistive technology (the key's words name it).</summary>
    public static string Html(SpcVariation variation) =>
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\" class=\"app-spc-marker\">"
        + Shape(variation, 8, 8.5) + "</svg>";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
