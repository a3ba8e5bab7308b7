using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Concurrency;

namespace Scrutineer.Application.Data;

/// <summary>
/// What every save of the store does, in one transaction with the change: refuses values the store cannot hold
/// (<see cref="StoreValues"/>), moves edit versions on and refuses a save made from an older version
/// (<see cref="EditVersion"/>, <see cref="VersionCheck"/>: <see cref="DbUpdateConcurrencyException"/>), and writes an
/// <see cref="AuditEntry"/> for every added, modified and deleted row (<see cref="AuditChangeSet"/>).
/// Registered for every context by <see cref="StoreLocation.Configure"/>.
/// </summary>
/// <remarks>
/// When the caller has no transaction of its own the interceptor opens one before the save and commits it after the
/// audit rows are written, so the change and its record land together or not at all. Audit rows themselves can only be
/// added: modifying or deleting one throws <see cref="InvalidOperationException"/>. The synchronous and asynchronous
/// saves run the same code (<c>async: false</c> completes synchronously).
/// </remarks>
public sealed class SaveInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PendingSave> pending = [];

    /// <summary>The one instance every context shares (it keeps per-context state internally).</summary>
    public static SaveInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SavingAsync(eventData.Context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await SavingAsync(eventData.Context, async: true, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedAsync(eventData.Context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await SavedAsync(eventData.Context, async: true, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Before the save: checks, moves versions on, collects the audit entries, opens the transaction and runs the version checks.</summary>
    private async ValueTask SavingAsync(DbContext? eventContext, bool async, CancellationToken cancellationToken)
    {
        if (Starts(eventContext) is not { } context)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        AuditChangeSet.RefuseChangesToTheTrail(changed);
        StoreValues.Check(changed);
        EditVersion.MoveOn(context, changed);

        var save = new PendingSave([.. VersionCheck.For(context)], AuditChangeSet.Collect(changed));
        pending.AddOrUpdate(context, save);
        if (context.Database.CurrentTransaction is null && System.Transactions.Transaction.Current is null)
        {
            save.Transaction = async
                ? await context.Database.BeginTransactionAsync(cancellationToken)
                : context.Database.BeginTransaction();
        }

        try
        {
            foreach (var check in save.VersionChecks)
            {
                var touched = async
                    ? await context.Database.ExecuteSqlRawAsync(check.Sql, check.Parameters, cancellationToken)
                    : context.Database.ExecuteSqlRaw(check.Sql, check.Parameters);
                if (touched == 0)
                {
                    throw check.Conflict();
                }
            }
        }
        catch
        {
            Abandon(context);
            throw;
        }
    }

    /// <summary>After the save: writes the audit entries (now that added rows have keys) and commits the transaction.</summary>
    private async ValueTask SavedAsync(DbContext? context, bool async, CancellationToken cancellationToken)
    {
        if (context is null || !pending.TryGetValue(context, out var save) || save.Nested)
        {
            return;
        }

        try
        {
            var rows = save.Audit.Rows();
            if (rows.Count > 0)
            {
                save.Nested = true;
                context.Set<AuditEntry>().AddRange(rows);
                if (async)
                {
                    await context.SaveChangesAsync(cancellationToken);
                }
                else
                {
                    context.SaveChanges();
                }

                foreach (var row in rows)
                {
                    context.Entry(row).State = EntityState.Detached;
                }
            }

            if (save.Transaction is not null)
            {
                if (async)
                {
                    await save.Transaction.CommitAsync(cancellationToken);
                }
                else
                {
                    save.Transaction.Commit();
                }
            }
        }
        catch
        {
            if (save.Transaction is not null)
            {
                if (async)
                {
                    await save.Transaction.RollbackAsync(CancellationToken.None);
                }
                else
                {
                    save.Transaction.Rollback();
                }
            }

            throw;
        }
        finally
        {
            End(context, save);
        }
    }

    private DbContext? Starts(DbContext? context)
    {
        if (context is null || context.Model.FindEntityType(typeof(AuditEntry)) is null)
        {
            return null;
        }

        if (pending.TryGetValue(context, out var save))
        {
            if (save.Nested)
            {
                return null;
            }

            // A save that threw before its failure was reported: start afresh.
            End(context, save);
        }

        return context;
    }

    private void Abandon(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var save) || save.Nested)
        {
            return;
        }

        try
        {
            save.Transaction?.Rollback();
        }
        finally
        {
            End(context, save);
        }
    }

    private void End(DbContext context, PendingSave save)
    {
        save.Transaction?.Dispose();
        save.Transaction = null;
        pending.Remove(context);
    }

    private sealed class PendingSave(List<VersionCheck> versionChecks, AuditChangeSet audit)
    {
        public List<VersionCheck> VersionChecks { get; } = versionChecks;

        public AuditChangeSet Audit { get; } = audit;

        public IDbContextTransaction? Transaction { get; set; }

        public bool Nested { get; set; }
    }
}
