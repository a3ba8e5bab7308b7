using System.Text.RegularExpressions;

namespace Scrutineer.Domain.FiguresCheck;

/// <summary>
/// Changes: "an increase of P% from A to B", "fell by P% from June 2021 (357) to July 2021 (445)", "from A in 2019/20 to
/// B in 2022/23, a reduction of P per cent", "rose from A to B", "B, compared with A". The direction word must match the
/// direction of the figures; a stated percentage must be (B−A)/A rounded as typed (or, for two percentages, the
/// difference in points); a stated absolute change must be |B−A|. "up 9% from A to B", "down 4%" and "increased 9%" (no
/// "by") are read as changes too.
/// </summary>
internal static partial class ChangeClaims
{
    private const string Num = Figure.Pattern;

    /// <summary>After a figure: it is not the length of a period ("the previous 12 months"), so not a level compared.</summary>
    private const string NotPeriodLength = @"(?!\s*(?:days?|weeks?|months?|quarters?|years?)\b)";

    public static IEnumerable<(int Start, int Length, string Implied)> Find(string sentence)
    {
        var pairs = FromTo().Matches(sentence).Cast<Match>()
            .Select(m => (m.Index, m.Length, A: m.Groups["a"].Value, B: m.Groups["b"].Value, Percent: m.Groups["ap"].Success && m.Groups["bp"].Success))
            .Concat(ChangeFrom().Matches(sentence).Cast<Match>()
                .Select(m => (m.Index, m.Length, A: m.Groups["a"].Value, B: m.Groups["b"].Value, Percent: false)))
            .Concat(ComparedWith().Matches(sentence).Cast<Match>()
                .Select(m => (m.Index, m.Length, A: m.Groups["a"].Value, B: m.Groups["b"].Value, Percent: false)))
            .OrderBy(p => p.Index)
            .ToList();
        var words = Change().Matches(sentence).Cast<Match>().ToList();
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            var windowStart = i == 0 ? 0 : pairs[i - 1].Index + pairs[i - 1].Length;
            var windowEnd = i + 1 < pairs.Count ? pairs[i + 1].Index : sentence.Length;
            var before = words.LastOrDefault(w => w.Index >= windowStart && w.Index + w.Length <= pair.Index);
            var inside = words.FirstOrDefault(w => w.Index >= pair.Index && w.Index < pair.Index + pair.Length);
            var after = words.FirstOrDefault(w => w.Index >= pair.Index + pair.Length && w.Index < windowEnd);
            // A change word before the pair but beyond a comma ("a reduction of 50 per cent, and theft from A to B, a
            // reduction of 11 per cent") usually belongs to the clause before: the word after the pair comes first then.
            var beforeAcrossClause = before is not null && sentence[(before.Index + before.Length)..pair.Index].Contains(',', StringComparison.Ordinal);
            Match?[] candidates = beforeAcrossClause ? [inside, after, before] : [before, inside, after];
            var word = candidates.FirstOrDefault(w => w is not null && (w.Groups["p"].Success || w.Groups["n"].Success)) ?? candidates.FirstOrDefault(w => w is not null);
            if (word is null || Figure.Parse(pair.A) is not { } a || Figure.Parse(pair.B) is not { } b || IsYear(pair.A) || IsYear(pair.B))
            {
                continue;
            }

            var start = Math.Min(word.Index, pair.Index);
            var end = Math.Max(word.Index + word.Length, pair.Index + pair.Length);
            if (Judge(word, a, b, pair.Percent) is { } implied)
            {
                yield return (start, end - start, implied);
            }
        }
    }

    /// <summary>"3291 → 4177, +886, +26.9%": the signed difference must be B − A and the signed percentage (B − A) / A.</summary>
    public static IEnumerable<(int Start, int Length, string Implied)> FindArrows(string sentence)
    {
        foreach (Match m in Arrow().Matches(sentence))
        {
            if (Figure.Parse(m.Groups["a"].Value) is not { } a || Figure.Parse(m.Groups["b"].Value) is not { } b || IsYear(m.Groups["a"].Value) || IsYear(m.Groups["b"].Value))
            {
                continue;
            }

            if (m.Groups["d"].Success && Figure.Parse(m.Groups["d"].Value) is { } d && Signed(m.Groups["ds"].Value, d) is var typed
                && (m.Groups["ds"].Value.Length > 0 ? typed != b - a : d != Math.Abs(b - a)))
            {
                yield return (m.Index, m.Length, $"{Figure.Show(a)} to {Figure.Show(b)} is a difference of {Signed(b - a)}, not {m.Groups["ds"].Value}{m.Groups["d"].Value}");
                continue;
            }

            if (m.Groups["p"].Success && a != 0 && Figure.Parse(m.Groups["p"].Value) is { } p)
            {
                var exact = (double)((b - a) / a * 100m);
                var sign = m.Groups["ps"].Value;
                var agrees = Figure.Agrees(p, Figure.Decimals(m.Groups["p"].Value), Math.Abs(exact))
                    && (sign.Length == 0 || p == 0 || (sign == "+") == (exact > 0));
                if (!agrees)
                {
                    yield return (m.Index, m.Length, $"{Figure.Show(a)} to {Figure.Show(b)} is {(exact >= 0 ? "+" : "−")}{Figure.Percent(Math.Abs(exact))}, not {sign}{m.Groups["p"].Value}%");
                }
            }
        }
    }

    private static decimal Signed(string sign, decimal magnitude) => sign is "-" or "−" ? -magnitude : magnitude;

    private static string Signed(decimal value) => (value >= 0 ? "+" : "−") + Figure.Show(Math.Abs(value));

    private static bool IsYear(string text) => text.Length == 4 && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2100;

    private static string? Judge(Match word, decimal a, decimal b, bool percentages)
    {
        var rising = word.Groups["up"].Success;
        var stated = word.Groups["p"].Success ? word.Groups["p"].Value : null;
        var absolute = word.Groups["n"].Success ? word.Groups["n"].Value : null;
        if (a == b)
        {
            return $"{Figure.Show(a)} to {Figure.Show(b)} is no change, not {(rising ? "an increase" : "a decrease")}";
        }

        if (rising != (b > a))
        {
            return $"{Figure.Show(a)} to {Figure.Show(b)} is {(b > a ? "an increase" : "a decrease")}, not {(rising ? "an increase" : "a decrease")}";
        }

        if (stated is not null && Figure.Parse(stated) is { } p)
        {
            var relative = a == 0 ? double.NaN : (double)(Math.Abs(b - a) / a * 100m);
            var points = (double)Math.Abs(b - a);
            var decimals = Figure.Decimals(stated);
            var agrees = (!double.IsNaN(relative) && Figure.Agrees(p, decimals, relative)) || (percentages && Figure.Agrees(p, decimals, points));
            if (!agrees)
            {
                return double.IsNaN(relative)
                    ? $"a change from 0 has no percentage, so {stated}% cannot be right"
                    : $"{Figure.Show(a)} to {Figure.Show(b)} is {(b > a ? "an increase" : "a decrease")} of {Figure.Percent(relative)}, not {stated}%";
            }
        }

        if (absolute is not null && Figure.Parse(absolute) is { } n && n != Math.Abs(b - a))
        {
            return $"{Figure.Show(a)} to {Figure.Show(b)} is a change of {Figure.Show(Math.Abs(b - a))}, not {absolute}";
        }

        return null;
    }

    [GeneratedRegex(@"\bfrom\s+(?:[A-Za-z][\w/&'\- ]{0,40}?\s*\(\s*(?<a>" + Num + @")\s*\)|(?<a>" + Num + @")(?<ap>\s*%)?(?:\s+(?:in|during|for|at)\s+(?:the\s+)?(?:\w+\s+)?[\w/]+)?)\s+(?:up\s+|down\s+)?to\s+(?:[A-Za-z][\w/&'\- ]{0,40}?\s*\(\s*(?<b>" + Num + @")\s*\)|(?<b>" + Num + @")(?<bp>\s*%)?)", RegexOptions.IgnoreCase)]
    private static partial Regex FromTo();

    [GeneratedRegex(@"(?<![\w.,])(?<b>" + Num + @")(?![\d%])" + NotPeriodLength + @"[^.;()\d]{0,60}?,\s*(?:an?\s+|the\s+)?(?:increase|rise|decrease|reduction|fall|drop|decline)\s+(?:of\s+(?:\d+(?:\.\d+)?\s*(?:%|per\s*cent)|" + Num + @")\s+)?(?:from|on|upon|compared\s+(?:with|to))\s+(?:[^.;\d]{0,30}?)(?<![A-Za-z])(?<a>" + Num + @")(?![\d%])" + NotPeriodLength + @"(?!\s+to\s)", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeFrom();

    [GeneratedRegex(@"(?<![\w.,])(?<b>" + Num + @")(?![\d%])" + NotPeriodLength + @"[^.;()]{0,50}?,?\s+compared\s+(?:with|to)\s+(?:[^.;\d]{0,30}?)(?<![A-Za-z])(?<a>" + Num + @")(?![\d%])" + NotPeriodLength + @"", RegexOptions.IgnoreCase)]
    private static partial Regex ComparedWith();

    [GeneratedRegex(@"(?<![\w.,])(?<a>" + Num + @")\s*(?:→|->)\s*(?<b>" + Num + @")(?![\d%])(?:\s*,\s*(?<ds>[+\-−]?)(?<d>" + Num + @")(?![\d.%]))?(?:\s*,\s*(?<ps>[+\-−]?)(?<p>\d+(?:\.\d+)?)\s*%)?")]
    private static partial Regex Arrow();

    [GeneratedRegex(@"\b(?:(?<up>increase[sd]?|increasing|rise|rises|rising|rose|risen|grew|grown|growth|went\s+up|gone\s+up|uplift)|(?<down>decrease[sd]?|decreasing|reduction|reductions|reduced|reduce[sd]?|fall|falls|falling|fell|fallen|drop|drops|dropped|decline[sd]?|declining|went\s+down|gone\s+down))\b(?:\s+(?:of|by)\s+(?:just\s+|around\s+|about\s+|nearly\s+|almost\s+|over\s+|some\s+)?(?:(?<p>\d+(?:\.\d+)?)\s*(?:%|per\s*cent)|(?<n>" + Num + @")(?![\d.,]|\s*(?:%|per\s*cent)))|\s+(?<p>\d+(?:\.\d+)?)\s*(?:%|per\s*cent))?|\b(?:(?<up>up)|(?<down>down))\s+(?:by\s+)?(?<p>\d+(?:\.\d+)?)\s*(?:%|per\s*cent)|(?<p>\d+(?:\.\d+)?)\s*(?:%|per\s*cent)\s+(?:(?<up>increase|rise|uplift)|(?<down>decrease|reduction|fall|drop|decline))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Change();
}
