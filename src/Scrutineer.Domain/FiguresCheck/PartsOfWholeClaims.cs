using System.Globalization;
using System.Text.RegularExpressions;

namespace Scrutineer.Domain.FiguresCheck;

/// <summary>
/// Parts listed against a stated whole: "Over the period £1.60m was allocated. The force gave £0.23m to …, £0.40m to …
/// and £1.05m to …", "The £2.4m budget was split: £1.2m …, £0.8m … and £0.4m …", "A total of 120 referrals were
/// received: 50 from schools, 40 from GPs and 20 from families". The parts are a list in one sentence (the last after
/// "and"); the whole is the one figure of the sentence before, or a figure before a colon or "of which" in the same
/// sentence. Parts that add up to more than the whole are flagged; parts that add up to less only when the whole is
/// named a total or said to be split (otherwise the rest may simply be unlisted). Money is read with its rounding
/// ("£0.23m" is £225,000 to £235,000); lists that say "including", "such as" or an approximate word are left alone.
/// Regexes without lookarounds run without backtracking; the others have no nested repetition.
/// </summary>
internal static partial class PartsOfWholeClaims
{
    public static IEnumerable<(int Start, int Length, string Implied)> Find(string paragraph)
    {
        var sentences = SentenceBreak().Split(paragraph);
        var offsets = new int[sentences.Length];
        for (int i = 1, at = 0; i < sentences.Length; i++)
        {
            at = paragraph.IndexOf(sentences[i], at + sentences[i - 1].Length, StringComparison.Ordinal);
            offsets[i] = at;
        }

        for (var i = 0; i < sentences.Length; i++)
        {
            var sentence = sentences[i];
            if (NotAList().IsMatch(sentence))
            {
                continue;
            }

            foreach (var finding in MoneyParts(sentences, i).Concat(CountParts(sentences, i)))
            {
                yield return (offsets[i] + finding.Start, finding.Length, finding.Implied);
            }
        }
    }

    private static IEnumerable<(int Start, int Length, string Implied)> MoneyParts(string[] sentences, int i)
    {
        var sentence = sentences[i];
        var amounts = Money.Find(sentence).ToList();
        Money.Amount? whole = null;
        var cut = Divider().Match(sentence);
        var totalled = Partition().IsMatch(sentence);
        if (cut.Success && amounts.Where(a => a.Index < cut.Index).ToList() is { Count: 1 } before)
        {
            whole = before[0];
            amounts = amounts.Where(a => a.Index > cut.Index).ToList();
        }
        else if (i > 0 && Money.Find(sentences[i - 1]).ToList() is { Count: 1 } previous && !NotAList().IsMatch(sentences[i - 1]))
        {
            whole = previous[0];
            totalled |= Partition().IsMatch(sentences[i - 1]);
            if (Approximate().IsMatch(sentences[i - 1][..whole.Index]))
            {
                yield break;
            }
        }

        if (whole is null || amounts.Count < 2 || !ListedWithAnd(sentence, amounts.Select(a => (a.Index, a.Length)).ToList())
            || amounts.Any(a => Approximate().IsMatch(Before(sentence, a.Index))) || (cut.Success && Approximate().IsMatch(Before(sentence, whole.Index))))
        {
            yield break;
        }

        var sum = amounts.Sum(a => a.Pounds);
        var tolerance = amounts.Sum(a => a.Tolerance) + whole.Tolerance;
        if (sum > whole.Pounds + tolerance || (totalled && sum < whole.Pounds - tolerance))
        {
            var parts = string.Join(" + ", amounts.Select(a => a.Typed));
            var first = amounts[0];
            var last = amounts[^1];
            yield return (first.Index, last.Index + last.Length - first.Index,
                $"{parts} = {Money.Show(sum, whole)}, not the {whole.Typed} stated{(sum > whole.Pounds ? " (the parts are more than the whole)" : "")}");
        }
    }

    private static IEnumerable<(int Start, int Length, string Implied)> CountParts(string[] sentences, int i)
    {
        var sentence = sentences[i];
        var cut = Divider().Match(sentence);
        decimal whole;
        string wholeText;
        if (cut.Success && TotalCount().Match(sentence[..cut.Index]) is { Success: true } here)
        {
            wholeText = here.Groups["m"].Value;
        }
        else if (i > 0 && TotalCount().Match(sentences[i - 1]) is { Success: true } previous)
        {
            wholeText = previous.Groups["m"].Value;
        }
        else
        {
            yield break;
        }

        if (Figure.Parse(wholeText) is not { } parsed)
        {
            yield break;
        }

        whole = parsed;
        var from = cut.Success ? cut.Index + cut.Length : 0;
        var parts = Part().Matches(sentence[from..]).Select(m => (Index: from + m.Groups["n"].Index, Length: m.Groups["n"].Length, Value: Figure.Parse(m.Groups["n"].Value))).ToList();
        if (parts.Count < 2 || parts.Any(p => p.Value is null) || !ListedWithAnd(sentence, parts.Select(p => (p.Index, p.Length)).ToList())
            || parts.Any(p => Approximate().IsMatch(Before(sentence, p.Index)) || p.Value is >= 1990 and <= 2100) || sentence.Contains('%', StringComparison.Ordinal))
        {
            yield break;
        }

        var sum = parts.Sum(p => p.Value!.Value);
        if (sum != whole)
        {
            var first = parts[0];
            var last = parts[^1];
            yield return (first.Index, last.Index + last.Length - first.Index,
                $"{string.Join(" + ", parts.Select(p => Figure.Show(p.Value!.Value)))} = {Figure.Show(sum)}, not the total of {wholeText} stated");
        }
    }

    /// <summary>Parts are a list: separated by commas or semicolons, the last by "and".</summary>
    private static bool ListedWithAnd(string sentence, List<(int Index, int Length)> parts)
    {
        for (var k = 1; k < parts.Count; k++)
        {
            var between = sentence[(parts[k - 1].Index + parts[k - 1].Length)..parts[k].Index];
            var isLast = k == parts.Count - 1;
            if (isLast ? !AndWord().IsMatch(between) : !between.Contains(',', StringComparison.Ordinal) && !between.Contains(';', StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string Before(string sentence, int index) => sentence[Math.Max(0, index - 25)..index];

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z£])")]
    private static partial Regex SentenceBreak();

    /// <summary>Where a whole gives way to its parts in one sentence: a colon, "of which", "split/broken down into/as".</summary>
    [GeneratedRegex(@":|\bof\s+which\b|\b(?:split|broken\s+down|divided)\s+(?:into|as|between|across)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Divider();

    [GeneratedRegex(@"\btotal(?:led|ling|s)?\b|\bin\s+all\b|\bmade\s+up\s+of\b|\bcompris(?:ing|ed|es)\b|\bsplit\b|\bbroken\s+down\b|\bdivided\b", RegexOptions.IgnoreCase)]
    private static partial Regex Partition();

    [GeneratedRegex(@"\b(?:including|includes|included|such\s+as|among|amongst|for\s+example|e\.g|remaining|remainder|rest)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotAList();

    [GeneratedRegex(@"\b(?:more\s+than|over|about|around|approximately|approx|nearly|almost|some|at\s+least|up\s+to|under|less\s+than|roughly|circa|c\.)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Approximate();

    [GeneratedRegex(@"(?:,\s*|\s)and\s", RegexOptions.IgnoreCase)]
    private static partial Regex AndWord();

    /// <summary>A count named as a total: "a total of 120", "120 … in total", "totalling 120".</summary>
    [GeneratedRegex(@"\b(?:a\s+total\s+of|totall?ing|totall?ed)\s+(?<m>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,%£])|(?<![\d.,£])(?<m>\d{1,3}(?:,\d{3})+|\d+)\s+(?:[a-z]+\s+){0,2}in\s+total\b", RegexOptions.IgnoreCase)]
    private static partial Regex TotalCount();

    /// <summary>A counted part: a whole number followed by a word ("50 from schools", "40 referrals").</summary>
    [GeneratedRegex(@"(?<![\w.,£/(-])(?<n>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,%/)])\s+(?!(?:days?|weeks?|months?|quarters?|years?|hours?|per\s*cent|percent)\b)[a-z]", RegexOptions.IgnoreCase)]
    private static partial Regex Part();
}
