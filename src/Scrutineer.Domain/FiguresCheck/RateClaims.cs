using System.Text.RegularExpressions;

namespace Scrutineer.Domain.FiguresCheck;

/// <summary>
/// A rate with its numerator and denominator stated: "a rate of 3.2 per 1,000 from 160 crimes and 50,000 residents".
/// The rate must be numerator / denominator × the base, rounded to the decimals typed.
/// Regexes run without backtracking, so a hostile text cannot make the check hang.
/// </summary>
internal static partial class RateClaims
{
    private const string Num = Figure.Pattern;

    public static IEnumerable<(int Start, int Length, string Implied)> Find(string sentence)
    {
        foreach (Match m in Rate().Matches(sentence))
        {
            var typed = m.Groups["r"].Value;
            if (Figure.Parse(typed) is not { } rate || Figure.Parse(m.Groups["per"].Value) is not { } per
                || Figure.Parse(m.Groups["n"].Value) is not { } n || Figure.Parse(m.Groups["d"].Value) is not { } d || d <= 0)
            {
                continue;
            }

            var exact = (double)(n / d * per);
            if (!Figure.Agrees(rate, Figure.Decimals(typed), exact))
            {
                var shown = Math.Round((decimal)exact, Math.Max(Figure.Decimals(typed), 1), MidpointRounding.AwayFromZero);
                yield return (m.Index, m.Length, $"{Figure.Show(n)} / {Figure.Show(d)} × {Figure.Show(per)} is {Figure.Show(shown)}, not {typed}");
            }
        }
    }

    [GeneratedRegex(@"\brate\s+of\s+(?<r>\d+(?:\.\d+)?)\s+per\s+(?<per>" + Num + @")\b[^.;]{0,40}?\bfrom\s+(?<n>" + Num + @")\s+[a-z][a-z ]{0,40}?\s+and\s+(?<d>" + Num + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex Rate();
}
