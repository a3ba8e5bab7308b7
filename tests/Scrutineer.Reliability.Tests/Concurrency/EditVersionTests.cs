using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Concurrency;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Reliability.Tests.Concurrency;

public sealed class EditVersionTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task PlanEdit_FromAnOlderVersion_IsRefusedAndTheFirstEditKept(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var seed = await Seed.CreateAsync(store, new TestClock());
        await using var first = store.Open();
        await using var second = store.Open();
        var firstPlan = await first.Plans.SingleAsync(p => p.Id == seed.PlanId);
        var secondPlan = await second.Plans.SingleAsync(p => p.Id == seed.PlanId);
        Assert.Equal(0, EditVersion.Of(first, firstPlan));

        firstPlan.Describe("First editor's title", firstPlan.FirstYear, firstPlan.LastYear);
        await first.SaveChangesAsync();
        secondPlan.Describe("Second editor's title", secondPlan.FirstYear, secondPlan.LastYear);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var read = store.Open();
        var stored = await read.Plans.SingleAsync(p => p.Id == seed.PlanId);
        Assert.Equal("First editor's title", stored.Title);
        Assert.Equal(1, EditVersion.Of(read, stored));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Expect_StaleVersionFromAForm_IsRefused_CurrentVersionSaves(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            db.Units.Add(new Unit("India Team", "I", UnitKind.Team));
            await db.SaveChangesAsync();
            var unit = await db.Units.SingleAsync();
            unit.Rename("India Team (1)", "I");
            await db.SaveChangesAsync();
            Assert.Equal(1, EditVersion.Of(db, unit));
        }

        await using (var db = store.Open())
        {
            var unit = await db.Units.SingleAsync();
            unit.Rename("India Team (from an old form)", "I");
            EditVersion.Expect(db, unit, 0);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }

        await using (var db = store.Open())
        {
            var unit = await db.Units.SingleAsync();
            unit.Rename("India Team (2)", "I");
            EditVersion.Expect(db, unit, 1);
            await db.SaveChangesAsync();
        }

        await using var read = store.Open();
        var stored = await read.Units.SingleAsync();
        Assert.Equal("India Team (2)", stored.Name);
        Assert.Equal(2, EditVersion.Of(read, stored));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task SubPointsChanged_MovesTheCommitmentsVersionOn_SoAConcurrentRewordIsRefused(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var seed = await Seed.CreateAsync(store, new TestClock());
        await using var first = store.Open();
        await using var second = store.Open();
        var a = await first.Commitments.SingleAsync(c => c.Id == seed.CommitmentId);
        var b = await second.Commitments.Include(c => c.Priority).SingleAsync(c => c.Id == seed.CommitmentId);

        a.SetSubPoints(["working with schools", "working with councils"]);
        await first.SaveChangesAsync();
        Assert.Equal(1, EditVersion.Of(first, a));

        b.Reword("A rewording made without seeing the new sub-points");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    /// <summary>
    /// Real concurrent saves: eight contexts read the same update, wait for one another, then all save at once.
    /// Exactly one wins; the rest are refused; the store holds the winner's text and one more history entry.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task UpdateEdit_EightRacingSaves_ExactlyOneWinsAndNothingIsOverwritten(StoreProvider provider)
    {
        const int racers = 8;
        await using var store = await TestStore.CreateAsync(provider);
        var clock = new TestClock();
        var seed = await Seed.CreateAsync(store, clock);
        int historyBefore;
        await using (var db = store.Open())
        {
            historyBefore = (await db.Updates.SingleAsync(u => u.Id == seed.UpdateId)).History.Count;
        }

        using var loaded = new Barrier(racers);
        var outcomes = await Task.WhenAll(Enumerable.Range(1, racers).Select(i => Task.Run(async () =>
        {
            await using var db = store.Open();
            var update = await db.Updates.Include(u => u.Round).Include(u => u.Commitment).ThenInclude(c => c.Priority).Include(u => u.Unit)
                .SingleAsync(u => u.Id == seed.UpdateId);
            update.Edit(update.Round, Commentary.Parse($"Text from editor {i}."), DeliveryStatus.AtRisk, $"Editor {i}", clock.GetUtcNow());
            loaded.SignalAndWait(TimeSpan.FromSeconds(30));
            try
            {
                await db.SaveChangesAsync();
                return (Editor: i, Saved: true);
            }
            catch (DbUpdateConcurrencyException)
            {
                return (Editor: i, Saved: false);
            }
        })));

        var winner = Assert.Single(outcomes, o => o.Saved);
        await using var read = store.Open();
        var stored = await read.Updates.SingleAsync(u => u.Id == seed.UpdateId);
        Assert.Equal($"Text from editor {winner.Editor}.", stored.CommentaryText);
        Assert.Equal(historyBefore + 1, stored.History.Count);
        Assert.Equal(1, await read.AuditEntries.CountAsync(e => e.Entity == "Updates" && e.Action == Application.Audit.AuditAction.Modified));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Round_NewPlanRowsStartAtVersionZero(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        var plan = new PlanBuilder().Build();
        db.Plans.Add(plan);
        db.Rounds.Add(new ReportingRound(plan, new FinancialQuarter(new FinancialYear(2023), 1), new DateOnly(2023, 7, 31), TestClock.DefaultStart));
        await db.SaveChangesAsync();

        Assert.All(plan.Priorities, p => Assert.Equal(0, EditVersion.Of(db, p)));
        Assert.Equal(0, EditVersion.Of(db, plan));
    }
}
