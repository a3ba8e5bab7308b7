using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;

namespace Scrutineer.Application.Demo;

/// <summary>
/// The demo plan's priorities (and three of its commitments) and the demo strategy's strands name the demo measures that show their progress, as an
/// analyst would link them, so the demo reports print figures. Measures the demo store does not hold are left out.
/// </summary>
internal static class DemoMeasureLinks
{
    private static readonly (int Priority, string[] Measures)[] Priorities =
    [
        (1, ["All crime", "Residential burglary"]),
        (2, ["Knife crime", "Robbery"]),
        (3, ["Domestic abuse"]),
        (4, ["Sexual offences", "Night-time economy violence"]),
        (8, ["Fraud", "Cyber-enabled crime"]),
        (11, ["Police officers"]),
    ];

    private static readonly (int Priority, int Commitment, string[] Measures)[] Commitments =
    [
        (1, 2, ["Residential burglary"]),
        (2, 1, ["Knife crime"]),
        (3, 1, ["Domestic abuse"]),
    ];

    private static readonly (string Strand, string[] Measures)[] Strands =
    [
        ("Domestic Abuse", ["Domestic abuse"]),
        ("Gangs and Knife Crime", ["Knife crime"]),
        ("Night-Time Economy", ["Night-time economy violence"]),
        ("Sexual Crime, Child Abuse and Exploitation", ["Sexual offences"]),
        ("Digital Crime and Fraud", ["Cyber-enabled crime", "Fraud"]),
        ("House Burglary and Street Robbery", ["Residential burglary", "Robbery"]),
        ("Hate Crime", ["Hate crime"]),
    ];

    public static async Task AddAsync(ScrutineerDb db, CancellationToken ct)
    {
        var held = await MeasureLinks.StoreNamesAsync(db, ct);
        List<LinkedMeasure> Held(string[] names) => names.Where(n => held.Contains(n, StringComparer.OrdinalIgnoreCase)).Select(n => new LinkedMeasure(n)).ToList();

        var plan = await db.Plans.OrderByDescending(p => p.Id).FirstOrDefaultAsync(p => p.Title == DemoForce.PlanTitle, ct);
        if (plan is not null)
        {
            var priorities = await db.Priorities.Where(p => p.PlanId == plan.Id).ToListAsync(ct);
            foreach (var (number, measures) in Priorities)
            {
                if (priorities.FirstOrDefault(p => p.Number == number) is { } priority)
                {
                    await MeasureLinks.SetForPriorityAsync(db, priority.Id, Held(measures), ct);
                }
            }

            var commitments = await db.Commitments.Include(c => c.Priority).Where(c => c.Priority.PlanId == plan.Id).ToListAsync(ct);
            foreach (var (number, commitmentNumber, measures) in Commitments)
            {
                if (commitments.FirstOrDefault(c => c.Priority.Number == number && c.Number == commitmentNumber) is { } commitment)
                {
                    await MeasureLinks.SetForCommitmentAsync(db, commitment.Id, Held(measures), ct);
                }
            }
        }

        var strands = await db.Strands.Where(s => s.StrategyId == db.Strategies.Where(x => x.Title == DemoStrategy.Title).Max(x => x.Id)).ToListAsync(ct);
        foreach (var (title, measures) in Strands)
        {
            if (strands.FirstOrDefault(s => s.Title == title) is { } strand)
            {
                await MeasureLinks.SetForStrandAsync(db, strand.Id, Held(measures), ct);
            }
        }
    }
}
