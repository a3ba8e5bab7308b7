using System.Globalization;

namespace Scrutineer.Domain.Common;

/// <summary>
/// Figures as the force's reports print them: counts with thousands separators ("28,373"), differences and percentage
/// changes signed with a real minus sign ("+886", "−647", "+2.9%", "−2.2%"), percentages rounded half away from zero
/// to one decimal place. For prose, tables and documents; machine-readable outputs (CSV, JSON) use
/// <see cref="PlainPercent"/> and invariant numbers instead.
/// </summary>
public static class Figures
{
    /// <summary>The minus sign used in print (U+2212), not the hyphen.</summary>
    public const char Minus = '\u2212';

    /// <summary>Rounds a percentage half away from zero to one decimal place (2.25 → 2.3, −2.25 → −2.3); the result always carries one decimal (50 → 50.0).</summary>
    public static decimal RoundPercent(decimal percent) => Math.Round(percent, 1, MidpointRounding.AwayFromZero) + 0.0m;

    /// <summary>
    /// The percentage change from <paramref name="previous"/> to <paramref name="latest"/>, unrounded;
    /// null when <paramref name="previous"/> is 0 (a change from nothing has no percentage).
    /// </summary>
    public static decimal? PercentChange(decimal previous, decimal latest) =>
        previous == 0 ? null : (latest - previous) * 100m / previous;

    /// <summary>"28,373": an integer count with thousands separators (a real minus sign when negative).</summary>
    public static string Count(long value) =>
        value < 0 ? Minus + (-(decimal)value).ToString("N0", EnGb.Culture) : value.ToString("N0", EnGb.Culture);

    /// <summary>"1 update", "1,234 updates": a count with its noun in the singular or the plural.</summary>
    public static string Count(long value, string one, string many) => $"{Count(value)} {(value == 1 ? one : many)}";

    /// <summary>"+886", "−647", "0": a signed difference between two counts, with thousands separators.</summary>
    public static string Difference(long value) => value switch
    {
        > 0 => "+" + value.ToString("N0", EnGb.Culture),
        < 0 => Minus + (-(decimal)value).ToString("N0", EnGb.Culture),
        _ => "0",
    };

    /// <summary>
    /// "+2.9%", "−2.2%", "0.0%": a signed percentage rounded half away from zero to one decimal. A value that rounds to
    /// zero prints "0.0%" without a sign. Null (no base) prints "n/a".
    /// </summary>
    public static string SignedPercent(decimal? percent)
    {
        if (percent is not { } value)
        {
            return "n/a";
        }

        var rounded = RoundPercent(value);
        var digits = Math.Abs(rounded).ToString("N1", EnGb.Culture) + "%";
        return rounded switch
        {
            > 0 => "+" + digits,
            < 0 => Minus + digits,
            _ => digits,
        };
    }

    /// <summary>"62.2%": an unsigned percentage (a share or rate) rounded half away from zero to one decimal.</summary>
    public static string Percent(decimal percent)
    {
        var rounded = RoundPercent(percent);
        var digits = Math.Abs(rounded).ToString("N1", EnGb.Culture) + "%";
        return rounded < 0 ? Minus + digits : digits;
    }

    /// <summary>"2,832.5": a decimal with thousands separators and <paramref name="decimals"/> places, rounded half away from zero.</summary>
    public static string Number(decimal value, int decimals = 1)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), EnGb.Culture);
        return rounded < 0 ? Minus + text : text;
    }

    /// <summary>
    /// "−2.2": a percentage for machine-readable output: rounded half away from zero to one decimal, an ASCII
    /// hyphen-minus, no sign when positive, no thousands separators; empty when null.
    /// </summary>
    public static string PlainPercent(decimal? percent) =>
        percent is { } value ? RoundPercent(value).ToString("0.0", CultureInfo.InvariantCulture) : "";
}
