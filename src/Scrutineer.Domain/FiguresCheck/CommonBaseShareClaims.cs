using System.Text.RegularExpressions;

namespace Scrutineer.Domain.FiguresCheck;

/// <summary>
/// Shares listed together without their total: "26% (6 referrals) …, 26% (6 referrals) … and 48% (11 referrals)", "591
/// offences recorded (15%), followed by … 391 offences (13.2%)". Each count and its percentage fix the range of totals
/// it can be a share of (6 at 26% rounded: 22 to 23); shares listed together must have one total in common. A share
/// whose range does not meet the ranges of the shares before it is flagged with the percentage it would be of them.
/// Shares of one whole without counts ("Of the tasks, 40% are complete, 35% ongoing and 30% not started") must not add
/// up to more than 100%. Sentences that speak of a change (each share may be of its own base) or state a total (read by the share reader)
/// are left alone.
/// </summary>
internal static partial class CommonBaseShareClaims
{
    private const string Num = Figure.Pattern;

    public static IEnumerable<(int Start, int Length, string Implied)> Find(string sentence)
    {
        if (ChangeOrTotal().IsMatch(sentence))
        {
            yield break;
        }

        if (Parts(sentence) is { } parts)
        {
            yield return parts;
        }

        var shares = PercentThenCount().Matches(sentence).Concat(CountThenPercent().Matches(sentence))
            .OrderBy(m => m.Index)
            .Select(m => (Match: m, N: Figure.Parse(m.Groups["n"].Value), P: Figure.Parse(m.Groups["p"].Value), Typed: m.Groups["p"].Value))
            .Where(s => s.N is > 0 && s.P is > 0 and < 100)
            .ToList();
        if (shares.Count < 2)
        {
            yield break;
        }

        long low = 1, high = long.MaxValue;
        string? first = null;
        foreach (var (match, n, p, typed) in shares)
        {
            var (lo, hi) = Totals(n!.Value, p!.Value, Figure.Decimals(typed));
            if (first is null)
            {
                (low, high, first) = (lo, hi, $"{Figure.Show(n.Value)} at {typed}%");
                continue;
            }

            if (Math.Max(lo, low) <= Math.Min(hi, high))
            {
                (low, high) = (Math.Max(lo, low), Math.Min(hi, high));
                continue;
            }

            var a = Figure.Percent((double)n.Value * 100 / high);
            var b = Figure.Percent((double)n.Value * 100 / low);
            var range = low == high ? $"a total of {Figure.Show(low)}" : $"a total of {Figure.Show(low)} to {Figure.Show(high)}";
            var share = a == b ? a : $"{a} to {b}";
            yield return (match.Index, match.Length,
                $"shares listed together must be of one total: {first} means {range}, and {Figure.Show(n.Value)} of that is {share}, not {typed}%");
        }
    }

    /// <summary>
    /// "Of the tasks, 40% are complete, 35% ongoing and 30% not started": shares of one whole, without their counts, must
    /// not add up to more than 100% (each may be rounded by half its last digit).
    /// </summary>
    private static (int Start, int Length, string Implied)? Parts(string sentence)
    {
        if (!OfTheWhole().IsMatch(sentence))
        {
            return null;
        }

        var shares = BarePercent().Matches(sentence).Where(m => !m.Groups["count"].Success).ToList();
        if (shares.Count < 2)
        {
            return null;
        }

        var sum = shares.Sum(m => Figure.Parse(m.Groups["p"].Value) ?? 0);
        var lowest = shares.Sum(m => (double)(Figure.Parse(m.Groups["p"].Value) ?? 0) - 0.5 * Math.Pow(10, -Figure.Decimals(m.Groups["p"].Value)));
        if (lowest <= 100 + 1e-9)
        {
            return null;
        }

        var first = shares[0];
        var last = shares[^1];
        return (first.Index, last.Index + last.Length - first.Index,
            $"shares of one whole add up to {Figure.Show(sum)}%, more than 100%: {string.Join(" + ", shares.Select(m => m.Groups["p"].Value + "%"))} cannot all be right");
    }

    /// <summary>The whole-number totals of which <paramref name="n"/> is <paramref name="p"/>% as rounded to <paramref name="decimals"/>.</summary>
    private static (long Low, long High) Totals(decimal n, decimal p, int decimals)
    {
        var half = 0.5 * Math.Pow(10, -decimals);
        var low = (long)Math.Ceiling((double)n * 100 / ((double)p + half) - 1e-9);
        var high = (double)p - half <= 0 ? long.MaxValue : (long)Math.Floor((double)n * 100 / ((double)p - half) + 1e-9);
        return (Math.Max(low, (long)n), high);
    }

    [GeneratedRegex(@"\b(?:increase|decrease|rise|rose|risen|fell|fall|fallen|drop|dropped|reduction|reduced|decline|grew|growth|change|compared|up|down|total|out\s+of)|\bof\s+(?:the\s+|all\s+)?\d", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeOrTotal();

    [GeneratedRegex(@"^\W*of\s+(?:the\s+|all\s+|these\s+|those\s+|our\s+)?[a-z]", RegexOptions.IgnoreCase)]
    private static partial Regex OfTheWhole();

    [GeneratedRegex(@"(?<count>\(\s*)?\b(?<p>\d{1,3}(?:\.\d{1,3})?)\s*(?:%|per\s*cent\b)(?<count>\s*\()?", RegexOptions.IgnoreCase)]
    private static partial Regex BarePercent();

    [GeneratedRegex(@"(?<![\d.,])(?<p>\d+(?:\.\d+)?)\s*%\s*\(\s*(?<n>" + Num + @")(?:\s+[A-Za-z][\w-]*){0,3}\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex PercentThenCount();

    [GeneratedRegex(@"(?<![\d.,£])(?<n>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,%])(?:\s+[A-Za-z][\w-]*){0,4}\s*\(\s*(?<p>\d+(?:\.\d+)?)\s*%\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex CountThenPercent();
}
