using System.Text.RegularExpressions;

namespace Scrutineer.Domain.FiguresCheck;

/// <summary>
/// A change whose difference is stated beside its two levels: "from 474 to 516 (42 additional)", "from 474 to 516
/// (+42)", "from 120 to 108 (−12)", "from 120 to 108 (12 fewer)", and "increased by 123 members to 3,108,
/// from 2,985". The stated difference must be B − A: a signed or worded difference also in its direction.
/// Regexes run without backtracking, so a hostile text cannot make the check hang.
/// </summary>
internal static partial class StatedDifferenceClaims
{
    private const string Num = Figure.Pattern;

    public static IEnumerable<(int Start, int Length, string Implied)> Find(string sentence)
    {
        foreach (Match m in Bracketed().Matches(sentence))
        {
            if (Judge(m) is { } implied)
            {
                yield return (m.Index, m.Length, implied);
            }
        }

        foreach (Match m in ByToFrom().Matches(sentence))
        {
            if (Judge(m) is { } implied)
            {
                yield return (m.Index, m.Length, implied);
            }
        }
    }

    private static string? Judge(Match m)
    {
        // A percentage in brackets ("from 474 to 516 (+8.9%)") is a change's percentage, read by the change reader.
        var after = m.Groups["d"].Index + m.Groups["d"].Length;
        var rest = m.Value[(after - m.Index)..].TrimStart();
        if (rest.StartsWith('%') || rest.StartsWith("per cent", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("percent", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (Figure.Parse(m.Groups["a"].Value) is not { } a || Figure.Parse(m.Groups["b"].Value) is not { } b || Figure.Parse(m.Groups["d"].Value) is not { } d)
        {
            return null;
        }

        var sign = m.Groups["s"].Value;
        var up = m.Groups["up"].Success;
        var down = m.Groups["down"].Success;
        var actual = b - a;
        var expected = sign.Length > 0 || up || down
            ? (sign is "-" or "−" || down ? -d : d)
            : (actual >= 0 ? d : -d);
        if (expected == actual)
        {
            return null;
        }

        var change = actual == 0 ? "no change" : $"{(actual > 0 ? "an increase" : "a decrease")} of {Figure.Show(Math.Abs(actual))}";
        return $"{Figure.Show(a)} to {Figure.Show(b)} is {change}, not {Stated(sign, up, down, m.Groups["d"].Value)}";
    }

    private static string Stated(string sign, bool up, bool down, string d) =>
        sign.Length > 0 ? sign + d : up ? $"an increase of {d}" : down ? $"a decrease of {d}" : d;

    /// <summary>"from A to B (…N additional…)", "(+N)", "(−N)", "(N fewer)". "(a reduction of N)" is read with the other change words.</summary>
    [GeneratedRegex(@"\bfrom\s+(?<a>" + Num + @")\s+(?:[a-z]+\s+){0,4}to\s+(?<b>" + Num + @")(?:\s+[a-z][a-z ,/'\-]{0,60})?\s*\(\s*(?:(?<s>[+\-−])\s*(?<d>" + Num + @")|(?<d>" + Num + @")\s+(?:(?<up>additional|more|extra)|(?<down>fewer|less))\b)[^()]{0,40}\)", RegexOptions.IgnoreCase)]
    private static partial Regex Bracketed();

    /// <summary>"increased by N … to B, from A".</summary>
    [GeneratedRegex(@"\b(?:(?<up>increased|rose|grew|went\s+up)|(?<down>decreased|fell|reduced|dropped|went\s+down))\s+by\s+(?<d>" + Num + @")\s+(?:[a-z]+\s+){0,4}to\s+(?<b>" + Num + @")\s*,?\s+from\s+(?<a>" + Num + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex ByToFrom();
}
