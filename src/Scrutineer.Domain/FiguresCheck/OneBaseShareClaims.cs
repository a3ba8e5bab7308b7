using System.Globalization;
using System.Text.RegularExpressions;

namespace Scrutineer.Domain.FiguresCheck;

/// <summary>
/// Shares of one stated base without their counts: "Of the same 7 tasks, 25% are complete and 33% ongoing". Each
/// percentage must be some whole number out of the base, rounded half away from zero to the decimals typed; a
/// percentage no whole number can give is flagged with the nearest ones that can. Sentences that speak of a change
/// (an increase, a fall) are left to the change readers, and a percentage with its count beside it to the share reader.
/// Regexes run without backtracking, so a hostile text cannot make the check hang.
/// </summary>
internal static partial class OneBaseShareClaims
{
    public static IEnumerable<(int Start, int Length, string Implied)> Find(string sentence)
    {
        if (Base().Match(sentence) is not { Success: true } stated || ChangeWord().IsMatch(sentence)
            || !int.TryParse(stated.Groups["m"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var whole) || whole is < 1 or > 100_000)
        {
            yield break;
        }

        foreach (Match m in BarePercent().Matches(sentence))
        {
            var typed = m.Groups["p"].Value;
            if (m.Groups["count"].Success || Figure.Parse(typed) is not { } p || p > 100)
            {
                continue;
            }

            var decimals = Figure.Decimals(typed);
            var below = (int)Math.Floor((double)p * whole / 100);
            if (Gives(below, whole, p, decimals) || Gives(below + 1, whole, p, decimals))
            {
                continue;
            }

            var low = Share(below, whole);
            var high = Share(Math.Min(below + 1, whole), whole);
            yield return (m.Index, m.Length,
                $"no whole number out of {whole} gives {typed}%: {below} of {whole} is {low}{(below + 1 <= whole ? $" and {below + 1} of {whole} is {high}" : "")}");
        }
    }

    private static bool Gives(int part, int whole, decimal typed, int decimals) =>
        part >= 0 && part <= whole && Figure.Agrees(typed, decimals, 100.0 * part / whole);

    private static string Share(int part, int whole) => Figure.Percent(100.0 * part / whole);

    [GeneratedRegex(@"\bof\s+(?:the\s+)?same\s+(?<m>\d{1,6})\s+[a-z]", RegexOptions.IgnoreCase)]
    private static partial Regex Base();

    [GeneratedRegex(@"(?<count>\(\s*)?\b(?<p>\d{1,3}(?:\.\d{1,3})?)\s*(?:%|per\s*cent\b)(?<count>\s*\()?", RegexOptions.IgnoreCase)]
    private static partial Regex BarePercent();

    [GeneratedRegex(@"\b(?:increase|decrease|rise|rose|risen|fell|fall|fallen|drop|dropped|reduction|reduced|decline|grew|growth|change)", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeWord();
}
