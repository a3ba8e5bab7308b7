using System.Text;

namespace Scrutineer.Application.Performance;

/// <summary>
/// The one rule that matches a force named in an imported file (a peer table, a harm weights table) to a force the
/// store holds, as data.police.uk's "Falls within" names it: the exact name; else the name followed by a known suffix
/// (" Police", " Constabulary", " Police Service", " Service"), so "Essex" is "Essex Police" and "Metropolitan Police"
/// is "Metropolitan Police Service". Case is ignored, "&amp;" and "and" are the same, and runs of spaces are one.
/// A name that fits two forces is ambiguous; one that fits none is unmatched. Neither is guessed.
/// </summary>
public sealed class ForceNames
{
    /// <summary>The suffixes a force's name may carry beyond the name a file gives.</summary>
    public static readonly IReadOnlyList<string> Suffixes = ["Police", "Constabulary", "Police Service", "Service"];

    private readonly Dictionary<string, List<string>> byKey = new(StringComparer.Ordinal);

    /// <summary>A matcher over the names of the forces the store holds.</summary>
    public ForceNames(IEnumerable<string> forces)
    {
        foreach (var force in forces)
        {
            var key = Key(force);
            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
            }

            list.Add(force);
        }
    }

    /// <summary>The force <paramref name="name"/> means, or why none.</summary>
    public ForceNameMatch Match(string name)
    {
        var key = Key(name);
        if (key.Length == 0)
        {
            return ForceNameMatch.None(name);
        }

        if (byKey.TryGetValue(key, out var exact))
        {
            return exact.Count == 1 ? ForceNameMatch.Of(name, exact[0]) : ForceNameMatch.Many(name, exact);
        }

        var candidates = Suffixes.SelectMany(s => byKey.GetValueOrDefault(key + " " + Key(s)) ?? []).Distinct(StringComparer.Ordinal).ToList();
        return candidates.Count switch
        {
            0 => ForceNameMatch.None(name),
            1 => ForceNameMatch.Of(name, candidates[0]),
            _ => ForceNameMatch.Many(name, candidates),
        };
    }

    /// <summary>The name as compared: lower case, "&amp;" as "and", single spaces, trimmed.</summary>
    public static string Key(string name)
    {
        var text = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && text.Length > 0)
            {
                text.Append(' ');
            }

            space = false;
            if (c == '&')
            {
                text.Append(text.Length > 0 && text[^1] != ' ' ? " and" : "and");
                space = true;
                continue;
            }

            text.Append(c);
        }

        return text.ToString();
    }
}
