using System.Globalization;
using System.Text.RegularExpressions;
using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Documents;

/// <summary>
/// Finds a protective marking typed into text. Classification is data (the OFFICIAL-SENSITIVE part of a record), never
/// a prefix in the text, so OFFICIAL text that carries a marking in any spelling is refused: any case, spaces, hyphens
/// or dashes, brackets or none ("OFFICIAL-SENSITIVE", "Official Sensitive", "[official–sensitive]", "OFFICIALSENSITIVE").
/// </summary>
public static partial class MarkingInText
{
    /// <summary>The first marking in <paramref name="text"/>, with its line (from 1); null when there is none.</summary>
    public static MarkingFound? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var line = 1 + text.AsSpan(0, match.Index).Count('\n');
        return new MarkingFound(match.Value, line);
    }

    /// <summary>
    /// The text with every marking taken out, with the brackets and punctuation that framed it
    /// ("OFFICIAL-SENSITIVE: names withheld" → "names withheld"); used when text marked the old way moves to its sensitive part.
    /// </summary>
    public static string Remove(string text) =>
        string.Join(' ', Framed().Replace(text, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim();

    /// <summary>Refuses OFFICIAL text that carries a marking, saying where it is and what to do instead.</summary>
    /// <param name="text">The OFFICIAL text.</param>
    /// <param name="field">What the text is, as the user knows it: "The commentary", "Row 4's commentary".</param>
    /// <exception cref="DomainException">The text holds a marking.</exception>
    public static void RefuseIn(string? text, string field)
    {
        if (Find(text) is { } found)
        {
            throw new DomainException(Describe(found, field));
        }
    }

    /// <summary>The message for a marking found in OFFICIAL text.</summary>
    public static string Describe(MarkingFound found, string field) => string.Create(
        CultureInfo.InvariantCulture,
        $"{field} contains the marking \"{found.Text}\" on line {found.Line}. OFFICIAL text cannot carry a marking: move that text into the OFFICIAL-SENSITIVE part and delete the marking.");

    // "official", then any run of spaces, dashes, underscores, dots, colons, slashes or brackets, then "sensitive".
    [GeneratedRegex(@"\bofficial[\s\p{Pd}_.:/\\\[\]()]*sensitive\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"[\[(]?\s*\bofficial[\s\p{Pd}_.:/\\\[\]()]*sensitive\b\s*[\])]?\s*[:\p{Pd}]?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Framed();
}
