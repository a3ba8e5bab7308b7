using System.Globalization;
using System.Text.RegularExpressions;
using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.FiguresCheck;

/// <summary>
/// Sums of money as board papers type them: "£12,500", "£230k", "£0.23m", "£1.2 million", "£2.8bn". Read in pounds,
/// with the half-unit of the last digit typed (so "£0.23m" is £230,000 give or take £5,000).
/// Regexes run without backtracking, so a hostile text cannot make the check hang.
/// </summary>
internal static partial class Money
{
    /// <summary>A sum of money found in text: where, its value in pounds, how far rounding may have moved it, as typed.</summary>
    public sealed record Amount(int Index, int Length, decimal Pounds, decimal Tolerance, string Typed, string Unit, int Decimals);

    public static IEnumerable<Amount> Find(string text)
    {
        foreach (Match m in Pattern().Matches(text))
        {
            var digits = m.Groups["v"].Value.Replace(",", "", StringComparison.Ordinal);
            if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            var unit = m.Groups["u"].Value.ToLowerInvariant();
            var multiplier = unit switch
            {
                "k" => 1_000m,
                "m" or "million" => 1_000_000m,
                "bn" or "billion" => 1_000_000_000m,
                _ => 1m,
            };
            var decimals = Figure.Decimals(m.Groups["v"].Value);
            var half = 0.5m * multiplier * (decimal)Math.Pow(10, -decimals);
            yield return new Amount(m.Index, m.Length, value * multiplier, unit.Length == 0 ? 0 : half, m.Value.Trim(), unit, decimals);
        }
    }

    /// <summary>Pounds shown in the unit and precision of <paramref name="like"/>: "£1.68m", "£230k", "£12,500".</summary>
    public static string Show(decimal pounds, Amount like)
    {
        var (divisor, suffix) = like.Unit switch
        {
            "k" => (1_000m, "k"),
            "m" => (1_000_000m, "m"),
            "million" => (1_000_000m, " million"),
            "bn" => (1_000_000_000m, "bn"),
            "billion" => (1_000_000_000m, " billion"),
            _ => (1m, ""),
        };
        var format = like.Decimals == 0 ? "#,0" : "#,0." + new string('0', like.Decimals);
        return "£" + Math.Round(pounds / divisor, like.Decimals, MidpointRounding.AwayFromZero).ToString(format, EnGb.Culture) + suffix;
    }

    [GeneratedRegex(@"£\s?(?<v>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?(?<u>k|m|bn)\b|\s(?<u>million|billion)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
