using System.Text;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.Reports;
using Scrutineer.Domain.Statistics;
using Scrutineer.Testing;

namespace Scrutineer.Reports.Tests;

/// <summary>
/// The quarterly report's "Compared with peers" table for each linked count measure when a peer group stands at the
/// report's month, and its "Harm-weighted crime" table when harm weights are loaded; neither when they are not.
/// </summary>
public sealed class QuarterlyPeerFiguresTests
{
    private static readonly ReportingMonth August = new(2023, 8);

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_PeerGroupAndHarmWeights_ComparedWithPeersAndHarmTables(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store, peers: true, harm: true);

        ReportDocument report;
        await using (var db = store.Open())
        {
            report = await QuarterlyReport.BuildAsync(db, SampleReports.Q2, TestClock.DefaultStart, ReportVersion.Public);
        }

        // As the command line reads it: over its own connection, with a context opened only for the peers and harm.
        await using (var reader = (await StoreReader.OpenAsync(store.Location))!)
        {
            var read = await QuarterlyReport.BuildAsync(reader, SampleReports.Q2, TestClock.DefaultStart, ReportVersion.Public);
            Assert.Equal(
                Encoding.UTF8.GetString(await RendererTests.RenderAsync(new HtmlReportRenderer(), report)),
                Encoding.UTF8.GetString(await RendererTests.RenderAsync(new HtmlReportRenderer(), read)));
        }

        var headings = report.Blocks.OfType<ReportHeading>().Select(h => h.Text).ToList();
        Assert.Contains("Compared with peers", headings);
        Assert.Contains("Harm-weighted crime", headings);
        var tables = report.Blocks.OfType<ReportTable>().ToList();
        var peers = tables.Single(t => t.Caption.StartsWith("Compared with peers: Robbery", StringComparison.Ordinal));
        Assert.Equal("Compared with peers: Robbery, Test Force and its peer group, the 12 months September 2022 to August 2023", peers.Caption);
        Assert.Equal(["Force", "12-month count", "Rank", "Against the peer average"], peers.Columns);
        var rows = peers.Rows.Select(r => r.Cells.Select(c => c.Text).ToList()).ToList();
        Assert.Equal(["Peer Alpha", "2,400", "1 of 3", ""], rows[0]);
        Assert.Equal("Test Force (this force)", rows[1][0]);
        Assert.Equal("144", rows[1][1]);
        Assert.Equal("2 of 3", rows[1][2]);
        Assert.StartsWith("\u221288.3%: Significantly lower than the peer average", rows[1][3], StringComparison.Ordinal);
        Assert.Equal(["Peer Beta", "60", "3 of 3", ""], rows[2]);
        Assert.Equal(["Peer average (2 peers, Test Force excluded)", "1,230.0", "", ""], rows[3]);
        var sentence = report.Blocks.OfType<ReportParagraph>().Single(p => p.Text.StartsWith("Robbery: Test Force compared with its peer group", StringComparison.Ordinal)).Text;
        Assert.Contains("(Peer Alpha, Peer Beta: the group on 31 August 2023)", sentence, StringComparison.Ordinal);
        Assert.Contains("the 12 months September 2022 to August 2023", sentence, StringComparison.Ordinal);

        var harm = tables.Single(t => t.Caption.StartsWith("Harm-weighted crime under the Test Harm Index", StringComparison.Ordinal));
        Assert.Equal(["Crime type", "Count", "Weight (days)", "Harm (days)"], harm.Columns);
        Assert.Equal(["Robbery", "144", "365.00 (national)", "52,560.00"], harm.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["Total", "144", "", "52,560.00"], harm.Rows[^1].Cells.Select(c => c.Text));
        var texts = report.Blocks.OfType<ReportParagraph>().Select(p => p.Text).ToList();
        Assert.Contains(texts, t => t.StartsWith("Harm = count × Test Harm Index weight in days", StringComparison.Ordinal) && t.Contains("Source: Test weights", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Compared with the 12 months September 2021 to August 2022: count +20.0%", StringComparison.Ordinal));

        var html = Encoding.UTF8.GetString(await RendererTests.RenderAsync(new HtmlReportRenderer(), report));
        Assert.Contains("Compared with peers: Robbery, Test Force and its peer group", html, StringComparison.Ordinal);
        using var word = Docx.Open(await RendererTests.RenderAsync(new DocxReportRenderer(), report));
        Docx.AssertValid(word);
        var body = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Peer average (2 peers, Test Force excluded)", body, StringComparison.Ordinal);
        Assert.Contains("52,560.00", body, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_NoPeerGroupNoWeights_NoPeerOrHarmTable(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store, peers: false, harm: false);

        ReportDocument report;
        await using (var db = store.Open())
        {
            report = await QuarterlyReport.BuildAsync(db, SampleReports.Q2, TestClock.DefaultStart, ReportVersion.Public);
        }

        Assert.DoesNotContain(report.Blocks.OfType<ReportHeading>(), h => h.Text is "Compared with peers" or "Harm-weighted crime");
        Assert.DoesNotContain(report.Blocks.OfType<ReportTable>(), t => t.Caption.StartsWith("Compared with peers", StringComparison.Ordinal) || t.Caption.StartsWith("Harm-weighted", StringComparison.Ordinal));
        Assert.Contains(report.Blocks.OfType<ReportTable>(), t => t.Caption.StartsWith("Performance summary", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_PeersWithoutWeights_PeerTableOnly(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store, peers: true, harm: false);

        ReportDocument report;
        await using (var db = store.Open())
        {
            report = await QuarterlyReport.BuildAsync(db, SampleReports.Q2, TestClock.DefaultStart, ReportVersion.Public);
        }

        var headings = report.Blocks.OfType<ReportHeading>().Select(h => h.Text).ToList();
        Assert.Contains("Compared with peers", headings);
        Assert.DoesNotContain("Harm-weighted crime", headings);
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_TwelveMonthsOnly_PeersStillCompared_HarmSaysWhyNotAgainstTheYearBefore_ThePlansForceNotTheBiggest(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store, peers: true, harm: true, forceMonths: 12, biggerForce: true);

        ReportDocument report;
        await using (var db = store.Open())
        {
            report = await QuarterlyReport.BuildAsync(db, SampleReports.Q2, TestClock.DefaultStart, ReportVersion.Public);
        }

        var tables = report.Blocks.OfType<ReportTable>().ToList();
        var peers = tables.Single(t => t.Caption.StartsWith("Compared with peers: Robbery", StringComparison.Ordinal));
        Assert.Equal("Compared with peers: Robbery, Test Force and its peer group, the 12 months September 2022 to August 2023", peers.Caption);
        Assert.Equal(["Test Force (this force)", "144", "2 of 3"], peers.Rows[1].Cells.Take(3).Select(c => c.Text));
        var texts = report.Blocks.OfType<ReportParagraph>().Select(p => p.Text).ToList();
        Assert.Contains("Not compared with the 12 months before (Sep 2021\u2013Aug 2022): the store does not hold every one of those months for every crime type.", texts);
        Assert.Contains(texts, t => t.StartsWith("Robbery (priority 1): the 12 months to August 2023 and the 12 before need every month", StringComparison.Ordinal));
    }

    private static async Task SeedAsync(TestStore store, bool peers, bool harm, int forceMonths = 24, bool biggerForce = false)
    {
        await using var db = store.Open();
        var (plan, round, updates) = SampleReports.QuarterlyPlan();
        db.Plans.Add(plan);
        db.Rounds.Add(round);
        db.Updates.AddRange(updates);
        var force = new Area("Test Force", AreaLevel.Force);
        var alpha = new Area("Peer Alpha", AreaLevel.Force);
        var beta = new Area("Peer Beta", AreaLevel.Force);
        var robbery = new Measure("Robbery", "crimes", MeasureKind.Count, BetterDirection.Lower, "", "test");
        db.AddRange(force, alpha, beta, robbery);
        for (var i = 0; i < 24; i++)
        {
            var month = August.Plus(i - 23);
            if (i >= 24 - forceMonths)
            {
                db.Observations.Add(new Observation(robbery, force, PeriodKind.Month, month, i < 12 ? 10 : 12));
            }

            if (i >= 12)
            {
                db.Observations.Add(new Observation(robbery, alpha, PeriodKind.Month, month, 200));
                db.Observations.Add(new Observation(robbery, beta, PeriodKind.Month, month, 5));
            }
        }

        if (peers)
        {
            db.PeerLinks.Add(new PeerLink(force, alpha, new DateOnly(2020, 1, 1), null));
            db.PeerLinks.Add(new PeerLink(force, beta, new DateOnly(2020, 1, 1), null));
        }

        if (biggerForce)
        {
            // A force with more figures and a peer group of its own: the plan names Test Force, so the report is about it.
            var big = new Area("Bigger Force", AreaLevel.Force);
            db.Areas.Add(big);
            for (var i = 0; i < 36; i++)
            {
                db.Observations.Add(new Observation(robbery, big, PeriodKind.Month, August.Plus(-i), 50));
            }

            db.PeerLinks.Add(new PeerLink(big, alpha, new DateOnly(2020, 1, 1), null));
            db.Units.Add(new Unit("Test Force", "TF", UnitKind.Force));
        }

        if (harm)
        {
            var index = new HarmIndex("Test Harm Index", "Test weights");
            db.HarmIndexes.Add(index);
            db.HarmWeights.Add(new HarmWeight(index, null, "Robbery", 365m));
        }

        await db.SaveChangesAsync();
        await MeasureLinks.SetForPriorityAsync(db, plan.Priorities[0].Id, [new("Robbery")]);
    }
}
