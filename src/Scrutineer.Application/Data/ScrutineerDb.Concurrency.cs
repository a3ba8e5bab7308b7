using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Concurrency;

namespace Scrutineer.Application.Data;

/// <summary>
/// Saving under load: on SQLite, saves take their turn in <see cref="SqliteWriteQueue"/> rather than racing for the
/// store's lock; and saves that lose a race to start the same quarterly update (two contributors saving the first
/// draft at once) are refused as a concurrent change, like a save made from an older version (see
/// <see cref="ConcurrentStart"/>), so pages show "someone else changed this" rather than failing.
/// </summary>
public sealed partial class ScrutineerDb
{
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var turn = SqliteWriteQueue.Enter(this);
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateException ex) when (ConcurrentStart.LostRace(this, ex))
        {
            throw ConcurrentStart.Conflict(ex);
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var turn = await SqliteWriteQueue.EnterAsync(this, cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException ex) when (ConcurrentStart.LostRace(this, ex))
        {
            throw ConcurrentStart.Conflict(ex);
        }
    }
}
