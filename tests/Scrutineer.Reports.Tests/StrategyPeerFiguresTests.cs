using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Reports;
using Scrutineer.Domain.Statistics;
using Scrutineer.Testing;

namespace Scrutineer.Reports.Tests;

/// <summary>The strategy report's "Compared with peers" table under a strand's insights when a peer group stands; none without one.</summary>
public sealed class StrategyPeerFiguresTests
{
    private static readonly FinancialQuarter Q2 = FinancialQuarter.Parse("Q2 2023/24");

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_PeerGroup_StrandCarriesComparedWithPeersTable(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store, peers: true);

        ReportDocument report;
        await using (var db = store.Open())
        {
            report = await StrategyReport.BuildAsync(db, Q2, TestClock.DefaultStart, ReportVersion.Public);
        }

        Assert.Contains(report.Blocks.OfType<ReportParagraph>(), p => p.Text == "Compared with peers:" && p.Style == ParagraphStyle.Strong);
        Assert.DoesNotContain(report.Blocks.OfType<ReportHeading>(), h => h.Text == "Compared with peers");
        var table = report.Blocks.OfType<ReportTable>().Single(t => t.Caption.StartsWith("Compared with peers: Hate crime", StringComparison.Ordinal));
        Assert.Equal("Compared with peers: Hate crime, Test Force and its peer group, the 12 months October 2022 to September 2023", table.Caption);
        var rows = table.Rows.Select(r => r.Cells.Select(c => c.Text).ToList()).ToList();
        Assert.Equal(["Test Force (this force)", "1,200", "1 of 2"], rows[0].Take(3));
        Assert.Equal(["Peer Alpha", "600", "2 of 2", ""], rows[1]);
        Assert.Equal(["Peer average (1 peer, Test Force excluded)", "600.0", "", ""], rows[2]);
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_NoPeerGroup_NoComparedWithPeers(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store, peers: false);

        ReportDocument report;
        await using (var db = store.Open())
        {
            report = await StrategyReport.BuildAsync(db, Q2, TestClock.DefaultStart, ReportVersion.Public);
        }

        Assert.DoesNotContain(report.Blocks.OfType<ReportParagraph>(), p => p.Text == "Compared with peers:");
        Assert.DoesNotContain(report.Blocks.OfType<ReportTable>(), t => t.Caption.StartsWith("Compared with peers", StringComparison.Ordinal));
        Assert.Contains(report.Blocks.OfType<ReportTable>(), t => t.Caption.StartsWith("Hate Crime: the 12 months", StringComparison.Ordinal));
    }

    private static async Task SeedAsync(TestStore store, bool peers)
    {
        await StrategyReportStoreTests.SeedAsync(store);
        await using var db = store.Open();
        var force = new Area("Test Force", AreaLevel.Force);
        var alpha = new Area("Peer Alpha", AreaLevel.Force);
        var hate = new Measure("Hate crime", "crimes", MeasureKind.Count, BetterDirection.Lower, "", "test");
        db.AddRange(force, alpha, hate);
        var september = Q2.LastMonth;
        for (var i = 0; i < 24; i++)
        {
            var month = september.Plus(i - 23);
            db.Observations.Add(new Observation(hate, force, PeriodKind.Month, month, 100));
            if (i >= 12)
            {
                db.Observations.Add(new Observation(hate, alpha, PeriodKind.Month, month, 50));
            }
        }

        if (peers)
        {
            db.PeerLinks.Add(new PeerLink(force, alpha, new DateOnly(2020, 1, 1), null));
        }

        await db.SaveChangesAsync();
        var strand = await db.Strands.SingleAsync(s => s.Title == "Hate Crime");
        await MeasureLinks.SetForStrandAsync(db, strand.Id, [new("Hate crime")]);
    }
}
