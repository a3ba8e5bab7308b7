using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Reliability.Tests.Concurrency;

/// <summary>
/// On SQLite a save that waits for the store's lock longer than its busy timeout fails with "database is locked"; the
/// load test's soak saw that as a 500 under heavy load. Saves of one process queue for their turn instead, so a save
/// waits for a slow one however long it takes. Here the busy timeout is 1 s and the first save holds the store for 3 s
/// after the second has started.
/// </summary>
public sealed class SqliteWriteQueueTests
{
    [Fact]
    public async Task Save_WhileAnotherSaveHoldsTheStoreLongerThanTheBusyTimeout_WaitsItsTurnAndSaves()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var clock = new TestClock();
        var seed = await Seed.CreateAsync(store, clock);
        var impatient = new SqliteConnectionStringBuilder(store.Location.ConnectionString) { DefaultTimeout = 1 }.ConnectionString;
        var location = store.Location with { ConnectionString = impatient };
        var slow = new SlowWrite();

        var first = Task.Run(async () =>
        {
            await using var db = Open(location, slow);
            var update = await db.Updates.Include(u => u.Round).SingleAsync(u => u.Id == seed.UpdateId);
            update.Edit(update.Round, Commentary.Parse("The slow save."), DeliveryStatus.AtRisk, "First", clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        await slow.Writing.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var second = Task.Run(async () =>
        {
            await using var db = Open(location, null);
            db.Units.Add(new Domain.Plans.Unit("Juliet Team", "J", Domain.Plans.UnitKind.Team));
            await db.SaveChangesAsync();
        });
        await Task.Delay(TimeSpan.FromSeconds(3));
        slow.Release.SetResult();
        await first;
        await second;

        await using var read = store.Open();
        Assert.Equal("The slow save.", (await read.Updates.SingleAsync(u => u.Id == seed.UpdateId)).CommentaryText);
        Assert.True(await read.Units.AnyAsync(u => u.ShortName == "J"));
    }

    private static ScrutineerDb Open(StoreLocation location, SlowWrite? slow)
    {
        var options = new DbContextOptionsBuilder<ScrutineerDb>();
        location.Configure(options);
        if (slow is not null)
        {
            options.AddInterceptors(slow);
        }

        return new ScrutineerDb(options.Options);
    }

    /// <summary>Holds the first write statement of a save (inside its transaction, so holding the store) until released.</summary>
    private sealed class SlowWrite : DbCommandInterceptor
    {
        public TaskCompletionSource Writing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) && Writing.TrySetResult())
            {
                await Release.Task;
            }

            return result;
        }
    }
}
