using System.Globalization;
using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.FiguresCheck;

/// <summary>Reading typed figures ("1,303", "2.9", "£47,685") and judging whether a rounded figure agrees with an exact one.</summary>
internal static class Figure
{
    /// <summary>A number as people type it: thousands separators, decimals, optional £.</summary>
    public const string Pattern = @"£?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?";

    /// <summary>Reads a typed number; null when it is not one.</summary>
    public static decimal? Parse(string text)
    {
        var cleaned = text.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>Digits after the decimal point as typed ("2.90" has 2).</summary>
    public static int Decimals(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.Length - dot - 1;
    }

    /// <summary>
    /// Whether <paramref name="typed"/>, written with <paramref name="decimals"/> decimals, is <paramref name="exact"/>
    /// rounded: within half a unit of its last digit (either way at exactly half).
    /// </summary>
    public static bool Agrees(decimal typed, int decimals, double exact)
    {
        var half = 0.5 * Math.Pow(10, -decimals);
        return Math.Abs((double)typed - exact) <= half + 1e-9;
    }

    /// <summary>A percentage to one decimal, en-GB: "34.2%".</summary>
    public static string Percent(double value) => value.ToString("0.0", EnGb.Culture) + "%";

    /// <summary>A figure as typed back: "1,303" or "2.5".</summary>
    public static string Show(decimal value) => value == decimal.Truncate(value)
        ? value.ToString("#,0", EnGb.Culture)
        : value.ToString("#,0.##", EnGb.Culture);
}
