using Scrutineer.Application.Data;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Reports;
using Scrutineer.Testing;

namespace Scrutineer.Reports.Tests;

/// <summary>The strategy report drawn from a real store, on both engines: progress columns, overdue tasks, cover details.</summary>
public sealed class StrategyReportStoreTests
{
    private static readonly FinancialQuarter Q2 = FinancialQuarter.Parse("Q2 2023/24");

    /// <summary>
    /// One strand, five tasks as at 30 September 2023: OVERDUE due June 2023 and ongoing; LATER due December 2023;
    /// IDLE due 15 July 2023 and not started; DONE due June 2023 and complete; MONTHLY recurring.
    /// </summary>
    internal static async Task SeedAsync(TestStore store)
    {
        var strategy = new CrimePreventionStrategy("Crime Prevention Strategy 2021-2024", 2021, 2024, null);
        var plan = strategy.AddStrand("Hate Crime").PlanTitled("Hate Crime 4P plan");
        var created = new DateOnly(2023, 4, 1);
        void Add(int number, string text, string due, DeliveryTaskStatus? status)
        {
            var task = plan.AddTask(FourPStage.Prevent, number, text, created, "test");
            task.Describe(text, null, "Hate crime lead", null, TaskDueParser.Parse(due).Due);
            if (status is { } s)
            {
                task.ChangeStatus(s, new DateOnly(2023, 5, 1), "test");
            }
        }

        Add(1, "OVERDUE train call handlers", "Jun-23", DeliveryTaskStatus.Ongoing);
        Add(2, "LATER review reporting centres", "Dec-23", DeliveryTaskStatus.Ongoing);
        Add(3, "IDLE publish the victim leaflet", "15/7/23", null);
        Add(4, "DONE launch the campaign", "Jun-23", DeliveryTaskStatus.Complete);
        Add(5, "MONTHLY report to the board", "Monthly", DeliveryTaskStatus.Ongoing);
        await using var db = store.Open();
        db.Strategies.Add(strategy);
        await db.SaveChangesAsync();
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task DataAsync_QuarterEnded_NotStartedOnItsOwnAndOverdueAsAtTheQuartersLastDay(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store);
        await using var db = store.Open();

        var data = await StrategyReport.DataAsync(db, Q2, TestClock.DefaultStart, ReportVersion.Full);

        var strand = Assert.Single(data.Strands);
        Assert.Equal((5, 1, 3, 1, 0), (strand.Total, strand.Complete, strand.Ongoing, strand.NotStarted, strand.AtRisk));
        Assert.Equal(new DateOnly(2023, 9, 30), data.OverdueOn);
        Assert.Equal(
            [("PREVENT 1 – OVERDUE train call handlers", "Jun-23", new DateOnly(2023, 6, 30), "ongoing"), ("PREVENT 3 – IDLE publish the victim leaflet", "15/7/23", new DateOnly(2023, 7, 15), "not started")],
            data.Overdue.Select(o => (o.Task, o.Due, o.DueOn, o.Status)));
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task DataAsync_QuarterInProgress_OverdueAsAtTodayInLondon(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store);
        await using var db = store.Open();

        // 23:30 UTC on 14 July is 00:30 on 15 July in London (BST): IDLE, due 15 July, is not yet overdue.
        var data = await StrategyReport.DataAsync(db, Q2, new DateTimeOffset(2023, 7, 14, 23, 30, 0, TimeSpan.Zero), ReportVersion.Full);

        Assert.Equal(new DateOnly(2023, 7, 15), data.OverdueOn);
        Assert.Equal(new DateOnly(2023, 7, 15), data.Metadata.Written);
        Assert.Equal(["PREVENT 1 – OVERDUE train call handlers"], data.Overdue.Select(o => o.Task));
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_CoverDetailsAndOverdueNarrative_PrintedAtTheFront(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store);
        await using var db = store.Open();
        var cover = StrategyReportCover.Parse("6.0", "30/11/2023", "V3", "2023-10-16", "07/11/2023");

        var report = await StrategyReport.BuildAsync(db, Q2, TestClock.DefaultStart, ReportVersion.Public, null, cover);

        var about = report.AllBlocks().OfType<ReportTable>().Single(t => t.Caption == "About this paper");
        var fields = about.Rows.ToDictionary(r => r.Cells[0].Text, r => r.Cells[1].Text);
        Assert.Equal("6.0", fields["Agenda Number:"]);
        Assert.Equal("30/11/2023", fields["Date of Meeting:"]);
        Assert.Equal("V3", fields["Version Number:"]);
        Assert.Equal("16/10/2023", fields["Date Paper was Written:"]);
        Assert.Equal("07/11/2023", fields["Date of Approval:"]);
        var blocks = report.AllBlocks().ToList();
        var front = blocks.TakeWhile(b => b is not ReportHeading { Text: "4.0 Introduction/Background" }).ToList();
        var overdue = front.OfType<ReportBulletList>().Single();
        Assert.Equal(
            ["Hate Crime: PREVENT 1 – OVERDUE train call handlers, due Jun-23 (30/06/2023), ongoing", "Hate Crime: PREVENT 3 – IDLE publish the victim leaflet, due 15/7/23 (15/07/2023), not started"],
            overdue.Items);
        Assert.Contains(front.OfType<ReportParagraph>(), p => p.Text == "Two tasks past their due date and not complete on 30/09/2023:");
    }
}
