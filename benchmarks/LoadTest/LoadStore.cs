using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Demo;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.LoadTest;

/// <summary>
/// Builds the demo force into a new store (an SQLite file, or an empty PostgreSQL database), makes every unit responsible for every commitment of the plan whose
/// round is open, and adds the run's contributors: contributor i writes for one unit,
/// the units' writable slots in the open round (draft, returned or not yet started) are dealt out among the unit's
/// contributors, and every third contributor also takes its neighbour's slots, so that some slots have two writers
/// racing on them (the optimistic concurrency check must refuse the loser, never lose or duplicate a save).
/// </summary>
internal static class LoadStore
{
    public static async Task<IReadOnlyList<LoadAccount>> BuildAsync(string store, int users, string prefix, CancellationToken ct)
    {
        var location = StoreLocation.Resolve(store);
        await using var db = location.Open();
        await StoreSchema.UpgradeAsync(db, ct);
        if (!await DemoForce.BuiltThisStoreAsync(db, ct))
        {
            // A second run on the same store (the rehearsal's failover run) adds its contributors under another prefix.
            await DemoForce.BuildAsync(db, new DemoSettings(DemoSettings.DemoToday, null, _ => { }), ct);
        }

        var round = await db.Rounds.SingleAsync(r => r.State == RoundState.Open, ct);

        // The demo gives the open round about a hundred (commitment, unit) pairs, most already submitted or approved:
        // far too few for hundreds of contributors. Every unit is made responsible for every commitment of the plan
        // (after the plan's own units), so each contributor has a few slots of its own.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Responsibilities" ("CommitmentId", "UnitId", "Position")
            SELECT c."Id", u."Id", 100 + u."Id" FROM "Commitments" c JOIN "Priorities" p ON p."Id" = c."PriorityId" CROSS JOIN "Units" u
            WHERE p."PlanId" = {round.PlanId} AND NOT EXISTS (SELECT 1 FROM "Responsibilities" r WHERE r."CommitmentId" = c."Id" AND r."UnitId" = u."Id")
            """, ct);
        var commitments = await db.Commitments.Include("responsibilities.Unit").Where(c => c.Priority.PlanId == round.PlanId).ToListAsync(ct);
        var locked = (await db.Updates.Where(u => u.RoundId == round.Id && (u.State == UpdateState.Submitted || u.State == UpdateState.Approved))
            .Select(u => new { u.CommitmentId, u.UnitId }).ToListAsync(ct)).Select(u => (u.CommitmentId, u.UnitId)).ToHashSet();
        var slotsByUnit = commitments
            .SelectMany(c => c.Units.Select(u => new Slot(round.Id, c.Id, u.Id)))
            .Where(s => !locked.Contains((s.CommitmentId, s.UnitId)))
            .GroupBy(s => s.UnitId)
            .OrderBy(g => g.Key)
            .Select(g => g.OrderBy(s => s.CommitmentId).ToList())
            .ToList();
        if (slotsByUnit.Count == 0)
        {
            throw new InvalidOperationException("The open round has no writable slot.");
        }

        // The demo's password hash: every run contributor signs in with DemoAccounts.Password.
        var hash = DemoAccounts.All.First(a => a.Role == Role.Contributor).PasswordHash;
        var accounts = new List<LoadAccount>();
        for (var i = 0; i < users; i++)
        {
            var unitSlots = slotsByUnit[i % slotsByUnit.Count];
            var writers = (users - 1 - (i % slotsByUnit.Count)) / slotsByUnit.Count + 1;
            var k = i / slotsByUnit.Count;
            var mine = Share(unitSlots, writers, k);
            if (k % 3 == 2 || mine.Count == 0)
            {
                mine = mine.Concat(Share(unitSlots, writers, k - 1)).Distinct().ToList();
            }

            var name = $"load.{prefix}{i + 1:000}";
            db.Accounts.Add(new UserAccount(name, $"Load Contributor {i + 1}", Role.Contributor, hash, DateTimeOffset.UtcNow,
                [new AccountScope(ScopeKind.Unit, unitSlots[0].UnitId)]));
            accounts.Add(new LoadAccount(name, mine));
        }

        await db.SaveChangesAsync(ct);
        return accounts;
    }

    /// <summary>The k-th of <paramref name="writers"/> shares of a unit's slots (round-robin; wraps when there are more writers than slots).</summary>
    private static List<Slot> Share(List<Slot> slots, int writers, int k)
    {
        if (k < 0)
        {
            k = writers - 1;
        }

        var mine = slots.Where((_, j) => j % writers == k).ToList();
        return mine.Count > 0 ? mine : [slots[k % slots.Count]];
    }
}
