using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Documents;
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
        return Write(plan, units);
    }

    /// <summary>The plan file text for <paramref name="plan"/> (loaded with priorities, commitments and units).</summary>
    public static string Write(Plan plan, IReadOnlyList<Unit> units)
    {
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
            }
        }

        return y.ToString();
    }

    /// <summary>Units in the order they were stored, each parent moved ahead of its first child.</summary>
    private static List<Unit> ParentsFirst(IReadOnlyList<Unit> units)
    {
        var byId = units.ToDictionary(u => u.Id);
        var ordered = new List<Unit>();
        var written = new HashSet<int>();

        void Emit(Unit unit, int depth)
        {
            if (written.Contains(unit.Id))
            {
                return;
            }

            if (unit.ParentId is { } parentId && depth < units.Count && byId.TryGetValue(parentId, out var parent))
            {
                Emit(parent, depth + 1);
            }

            written.Add(unit.Id);
            ordered.Add(unit);
        }

        foreach (var unit in units.OrderBy(u => u.Id))
        {
            Emit(unit, 0);
        }

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
