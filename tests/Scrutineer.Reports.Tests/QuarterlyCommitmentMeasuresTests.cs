using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Reports;
using Scrutineer.Domain.Statistics;
using Scrutineer.Testing;

namespace Scrutineer.Reports.Tests;

/// <summary>
/// Measures linked to a commitment: the quarterly report prints each one's rolling 12-month comparison and verdict under
/// its We Will, and lists it in the performance summary by the commitment's reference, on both engines.
/// </summary>
public sealed class QuarterlyCommitmentMeasuresTests
{
    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_MeasureLinkedToCommitment_PrintedUnderItsWeWillAndInTheSummary(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var september = new ReportingMonth(2023, 9);
        await using (var db = store.Open())
        {
            var (plan, round, updates) = SampleReports.QuarterlyPlan();
            db.Plans.Add(plan);
            db.Rounds.Add(round);
            db.Updates.AddRange(updates);
            var force = new Area("Test Force", AreaLevel.Force);
            var robbery = new Measure("Robbery", "crimes", MeasureKind.Count, BetterDirection.Lower, "", "test");
            var burglary = new Measure("Burglary", "crimes", MeasureKind.Count, BetterDirection.Lower, "", "test");
            db.AddRange(force, robbery, burglary);
            for (var i = 0; i < 24; i++)
            {
                var month = september.Plus(i - 23);
                db.Observations.Add(new Observation(robbery, force, PeriodKind.Month, month, i < 12 ? 10 : 12));
                db.Observations.Add(new Observation(burglary, force, PeriodKind.Month, month, 5));
            }

            await db.SaveChangesAsync();
            await MeasureLinks.SetForPriorityAsync(db, plan.Priorities[0].Id, [new("Burglary")]);
            await MeasureLinks.SetForCommitmentAsync(db, plan.Priorities[0].Commitments[1].Id, [new("Robbery", 150m)]);
        }

        ReportDocument report;
        await using (var db = store.Open())
        {
            report = await QuarterlyReport.BuildAsync(db, SampleReports.Q2, TestClock.DefaultStart, ReportVersion.Public);
        }

        var tables = report.Blocks.OfType<ReportTable>().ToList();
        var summary = tables.Single(t => t.Caption.StartsWith("Performance summary", StringComparison.Ordinal));
        Assert.Equal(
            [["Burglary", "1", "60", "60", "0", "0.0%", "No significant change"], ["Robbery", "1.2", "120", "144", "+24", "+20.0%", "No significant change"]],
            summary.Rows.Select(r => r.Cells.Take(7).Select(c => c.Text).ToArray()).ToArray());

        // The priority's own table holds its own link only; the commitment's measure is under its We Will.
        var priority1 = tables.Single(t => t.Caption.StartsWith("Priority 1: linked measures", StringComparison.Ordinal));
        Assert.Equal(["Burglary"], priority1.Rows.Select(r => r.Cells[0].Text));
        var weWills = tables.Single(t => t.Caption.StartsWith("Priority 1: delivery against each We Will", StringComparison.Ordinal));
        Assert.Equal(
            "Linked measures:\n• Robbery: 144 in the 12 months to Sep 2023, against 120 in the 12 months to Sep 2022 (+24, +20.0%): no significant change.",
            string.Join('\n', weWills.Rows[1].Cells[0].Text.Split('\n').SkipWhile(l => l != "Linked measures:")));
        Assert.DoesNotContain("Linked measures:", weWills.Rows[0].Cells[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Linked measures:", weWills.Rows[2].Cells[0].Text, StringComparison.Ordinal);
    }
}
