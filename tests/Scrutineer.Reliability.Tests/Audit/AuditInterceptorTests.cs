using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Reliability.Tests.Audit;

public sealed class AuditInterceptorTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Save_NewPlan_RecordsEveryAddedRowWithWhoWhenAndValues(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var clock = new TestClock();

        var seed = await Seed.CreateAsync(store, clock, actor: "alice@force.example");

        await using var db = store.Open();
        var entries = await db.AuditEntries.OrderBy(e => e.Id).ToListAsync();
        Assert.All(entries, e => Assert.Equal("alice@force.example", e.Actor));
        Assert.All(entries, e => Assert.Equal(clock.GetUtcNow(), e.At));
        Assert.Single(entries.Select(e => e.ChangeSet).Distinct());
        var plan = Assert.Single(entries, e => e.Entity == "Plans" && e.Key == $"Id={seed.PlanId}" && e.Action == AuditAction.Added);
        Assert.Equal("Test Plan 2023-2026", After(plan, "Title"));
        Assert.Contains(entries, e => e.Entity == "Updates" && e.Key == $"Id={seed.UpdateId}" && After(e, "Commentary") == "First draft of the update.");
        Assert.Contains(entries, e => e.Entity == "Responsibilities" && e.Key.StartsWith($"CommitmentId={seed.CommitmentId}, ", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Entity == "UpdateRevisions");
        Assert.Equal(2, entries.Count(e => e.Entity == "Units"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Edit_Update_RecordsOnlyChangedColumnsBeforeAndAfter(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var clock = new TestClock();
        var seed = await Seed.CreateAsync(store, clock);
        clock.Advance(TimeSpan.FromHours(2));

        using (AuditContext.Begin("bob@force.example", clock))
        {
            await using var db = store.Open();
            var update = await db.Updates.Include(u => u.Round).Include(u => u.Commitment).ThenInclude(c => c.Priority).Include(u => u.Unit).SingleAsync(u => u.Id == seed.UpdateId);
            update.Edit(update.Round, Commentary.Parse("Second draft, now at risk."), DeliveryStatus.AtRisk, "Bob", clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await using var read = store.Open();
        var entry = await read.AuditEntries.SingleAsync(e => e.Entity == "Updates" && e.Action == AuditAction.Modified);
        Assert.Equal("bob@force.example", entry.Actor);
        Assert.Equal(clock.GetUtcNow(), entry.At);
        Assert.Equal($"Id={seed.UpdateId}", entry.Key);
        Assert.Equal("First draft of the update.", Before(entry, "Commentary"));
        Assert.Equal("Second draft, now at risk.", After(entry, "Commentary"));
        Assert.Equal("OnTrack", Before(entry, "Status"));
        Assert.Equal("AtRisk", After(entry, "Status"));
        using var changes = JsonDocument.Parse(entry.Changes);
        Assert.False(changes.RootElement.TryGetProperty("CreatedAt", out _), "Unchanged columns are not recorded for a modification.");
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Delete_Unit_RecordsTheValuesItHadBefore(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            db.Units.Add(new Unit("Delta Team", "D", UnitKind.Team));
            await db.SaveChangesAsync();
        }

        using (AuditContext.Begin("carol"))
        {
            await using var db = store.Open();
            db.Units.Remove(await db.Units.SingleAsync());
            await db.SaveChangesAsync();
        }

        await using var read = store.Open();
        var entry = await read.AuditEntries.SingleAsync(e => e.Action == AuditAction.Deleted);
        Assert.Equal("carol", entry.Actor);
        Assert.Equal("Units", entry.Entity);
        Assert.Equal("Delta Team", Before(entry, "Name"));
        Assert.Null(After(entry, "Name"));
        Assert.Equal("Team", Before(entry, "Kind"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task FailedSave_LeavesNeitherTheChangeNorAnAuditEntry(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            db.Units.Add(new Unit("Echo Team", "E", UnitKind.Team));
            db.Units.Add(new Unit("Echo Team Again", "E", UnitKind.Team));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var read = store.Open();
        Assert.Equal(0, await read.Units.CountAsync());
        Assert.Equal(0, await read.AuditEntries.CountAsync());

        // The same context type saves normally afterwards, with its audit entry.
        read.Units.Add(new Unit("Foxtrot Team", "F", UnitKind.Team));
        await read.SaveChangesAsync();
        Assert.Equal(1, await read.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task CallerTransaction_RolledBack_TakesTheAuditEntriesWithIt(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Units.Add(new Unit("Golf Team", "G", UnitKind.Team));
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.AuditEntries.CountAsync());
            await transaction.RollbackAsync();
        }

        await using var read = store.Open();
        Assert.Equal(0, await read.Units.CountAsync());
        Assert.Equal(0, await read.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task AuditEntry_ChangedOrDeleted_IsRefusedByTheApplicationAndTheDatabase(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            db.Units.Add(new Unit("Hotel Team", "H", UnitKind.Team));
            await db.SaveChangesAsync();
        }

        await using (var db = store.Open())
        {
            var entry = await db.AuditEntries.SingleAsync();
            db.Entry(entry).Property(e => e.Actor).CurrentValue = "someone else";
            var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("audit trail cannot be changed", changed.Message, StringComparison.Ordinal);
        }

        await using (var db = store.Open())
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = store.Open())
        {
            var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = 'x'"));
            Assert.Contains("audit trail cannot be", update.Message, StringComparison.Ordinal);
            var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
            Assert.Contains("audit trail cannot be", delete.Message, StringComparison.Ordinal);
        }

        await using var read = store.Open();
        var kept = await read.AuditEntries.SingleAsync();
        Assert.NotEqual("someone else", kept.Actor);
    }

    [Fact]
    public void Scope_Nested_RestoresTheOuterActorOnDispose()
    {
        Assert.Equal(AuditContext.UnknownActor, AuditContext.Actor);
        using (AuditContext.Begin("outer"))
        {
            using (AuditContext.Begin("inner"))
            {
                Assert.Equal("inner", AuditContext.Actor);
            }

            Assert.Equal("outer", AuditContext.Actor);
        }

        Assert.Equal(AuditContext.UnknownActor, AuditContext.Actor);
    }

    internal static string? Before(AuditEntry entry, string column) => Value(entry, column, "before");

    internal static string? After(AuditEntry entry, string column) => Value(entry, column, "after");

    private static string? Value(AuditEntry entry, string column, string side)
    {
        using var json = JsonDocument.Parse(entry.Changes);
        return json.RootElement.TryGetProperty(column, out var values) ? values.GetProperty(side).GetString() : null;
    }
}
