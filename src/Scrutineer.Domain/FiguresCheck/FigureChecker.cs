using System.Text.RegularExpressions;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.FiguresCheck;

/// <summary>
/// The figures check: reads typed text (commentary, a pasted draft) and lists every numeric claim whose figures do not
/// agree — shares ("N out of M (P%)", "P% (N) of the M", shares of a stated total), changes ("an increase of P% from A
/// to B", "fell from A to B"), totals, differences and percentage differences in typed tables, and period labels
/// against the months they name, shares of a base stated elsewhere in the paragraph, parts listed against a stated whole
/// (money too), and shares listed together that cannot come from one total. Claims it cannot read are left alone: it never flags a claim whose figures agree.
/// </summary>
public static partial class FigureChecker
{
    /// <summary>Checks <paramref name="text"/>; each finding says where (<paramref name="where"/> and the line).</summary>
    /// <param name="text">The typed text; lines separated by new lines, paragraphs by blank lines.</param>
    /// <param name="where">Names the text's source, for example "Priority 3, 3.2 We will…, SCD update".</param>
    /// <param name="period">The reporting period the text belongs to, when known: checks "this quarter (…)" and "Data to: …".</param>
    public static IReadOnlyList<FigureInconsistency> Check(string text, string where, FinancialQuarter? period = null)
    {
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = normalised.Split('\n');
        var lineStarts = new int[lines.Length];
        for (int i = 1, offset = 0; i < lines.Length; i++)
        {
            offset += lines[i - 1].Length + 1;
            lineStarts[i] = offset;
        }

        var found = new List<(int Line, int Start, FigureInconsistency Finding)>();
        int LineOf(int index) => Array.FindLastIndex(lineStarts, s => s <= index) + 1;
        void Add(int start, int length, string implied)
        {
            var line = LineOf(start);
            found.Add((line, start, new FigureInconsistency(At(where, line), Claim(normalised.Substring(start, length)), implied)));
        }

        foreach (Match paragraph in Paragraphs().Matches(normalised))
        {
            foreach (var (start, length, implied) in ShareClaims.Find(paragraph.Value).Concat(ImpliedBaseClaims.Find(paragraph.Value)).Concat(PartsOfWholeClaims.Find(paragraph.Value)))
            {
                Add(paragraph.Index + start, length, implied);
            }

            foreach (Match sentence in Sentences().Matches(paragraph.Value))
            {
                foreach (var (start, length, implied) in ChangeClaims.Find(sentence.Value).Concat(ChangeClaims.FindArrows(sentence.Value)).Concat(StatedDifferenceClaims.Find(sentence.Value)).Concat(OneBaseShareClaims.Find(sentence.Value)).Concat(RateClaims.Find(sentence.Value)).Concat(CommonBaseShareClaims.Find(sentence.Value)))
                {
                    Add(paragraph.Index + sentence.Index + start, length, implied);
                }
            }
        }

        foreach (var (start, length, implied) in PeriodClaims.Find(normalised, period))
        {
            Add(start, length, implied);
        }

        foreach (var (line, claim, implied) in TableClaims.Find(lines))
        {
            found.Add((line + 1, lineStarts[line], new FigureInconsistency(At(where, line + 1), claim, implied)));
        }

        return found.OrderBy(f => f.Start).ThenBy(f => f.Finding.Claim, StringComparer.Ordinal).Select(f => f.Finding).Distinct().ToList();
    }

    private static string At(string where, int line) => string.IsNullOrEmpty(where) ? $"line {line}" : $"{where}, line {line}";

    private static string Claim(string text)
    {
        var claim = Whitespace().Replace(text, " ").Trim();
        return claim.Length <= 160 ? claim : claim[..157] + "…";
    }

    [GeneratedRegex(@"[^\n]+(?:\n[^\n]+)*")]
    private static partial Regex Paragraphs();

    [GeneratedRegex(@"(?:[^.!?;]|\.(?=\d)|\.(?=\s*[a-z(£\d])|\b(?:e\.g|i\.e|etc|approx|no|vs)\.)+[.!?;]?")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
