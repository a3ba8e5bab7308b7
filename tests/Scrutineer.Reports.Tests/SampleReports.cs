using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Domain.Reports;
using Scrutineer.Testing;

namespace Scrutineer.Reports.Tests;

/// <summary>Plans, rounds and documents the report tests draw.</summary>
internal static class SampleReports
{
    public static readonly FinancialQuarter Q2 = FinancialQuarter.Parse("Q2 2023/24");

    /// <summary>
    /// Three priorities (3, 2 and 1 commitments); every update approved except 2.2 by C (a draft) and 3.1 (none); with
    /// <paramref name="sensitive"/>, 1.1's update has an OFFICIAL-SENSITIVE part ("The operation name is withheld.").
    /// </summary>
    public static (Plan Plan, ReportingRound Round, List<QuarterlyUpdate> Updates) QuarterlyPlan(bool sensitive = false)
    {
        var builder = new PlanBuilder().WithPriority("Safer streets", 3).WithPriority("Roads", 2).WithPriority("Volunteers", 1);
        var plan = builder.Build();
        plan.SetMetadata(new DocumentMetadata("2.1", "Performance Analysis Unit", "A. Author 123", "B. Owner 456", Classification.Official));
        var clock = new TestClock(new DateTimeOffset(2023, 9, 25, 9, 0, 0, TimeSpan.Zero));
        var round = new ReportingRound(plan, Q2, new DateOnly(2023, 10, 20), clock.GetUtcNow());
        var updates = new List<QuarterlyUpdate>();
        foreach (var commitment in plan.Commitments)
        {
            foreach (var unit in commitment.Units)
            {
                if (commitment.Reference == "3.1")
                {
                    continue;
                }

                var update = new QuarterlyUpdate(round, commitment, unit, "Writer", clock.GetUtcNow());
                var text = $"{unit.ShortName} Update:\n\nProgress on {commitment.Reference} this quarter.\n\n- 12 visits made\n- 3 events held";
                var sensitivePart = sensitive && commitment.Reference == "1.1" ? Commentary.Parse("The operation name is withheld.") : null;
                update.Edit(round, Commentary.Parse(text), DeliveryStatus.OnTrack, "Writer", clock.GetUtcNow(), sensitivePart);
                if (!(commitment.Reference == "2.2" && unit.ShortName == "C"))
                {
                    update.Submit(round, "Writer", clock.GetUtcNow());
                    update.Approve(round, "Reviewer", null, clock.GetUtcNow());
                }

                updates.Add(update);
            }
        }

        return (plan, round, updates);
    }

    /// <summary>A document with every kind of block: heading, paragraphs, list, table with totals, bar and SPC charts.</summary>
    public static ReportDocument EveryBlock(Classification classification = Classification.Official)
    {
        var months = Enumerable.Range(0, 24).Select(i => new ReportingMonth(2021, 4).Plus(i).ToString()).ToList();
        var values = Enumerable.Range(0, 24).Select(i => (double?)(300 + ((i * 37) % 90))).ToList();
        return new ReportDocument("Sample report", classification,
        [
            new ReportParagraph("Sample report", ParagraphStyle.Title),
            new ReportContents([]),
            new ReportHeading(1, "1.0 Purpose of Report", NewPage: true),
            new ReportParagraph("This report shows every kind of block."),
            new ReportBulletList(["First point", "Second point"]),
            new ReportHeading(2, "1.1 Progress"),
            new ReportTable("Delivery progress", ["Strand", "Total actions", "Complete"], [ReportRow.Of("A", "3", "1"), ReportRow.Of("B", "2", "2"), ReportRow.Total("Total", "5", "3")])
            {
                NumericColumns = new HashSet<int> { 1, 2 },
            },
            new ReportChart(ChartKind.Bar, "Crimes recorded each month", "Bar chart of crimes recorded each month from April 2021 to March 2023.", months, [new ChartSeries("Crimes", values)]),
            new ReportChart(ChartKind.Spc, "SPC chart of crimes recorded each month", "XmR chart: values with mean and process limits.", months,
            [
                new ChartSeries("Crimes", values),
                new ChartSeries("Mean", values.Select(_ => (double?)340).ToList(), Dashed: true),
                new ChartSeries("Upper process limit", values.Select(_ => (double?)420).ToList(), Dashed: true),
            ]),
            new ReportParagraph("A closing paragraph."),
        ]);
    }
}
