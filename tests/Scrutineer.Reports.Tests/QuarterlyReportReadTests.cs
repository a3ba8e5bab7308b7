using System.Text;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Plans;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Domain.Reports;
using Scrutineer.Testing;

namespace Scrutineer.Reports.Tests;

/// <summary>
/// The quarterly report reads its plan, round and updates over the store's connection (decision 0183). What it reads must
/// be what EF loads: the same plan (titles, document details, numbers with gaps, sub-points, units in order), the same
/// updates, and so the same report, on both engines.
/// </summary>
public sealed class QuarterlyReportReadTests
{
    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_OverTheConnection_SameReportAsFromThePlanAndUpdatesEfLoads(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (plan, round, updates) = SampleReports.QuarterlyPlan(sensitive: true);
        plan.SetMetadata(new DocumentMetadata("3.4", "Strategic Planning", "C. Writer 789", "D. Owner 012", Classification.OfficialSensitive));
        var safer = plan.Priorities[0];
        var fifth = safer.AddCommitment("Open a fifth hub, numbered after a gap.", [safer.Commitments[1].Units[1], safer.Commitments[1].Units[0]], ["First point", "Second point"], number: 5);
        await using (var db = store.Open())
        {
            db.Plans.Add(plan);
            db.Rounds.Add(round);
            db.Updates.AddRange(updates);
            await db.SaveChangesAsync();
        }

        Plan loaded;
        ReportingRound loadedRound;
        List<QuarterlyUpdate> loadedUpdates;
        await using (var db = store.Open())
        {
            loadedRound = await db.Rounds.SingleAsync();
            loaded = await PlanLoader.ByIdAsync(db, loadedRound.PlanId);
            loadedUpdates = await db.Updates.Include(u => u.Commitment).ThenInclude(c => c.Priority).Include(u => u.Unit).ToListAsync();
        }

        await using var reader = (await StoreReader.OpenAsync(store.Location))!;
        var read = await PlanLoader.ReadAsync(reader, loadedRound.PlanId);
        Assert.Equal(Outline(loaded), Outline(read));
        Assert.Contains("1.5 Open a fifth hub, numbered after a gap. [First point; Second point] by C:Charlie Local Policing Area:LocalPolicingArea, B:Bravo Command:Command", Outline(read));
        Assert.Equal(
            loadedUpdates.Select(ReportedUpdate.Of).OrderBy(u => u.Commitment).ThenBy(u => u.Unit).Select(Text),
            (await ReportedUpdate.ReadAsync(reader, loadedRound.Id)).OrderBy(u => u.Commitment).ThenBy(u => u.Unit).Select(Text));

        foreach (var version in new[] { ReportVersion.Full, ReportVersion.Public })
        {
            var expected = QuarterlyReport.Build(loaded, loadedRound, loadedUpdates, TestClock.DefaultStart, version);
            var actual = await QuarterlyReport.BuildAsync(reader, SampleReports.Q2, TestClock.DefaultStart, version);
            Assert.Equal(await HtmlAsync(expected), await HtmlAsync(actual));
            Assert.Equal(expected.Marking, actual.Marking);
        }

        var full = await HtmlAsync(await QuarterlyReport.BuildAsync(reader, SampleReports.Q2, TestClock.DefaultStart, ReportVersion.Full));
        Assert.Contains("The operation name is withheld.", full, StringComparison.Ordinal);
        Assert.Contains("Open a fifth hub, numbered after a gap.", full, StringComparison.Ordinal);
        Assert.Contains("Version No: 3.4", full, StringComparison.Ordinal);
        Assert.Equal("1.5", fifth.Reference);
    }

    [Fact]
    public async Task Context_StoreWriter_RefusedWithWhy()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var writer = (await StoreWriter.OpenAsync(store.Location))!;

        var refused = Assert.Throws<InvalidOperationException>(() => writer.Context());

        Assert.Equal("A store writer has no EF context: read through the writer's own connection.", refused.Message);
    }

    private static List<string> Outline(Plan plan) =>
    [
        $"{plan.Title} {plan.FirstYear}–{plan.LastYear} {plan.Metadata}",
        .. plan.Priorities.Select(p => $"{p.Heading} ({p.Number}): {p.Objective}"),
        .. plan.Commitments.Select(c => $"{c.Reference} {c.Text} [{string.Join("; ", c.SubPoints)}] by "
            + string.Join(", ", c.Units.Select(u => $"{u.ShortName}:{u.Name}:{u.Kind}"))),
    ];

    private static string Text(ReportedUpdate update) =>
        $"{update.Commitment} {update.Unit} {update.State} [{update.Official}] [{update.Sensitive}]";

    private static async Task<string> HtmlAsync(ReportDocument document) =>
        Encoding.UTF8.GetString(await RendererTests.RenderAsync(new HtmlReportRenderer(), document));
}
