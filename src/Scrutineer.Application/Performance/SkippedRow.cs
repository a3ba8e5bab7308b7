using System.Globalization;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Performance;

/// <summary>A row an import left out and why: a force it cannot match to one the store holds (unmatched or ambiguous).</summary>
/// <param name="File">The file's name.</param>
/// <param name="Line">The 1-based line the row starts on.</param>
/// <param name="Field">The column ("force", "peer").</param>
/// <param name="Problem">What was wrong, in a sentence.</param>
public sealed record SkippedRow(string File, long Line, string Field, string Problem)
{
    /// <summary>"peers.csv:4: peer 'Norfolk' is not a force the store holds …; the row was skipped."</summary>
    public override string ToString() => $"{File}:{Line}: {Field} {Problem} The row was skipped.";

    /// <summary>
    /// What an import left out, as the command line prints it and the Data page shows it: a count, then one line per
    /// problem with the lines it covers ("harm.csv lines 2–14: force …"), since a weights file names each force 13 times.
    /// Nothing when nothing was skipped.
    /// </summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<SkippedRow> skipped)
    {
        if (skipped.Count == 0)
        {
            return [];
        }

        var lines = new List<string> { $"{Figures.Count(skipped.Count, "row was", "rows were")} skipped: the force is not one the store holds, or could be two." };
        foreach (var group in skipped.GroupBy(r => (r.File, r.Field, r.Problem)))
        {
            var numbers = group.Select(r => r.Line).ToList();
            lines.Add(numbers.Count == 1 ? group.First().ToString() : $"{group.Key.File} lines {Ranges(numbers)}: {group.Key.Field} {group.Key.Problem} The rows were skipped.");
        }

        return lines;
    }

    /// <summary>"2–14, 20": consecutive line numbers as ranges.</summary>
    private static string Ranges(IReadOnlyList<long> lines)
    {
        var parts = new List<string>();
        for (var i = 0; i < lines.Count;)
        {
            var j = i;
            while (j + 1 < lines.Count && lines[j + 1] == lines[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? lines[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{lines[i]}\u2013{lines[j]}"));
            i = j + 1;
        }

        return string.Join(", ", parts);
    }
}
