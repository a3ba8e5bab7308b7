using System.Text.RegularExpressions;

namespace Scrutineer.Domain.FiguresCheck;

/// <summary>
/// A share of a base the paragraph states elsewhere: "All crime stood at 12,400 … Violence with injury was 3,600, which
/// is 29% of all crime". The base is found by its own words ("all crime") followed within a few words by a figure, in
/// the same paragraph or a table row within it. The share is flagged only when it agrees with none of the figures so
/// named; a base the paragraph does not state is left alone.
/// </summary>
internal static partial class ImpliedBaseClaims
{
    private const string Num = Figure.Pattern;

    public static IEnumerable<(int Start, int Length, string Implied)> Find(string paragraph)
    {
        foreach (Match m in Claim().Matches(paragraph))
        {
            if (Figure.Parse(m.Groups["n"].Value) is not { } n || Figure.Parse(m.Groups["p"].Value) is not { } p || p > 100)
            {
                continue;
            }

            var what = m.Groups["what"].Value.Trim();
            var named = new Regex(@"\b" + Regex.Escape(what).Replace(@"\ ", @"\s+", StringComparison.Ordinal) + @"\b[^\d.;%\n]{0,25}?[:|\t]?\s*(?<m>" + Num + @")(?![\d%]|\s*(?:%|per\s*cent))",
                RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
            var bases = named.Matches(paragraph)
                .Where(b => b.Index + b.Length <= m.Index || b.Index >= m.Index + m.Length)
                .Select(b => Figure.Parse(b.Groups["m"].Value))
                .OfType<decimal>()
                .Where(b => b > 0 && b >= n && !(b is >= 1990 and <= 2100 && b == decimal.Truncate(b)))
                .Distinct()
                .ToList();
            var decimals = Figure.Decimals(m.Groups["p"].Value);
            if (bases.Count == 0 || bases.Any(b => Figure.Agrees(p, decimals, (double)(n / b * 100m))))
            {
                continue;
            }

            var whole = bases[0];
            yield return (m.Index, m.Length,
                $"{Figure.Show(n)} of the {Figure.Show(whole)} {what} stated is {Figure.Percent((double)(n / whole * 100m))}, not {m.Groups["p"].Value}%");
        }
    }

    [GeneratedRegex(@"(?<![\d.,£])(?<n>" + Num + @")(?![\d%])(?:\s+[A-Za-z][\w-]*){0,6}\s*,\s*(?:which\s+(?:is|was|equates\s+to|represents)\s+|or\s+|representing\s+|equating\s+to\s+)?(?<p>\d+(?:\.\d+)?)\s*(?:%|per\s*cent)\s+of\s+(?:the\s+)?(?<what>[A-Za-z][A-Za-z\-]*(?:\s+[A-Za-z][A-Za-z\-]*){0,3})(?=\s*(?:[.,;)]|$))", RegexOptions.IgnoreCase)]
    private static partial Regex Claim();
}
