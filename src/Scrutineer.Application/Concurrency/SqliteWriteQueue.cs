using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Scrutineer.Application.Concurrency;

/// <summary>
/// SQLite takes one writer at a time, and a writer that finds the store busy polls for it until its busy timeout
/// (30 s) runs out: under heavy load one unlucky save can lose every poll to the others and fail with "database is
/// locked" (the load test saw 4 such 500s in 44,000 saves at a load average of 30). So the saves of one process on one
/// SQLite file take their turn here first, first come first served, and reach SQLite one at a time. Saves inside a
/// transaction the caller began (imports, the demo builder) already hold the store and do not queue; PostgreSQL does
/// not queue at all.
/// </summary>
public static class SqliteWriteQueue
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Queues = new(StringComparer.Ordinal);

    /// <summary>Waits for this save's turn on <paramref name="db"/>'s SQLite file; the result ends the turn when disposed.</summary>
    public static async ValueTask<IDisposable?> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (QueueFor(db) is not { } queue)
        {
            return null;
        }

        await queue.WaitAsync(cancellationToken);
        return new Turn(queue);
    }

    /// <summary>Waits (blocking) for this save's turn; see <see cref="EnterAsync"/>.</summary>
    public static IDisposable? Enter(DbContext db)
    {
        if (QueueFor(db) is not { } queue)
        {
            return null;
        }

        queue.Wait();
        return new Turn(queue);
    }

    private static SemaphoreSlim? QueueFor(DbContext db)
    {
        if (!db.Database.IsSqlite() || db.Database.CurrentTransaction is not null || !db.ChangeTracker.HasChanges())
        {
            return null;
        }

        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return Queues.GetOrAdd(file, _ => new SemaphoreSlim(1, 1));
    }

    private sealed class Turn(SemaphoreSlim queue) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                queue.Release();
            }
        }
    }
}
