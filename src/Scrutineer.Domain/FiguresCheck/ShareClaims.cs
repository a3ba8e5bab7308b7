using System.Text.RegularExpressions;

namespace Scrutineer.Domain.FiguresCheck;

/// <summary>
/// Shares: "N out of M (P%)", "N of the M (P%)", "P% (N) of the M", and "P% (N …)" or "N … (P%)" where the paragraph
/// has stated the total ("of the M", "a total of M", "M in total"). A share agrees when N/M rounds to P as typed.
/// A share whose total is unknown is left alone.
/// </summary>
internal static partial class ShareClaims
{
    private const string Num = Figure.Pattern;

    public static IEnumerable<(int Start, int Length, string Implied)> Find(string paragraph)
    {
        var claimed = new List<(int Start, int End)>();

        foreach (Match m in OutOf().Matches(paragraph))
        {
            claimed.Add((m.Index, m.Index + m.Length));
            if (Judge(m.Groups["n"].Value, m.Groups["m"].Value, m.Groups["p"].Value) is { } implied)
            {
                yield return (m.Index, m.Length, implied);
            }
        }

        foreach (Match m in PercentCountOf().Matches(paragraph))
        {
            if (Overlaps(claimed, m))
            {
                continue;
            }

            claimed.Add((m.Index, m.Index + m.Length));
            if (Judge(m.Groups["n"].Value, m.Groups["m"].Value, m.Groups["p"].Value) is { } implied)
            {
                yield return (m.Index, m.Length, implied);
            }
        }

        var totals = Totals().Matches(paragraph).Select(t => (t.Index, Value: Figure.Parse(t.Groups["m"].Value))).Where(t => t.Value is > 0).ToList();
        if (totals.Count == 0)
        {
            yield break;
        }

        foreach (var m in PercentThenCount().Matches(paragraph).Concat(CountThenPercent().Matches(paragraph)).OrderBy(m => m.Index))
        {
            if (Overlaps(claimed, m))
            {
                continue;
            }

            var before = totals.Where(t => t.Index < m.Index).ToList();
            if (before.Count == 0)
            {
                continue;
            }

            var n = m.Groups["n"].Value;
            var p = m.Groups["p"].Value;
            if (Figure.Parse(n) is not { } count || Figure.Parse(p) is not { } percent)
            {
                continue;
            }

            // Never flag a share that agrees with any total the paragraph gives, nor a count that is itself a total
            // or larger than every total (then it is not a share of them).
            if (count > before.Max(t => t.Value!.Value) || before.Any(t => t.Value == count || Figure.Agrees(percent, Figure.Decimals(p), (double)(count / t.Value!.Value * 100m))))
            {
                continue;
            }

            var total = before[^1].Value!.Value;
            claimed.Add((m.Index, m.Index + m.Length));
            yield return (m.Index, m.Length, $"{Figure.Show(count)} of the {Figure.Show(total)} stated is {Figure.Percent((double)(count / total * 100m))}, not {p}%");
        }
    }

    /// <summary>What N of M implies when it disagrees with P; null when it agrees.</summary>
    private static string? Judge(string nText, string mText, string pText)
    {
        if (Figure.Parse(nText) is not { } n || Figure.Parse(mText) is not { } m || Figure.Parse(pText) is not { } p || m == 0)
        {
            return null;
        }

        if (n > m)
        {
            return $"{Figure.Show(n)} cannot be a share of {Figure.Show(m)}: it is larger than the total";
        }

        var exact = (double)(n / m * 100m);
        return Figure.Agrees(p, Figure.Decimals(pText), exact)
            ? null
            : $"{Figure.Show(n)} out of {Figure.Show(m)} is {Figure.Percent(exact)}, not {pText}%";
    }

    private static bool Overlaps(List<(int Start, int End)> claimed, Match m) =>
        claimed.Any(c => m.Index < c.End && m.Index + m.Length > c.Start);

    [GeneratedRegex(@"(?<![\d.,])(?<n>" + Num + @")\s+(?:out\s+of|of)\s+(?:the\s+|a\s+total\s+of\s+|all\s+)?(?<m>" + Num + @")(?![\d%])[^()%\n.;]{0,60}?[(,]\s*(?:or\s+)?(?<p>\d+(?:\.\d+)?)\s*(?:%|per\s*cent)\)?", RegexOptions.IgnoreCase)]
    private static partial Regex OutOf();

    [GeneratedRegex(@"(?<![\d.,])(?<p>\d+(?:\.\d+)?)\s*(?:%|per\s*cent)\s*\(\s*(?<n>" + Num + @")\s*\)\s+of\s+(?:the\s+|all\s+)?(?<m>" + Num + @")(?![\d%])", RegexOptions.IgnoreCase)]
    private static partial Regex PercentCountOf();

    [GeneratedRegex(@"(?:\ba\s+total\s+of|\btotal\s+of|\bof\s+the|\bout\s+of(?:\s+the)?|\bof\s+all|(?:^|[.;:]\s*)of)\s+(?<m>" + Num + @")(?![\d%.]|\s*(?:%|per\s*cent))|(?<m>" + Num + @")\s+(?:\w+\s+){0,2}in\s+total\b", RegexOptions.IgnoreCase)]
    private static partial Regex Totals();

    [GeneratedRegex(@"(?<![\d.,])(?<p>\d+(?:\.\d+)?)\s*%\s*\(\s*(?<n>" + Num + @")(?:\s+[A-Za-z][\w-]*){0,3}\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex PercentThenCount();

    [GeneratedRegex(@"(?<![\d.,£])(?<n>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,%])(?:\s+[A-Za-z][\w-]*){0,4}\s*\(\s*(?<p>\d+(?:\.\d+)?)\s*%\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex CountThenPercent();
}
