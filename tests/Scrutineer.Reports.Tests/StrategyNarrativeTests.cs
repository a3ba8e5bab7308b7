using Scrutineer.Application.Data;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Domain.Reports;
using Scrutineer.Testing;

namespace Scrutineer.Reports.Tests;

/// <summary>
/// The strategy report prints each strand's approved narrative for the quarter under the strand: the public version its
/// OFFICIAL part only, the full version its OFFICIAL-SENSITIVE part too, labelled; a strand with none approved says so.
/// </summary>
public sealed class StrategyNarrativeTests
{
    private const string Official = "Hate crime reporting centres opened in every district.";
    private const string Sensitive = "One centre is run from a location that is not published.";

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_ApprovedNarrative_PublicOfficialOnly_FullBothMarked_OthersSayNone(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store);

        ReportDocument publicVersion, full;
        await using (var db = store.Open())
        {
            publicVersion = await StrategyReport.BuildAsync(db, SampleReports.Q2, TestClock.DefaultStart, ReportVersion.Public);
            full = await StrategyReport.BuildAsync(db, SampleReports.Q2, TestClock.DefaultStart, ReportVersion.Full);
        }

        Assert.Equal(
            ["Lead's narrative for Q2 (July–September 2023):", Official, "Insights:"],
            StrandSection(publicVersion, "Hate Crime").Take(3));
        Assert.DoesNotContain(Sensitive, Texts(publicVersion));
        Assert.Equal(Classification.Official, publicVersion.Classification);

        Assert.Equal(
            ["Lead's narrative for Q2 (July–September 2023):", Official, "OFFICIAL-SENSITIVE", Sensitive, "Insights:"],
            StrandSection(full, "Hate Crime").Take(5));
        Assert.Equal(Classification.OfficialSensitive, full.Classification);

        // Domestic Abuse's narrative is submitted, not approved: neither version prints it.
        foreach (var report in new[] { publicVersion, full })
        {
            Assert.Equal(["Lead's narrative for Q2 (July–September 2023):", "No narrative approved for this quarter.", "Insights:"], StrandSection(report, "Domestic Abuse").Take(3));
            Assert.DoesNotContain("Not yet approved", Texts(report));
        }
    }

    /// <summary>Two strands; Hate Crime's Q2 narrative approved with a sensitive part, Domestic Abuse's only submitted.</summary>
    private static async Task SeedAsync(TestStore store)
    {
        var strategy = new CrimePreventionStrategy("Crime Prevention Strategy 2021-2024", 2021, 2024, null);
        var hate = strategy.AddStrand("Hate Crime");
        var abuse = strategy.AddStrand("Domestic Abuse");
        var (plan, round, _) = SampleReports.QuarterlyPlan();
        var now = new DateTimeOffset(2023, 10, 2, 9, 0, 0, TimeSpan.Zero);
        var approved = new StrandNarrative(round, hate, "Insp Nadia Hussain", now);
        approved.Edit(round, Commentary.Parse(Official), DeliveryStatus.OnTrack, "Insp Nadia Hussain", now, Commentary.Parse(Sensitive));
        approved.Submit(round, "Insp Nadia Hussain", now);
        approved.Approve(round, "C. Ashworth", null, now.AddDays(1));
        var submitted = new StrandNarrative(round, abuse, "DCI Omar Patel", now);
        submitted.Edit(round, Commentary.Parse("Not yet approved."), DeliveryStatus.OnTrack, "DCI Omar Patel", now);
        submitted.Submit(round, "DCI Omar Patel", now);
        await using var db = store.Open();
        db.Plans.Add(plan);
        db.Rounds.Add(round);
        db.Strategies.Add(strategy);
        db.StrandNarratives.AddRange(approved, submitted);
        await db.SaveChangesAsync();
    }

    /// <summary>The paragraph texts after the strand's "Thematic Lead" line, up to the next heading.</summary>
    private static IEnumerable<string> StrandSection(ReportDocument report, string strand) =>
        report.AllBlocks().SkipWhile(b => b is not ReportHeading h || !h.Text.EndsWith(strand, StringComparison.Ordinal)).Skip(2)
            .TakeWhile(b => b is not ReportHeading).OfType<ReportParagraph>().Select(p => p.Text);

    private static List<string> Texts(ReportDocument report) => report.AllBlocks().OfType<ReportParagraph>().Select(p => p.Text).ToList();
}
