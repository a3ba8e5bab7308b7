using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.QuarterlyUpdates;

/// <summary>Strand narratives in the store, on both engines: written by the lead, reviewed, kept with their history.</summary>
public sealed class StrandNarrativesTests
{
    private static readonly FinancialQuarter Q2 = FinancialQuarter.Parse("Q2 2023/24");

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task WriteAsync_ThenReturnedAndApproved_StoredWithHistoryAndFoundAsApproved(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var now = TestClock.DefaultStart;
        await SeedAsync(store);
        await using (var db = store.Open())
        {
            var round = await ReportingRounds.FindAsync(db, Q2);
            var strand = await StrandNarratives.FindStrandAsync(db, "domestic abuse", Q2);
            var narrative = await StrandNarratives.WriteAsync(db, round, strand, Commentary.Parse("First draft."), Commentary.Parse("A named victim."), DeliveryStatus.AtRisk, "DCI Omar Patel", now);
            narrative.Submit(round, "DCI Omar Patel", now);
            narrative.Return(round, "C. Ashworth", "Say which tasks are at risk.", now.AddHours(1));
            await db.SaveChangesAsync();
        }

        await using (var db = store.Open())
        {
            var round = await ReportingRounds.FindAsync(db, Q2);
            var strand = await StrandNarratives.FindStrandAsync(db, "Domestic Abuse", Q2);
            var narrative = await StrandNarratives.WriteAsync(db, round, strand, Commentary.Parse("PREVENT 3 is at risk."), null, DeliveryStatus.AtRisk, "DCI Omar Patel", now.AddHours(2));
            narrative.Submit(round, "DCI Omar Patel", now.AddHours(2));
            narrative.Approve(round, "C. Ashworth", null, now.AddHours(3));
            await db.SaveChangesAsync();
        }

        await using (var db = store.Open())
        {
            var strandId = await db.Strands.Where(s => s.Title == "Domestic Abuse").Select(s => s.Id).SingleAsync();
            var approved = await StrandNarratives.ApprovedAsync(db, Q2, [strandId]);
            var narrative = Assert.Single(approved.Values);
            Assert.Equal("PREVENT 3 is at risk.", narrative.CommentaryText);
            Assert.Equal("A named victim.", narrative.SensitiveCommentaryText);
            Assert.Equal(UpdateState.Approved, narrative.State);
            Assert.Equal(
                [UpdateAction.Created, UpdateAction.Edited, UpdateAction.Submitted, UpdateAction.Returned, UpdateAction.Edited, UpdateAction.Submitted, UpdateAction.Approved],
                narrative.History.Select(h => h.Action));
            Assert.Equal("Say which tasks are at risk.", narrative.History[3].Comment);
            Assert.Empty(await StrandNarratives.ApprovedAsync(db, Q2.Next, [strandId]));
        }
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task FindStrandAsync_UnknownStrand_RefusedWithTheStrandsThereAre(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store);
        await using var db = store.Open();

        var ex = await Assert.ThrowsAsync<DomainException>(() => StrandNarratives.FindStrandAsync(db, "Knife Crime", Q2));

        Assert.Equal("No strand called 'Knife Crime' in 'Crime Prevention Strategy 2021-2024'. Strands: Domestic Abuse, Hate Crime.", ex.Message);
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task WriteAsync_MarkingTypedIntoOfficialText_RefusedAndNothingStored(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SeedAsync(store);
        await using (var db = store.Open())
        {
            var round = await ReportingRounds.FindAsync(db, Q2);
            var strand = await StrandNarratives.FindStrandAsync(db, "Hate Crime", Q2);
            var ex = await Assert.ThrowsAsync<DomainException>(() => StrandNarratives.WriteAsync(
                db, round, strand, Commentary.Parse("OFFICIAL-SENSITIVE: the informant's name."), null, DeliveryStatus.OnTrack, "Insp Nadia Hussain", TestClock.DefaultStart));
            Assert.StartsWith("The OFFICIAL commentary", ex.Message, StringComparison.Ordinal);
        }

        await using (var db = store.Open())
        {
            Assert.Equal(0, await db.StrandNarratives.CountAsync());
        }
    }

    private static async Task SeedAsync(TestStore store)
    {
        var strategy = new CrimePreventionStrategy("Crime Prevention Strategy 2021-2024", 2021, 2024, null);
        strategy.AddStrand("Domestic Abuse");
        strategy.AddStrand("Hate Crime");
        var plan = new PlanBuilder().WithPriority("Safer streets", 1).Build();
        var round = new ReportingRound(plan, Q2, new DateOnly(2023, 10, 20), TestClock.DefaultStart);
        await using var db = store.Open();
        db.Plans.Add(plan);
        db.Rounds.Add(round);
        db.Strategies.Add(strategy);
        await db.SaveChangesAsync();
    }
}
