using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Plans;

/// <summary>
/// Writes a plan from the store as a plan file (YAML) that <see cref="PlanFileReader"/> reads back to the same plan.
/// All units in the store are written, parents before children, so responsibilities always resolve.
/// </summary>
public static partial class PlanFileWriter
{
    /// <exception cref="Domain.Common.DomainException">No plan with that title.</exception>
    public static async Task<string> WriteAsync(ScrutineerDb db, string planTitle, CancellationToken cancellationToken = default)
    {
        var plan = await PlanLoader.LoadAsync(db, planTitle, cancellationToken);
        var units = await db.Units.AsNoTracking().Include(u => u.Parent).ToListAsync(cancellationToken);
        var priorityIds = plan.Priorities.Select(p => p.Id).ToList();
        var commitmentIds = plan.Commitments.Select(c => c.Id).ToList();
        var links = await db.MeasureLinks.AsNoTracking().Include(l => l.Measure)
            .Where(l => (l.PriorityId != null && priorityIds.Contains(l.PriorityId.Value)) || (l.CommitmentId != null && commitmentIds.Contains(l.CommitmentId.Value)))
            .OrderBy(l => l.Id).ToListAsync(cancellationToken);
        return Write(plan, units, links);
    }

    /// <summary>The plan file text for <paramref name="plan"/> (loaded with priorities, commitments and units) and its measure links (with their measures).</summary>
    public static string Write(Plan plan, IReadOnlyList<Unit> units, IReadOnlyList<MeasureLink>? links = null)
    {
        links ??= [];
        var y = new StringBuilder();
        y.Append("# Scrutineer plan file (format: docs/plan-file.md)\n");
        y.Append("plan:\n");
        y.Append(CultureInfo.InvariantCulture, $"  title: {Scalar(plan.Title)}\n");
        y.Append(CultureInfo.InvariantCulture, $"  first_year: {Scalar(plan.FirstYear.ToString())}\n");
        y.Append(CultureInfo.InvariantCulture, $"  last_year: {Scalar((plan.OriginalLastYear ?? plan.LastYear).ToString())}\n");
        if (plan.OriginalLastYear is not null)
        {
            y.Append(CultureInfo.InvariantCulture, $"  extended_to: {Scalar(plan.LastYear.ToString())}\n");
            if (plan.ExtensionReason is not null)
            {
                y.Append(CultureInfo.InvariantCulture, $"  extension_reason: {Scalar(plan.ExtensionReason)}\n");
            }
        }

        y.Append("  document:\n");
        y.Append(CultureInfo.InvariantCulture, $"    version: {Scalar(plan.Metadata.Version)}\n");
        y.Append(CultureInfo.InvariantCulture, $"    author_unit: {Scalar(plan.Metadata.AuthorUnit)}\n");
        y.Append(CultureInfo.InvariantCulture, $"    author: {Scalar(plan.Metadata.Author)}\n");
        y.Append(CultureInfo.InvariantCulture, $"    owner: {Scalar(plan.Metadata.DocumentOwner)}\n");
        y.Append(CultureInfo.InvariantCulture, $"    classification: {plan.Metadata.Classification.Marking()}\n");

        y.Append("\nunits:\n");
        foreach (var unit in ParentsFirst(units))
        {
            y.Append(CultureInfo.InvariantCulture, $"  - short: {Scalar(unit.ShortName)}\n");
            y.Append(CultureInfo.InvariantCulture, $"    name: {Scalar(unit.Name)}\n");
            y.Append(CultureInfo.InvariantCulture, $"    kind: {UnitKindNames.Name(unit.Kind)}\n");
            if (unit.ParentId is { } parentId)
            {
                y.Append(CultureInfo.InvariantCulture, $"    parent: {Scalar(units.First(u => u.Id == parentId).ShortName)}\n");
            }
        }

        y.Append("\npriorities:\n");
        foreach (var priority in plan.Priorities)
        {
            y.Append(CultureInfo.InvariantCulture, $"  - number: {priority.Number}\n");
            y.Append(CultureInfo.InvariantCulture, $"    title: {Scalar(priority.Title)}\n");
            y.Append(CultureInfo.InvariantCulture, $"    objective: {Scalar(priority.Objective)}\n");
            Measures(y, "    ", links.Where(l => l.PriorityId == priority.Id));
            y.Append("    commitments:\n");
            foreach (var commitment in priority.Commitments)
            {
                y.Append(CultureInfo.InvariantCulture, $"      - we_will: {Scalar(commitment.Text)}\n");
                y.Append(CultureInfo.InvariantCulture, $"        who: [{string.Join(", ", commitment.Units.Select(u => Scalar(u.ShortName, flow: true)))}]\n");
                if (commitment.SubPoints.Count > 0)
                {
                    y.Append("        sub_points:\n");
                    foreach (var point in commitment.SubPoints)
                    {
                        y.Append(CultureInfo.InvariantCulture, $"          - {Scalar(point)}\n");
                    }
                }

                if (commitment.CarriesForward is { } earlier)
                {
                    y.Append("        carries_forward:\n");
                    y.Append(CultureInfo.InvariantCulture, $"          plan: {Scalar(earlier.Priority.Plan.Title)}\n");
                    y.Append(CultureInfo.InvariantCulture, $"          commitment: {Scalar(earlier.Reference)}\n");
                }

                Measures(y, "        ", links.Where(l => l.CommitmentId == commitment.Id));
            }
        }

        return y.ToString();
    }

    private static void Measures(StringBuilder y, string indent, IEnumerable<MeasureLink> links)
    {
        var list = links.ToList();
        if (list.Count == 0)
        {
            return;
        }

        y.Append(indent).Append("measures:\n");
        foreach (var link in list)
        {
            y.Append(CultureInfo.InvariantCulture, $"{indent}  - name: {Scalar(link.Measure.Name)}\n");
            if (link.Target is { } target)
            {
                y.Append(CultureInfo.InvariantCulture, $"{indent}    target: {target.ToString("0.####", CultureInfo.InvariantCulture)}\n");
            }

            if (link.Better is { } better)
            {
                y.Append(CultureInfo.InvariantCulture, $"{indent}    better: {better.ToString().ToLowerInvariant()}\n");
            }
        }
    }

    /// <summary>
    /// Units as a tree, each followed by its sub-units; siblings by kind (force, commands, LPAs, districts, teams,
    /// partners) then short name. The order depends on the units alone, so two stores holding the same units write
    /// the same file.
    /// </summary>
    private static List<Unit> ParentsFirst(IReadOnlyList<Unit> units)
    {
        var children = units.ToLookup(u => u.ParentId is { } id && units.Any(p => p.Id == id) ? id : (int?)null);
        var ordered = new List<Unit>();

        void Emit(int? parentId)
        {
            foreach (var unit in children[parentId].OrderBy(u => u.Kind).ThenBy(u => u.ShortName, StringComparer.Ordinal))
            {
                ordered.Add(unit);
                Emit(unit.Id);
            }
        }

        Emit(null);
        return ordered;
    }

    /// <summary>A YAML scalar: plain where that reads back as the same text, double-quoted otherwise.</summary>
    internal static string Scalar(string value, bool flow = false)
    {
        var plain = value.Length > 0
            && PlainSafe().IsMatch(value)
            && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal)
            && !value.EndsWith(':') && !value.EndsWith(' ')
            && !(flow && value.IndexOfAny([',', '[', ']', '{', '}']) >= 0)
            && !Reserved().IsMatch(value);
        if (plain)
        {
            return value;
        }

        var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
        return "\"" + escaped + "\"";
    }

    [GeneratedRegex(@"^[A-Za-z(][^\n\r\t""'\\`]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^(?i:true|false|yes|no|on|off|null|y|n|~)$")]
    private static partial Regex Reserved();
}
