using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Testing;

/// <summary>Builds small plans for tests: <c>new PlanBuilder().WithPriority("Roads", 2).Build()</c>.</summary>
public sealed class PlanBuilder
{
    private readonly List<(string Title, int Commitments)> priorities = [];
    private string title = "Test Plan 2023-2026";
    private FinancialYear first = new(2023);
    private FinancialYear last = new(2025);

    /// <summary>The units the built commitments are given: A (Force), B (Command), C (LPA).</summary>
    public Unit[] Units { get; } =
    [
        new("Alpha Force", "A", UnitKind.Force),
        new("Bravo Command", "B", UnitKind.Command),
        new("Charlie Local Policing Area", "C", UnitKind.LocalPolicingArea),
    ];

    public PlanBuilder Titled(string value)
    {
        title = value;
        return this;
    }

    public PlanBuilder Covering(FinancialYear firstYear, FinancialYear lastYear)
    {
        first = firstYear;
        last = lastYear;
        return this;
    }

    /// <summary>Adds a priority with <paramref name="commitments"/> commitments; odd ones belong to B, even ones to B and C.</summary>
    public PlanBuilder WithPriority(string priorityTitle, int commitments)
    {
        priorities.Add((priorityTitle, commitments));
        return this;
    }

    public Plan Build()
    {
        var plan = new Plan(title, first, last);
        foreach (var (priorityTitle, count) in priorities.DefaultIfEmpty(("Keeping people safe", 2)))
        {
            var priority = plan.AddPriority(priorityTitle, "keep people safe");
            for (var i = 1; i <= count; i++)
            {
                priority.AddCommitment($"Deliver {priorityTitle.ToLowerInvariant()} action {i}", i % 2 == 1 ? [Units[1]] : [Units[1], Units[2]]);
            }
        }

        return plan;
    }
}
