using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Reliability.Tests.Concurrency;

/// <summary>
/// Several contributors saving the first draft of the same update at once: each read "no update yet" and adds one.
/// The load test (benchmarks/load-test.sh) found the losers answered 500 (a unique-key error); they must be refused as
/// a concurrent change, which the web app shows as "someone else changed this", with the winner's text kept.
/// </summary>
public sealed class ConcurrentStartTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task UpdateStart_EightRacingFirstDrafts_OneSavedTheOthersRefusedAsAConflict(StoreProvider provider)
    {
        const int racers = 8;
        await using var store = await TestStore.CreateAsync(provider);
        var clock = new TestClock();
        var seed = await Seed.CreateAsync(store, clock);
        int commitmentId, unitId;
        await using (var db = store.Open())
        {
            var taken = await db.Updates.Select(u => new { u.CommitmentId, u.UnitId }).ToListAsync();
            var commitments = await db.Commitments.Include("responsibilities.Unit").Where(c => c.Priority.PlanId == seed.PlanId).ToListAsync();
            (commitmentId, unitId) = commitments.SelectMany(c => c.Units.Select(u => (c.Id, u.Id)))
                .First(s => !taken.Any(t => t.CommitmentId == s.Item1 && t.UnitId == s.Item2));
        }

        using var loaded = new Barrier(racers);
        var outcomes = await Task.WhenAll(Enumerable.Range(1, racers).Select(i => Task.Run(async () =>
        {
            await using var db = store.Open();
            var round = await db.Rounds.SingleAsync(r => r.Id == seed.RoundId);
            var commitment = await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit").SingleAsync(c => c.Id == commitmentId);
            var unit = await db.Units.SingleAsync(u => u.Id == unitId);
            Assert.False(await db.Updates.AnyAsync(u => u.RoundId == round.Id && u.CommitmentId == commitmentId && u.UnitId == unitId));
            var update = new QuarterlyUpdate(round, commitment, unit, $"Contributor {i}", clock.GetUtcNow());
            update.Edit(round, Commentary.Parse($"First draft from contributor {i}."), DeliveryStatus.OnTrack, $"Contributor {i}", clock.GetUtcNow());
            db.Updates.Add(update);
            loaded.SignalAndWait(TimeSpan.FromSeconds(30));
            try
            {
                await db.SaveChangesAsync();
                return (Contributor: i, Saved: true);
            }
            catch (DbUpdateConcurrencyException)
            {
                return (Contributor: i, Saved: false);
            }
        })));

        var winner = Assert.Single(outcomes, o => o.Saved);
        await using var read = store.Open();
        var stored = await read.Updates.SingleAsync(u => u.RoundId == seed.RoundId && u.CommitmentId == commitmentId && u.UnitId == unitId);
        Assert.Equal($"First draft from contributor {winner.Contributor}.", stored.CommentaryText);
        Assert.Equal([UpdateAction.Created, UpdateAction.Edited], stored.History.Select(h => h.Action));
        Assert.Equal(1, await read.AuditEntries.CountAsync(e => e.Entity == "Updates" && e.Action == Application.Audit.AuditAction.Added && e.Key == $"Id={stored.Id}"));
    }
}
