using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Scrutineer.Application.Concurrency;
using Scrutineer.Application.Data;

namespace Scrutineer.Application.Audit;

/// <summary>
/// Records every added, modified and deleted row as an <see cref="AuditEntry"/> in the same transaction as the change,
/// and keeps edit versions: a modified row with a <c>Version</c> concurrency token that the domain did not move on is
/// moved on by one, and a change to an owned row (a commitment's sub-points, a plan's metadata) moves its owner's
/// version on, so a save made from an older version is refused (<see cref="DbUpdateConcurrencyException"/>).
/// Registered for every context by <c>StoreLocation.Configure</c>.
/// </summary>
/// <remarks>
/// When the caller has no transaction of its own the interceptor opens one before the save and commits it after the
/// audit rows are written, so the change and its record land together or not at all. Audit rows themselves can only be
/// added: modifying or deleting one throws <see cref="InvalidOperationException"/>.
/// </remarks>
public sealed class AuditInterceptor : SaveChangesInterceptor
{
    private const string Redacted = "[redacted]";
    private static readonly string[] SecretNames = ["Password", "SecurityStamp", "Secret", "Token"];

    private readonly ConditionalWeakTable<DbContext, PendingSave> pending = [];

    /// <summary>The one instance every context shares (it keeps per-context state internally).</summary>
    public static AuditInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Starts(eventData.Context) is { } context)
        {
            var save = Capture(context);
            if (OwnTransactionNeeded(context))
            {
                save.Transaction = context.Database.BeginTransaction();
            }

            try
            {
                foreach (var (sql, parameters, entry) in save.VersionChecks)
                {
                    if (context.Database.ExecuteSqlRaw(sql, parameters) == 0)
                    {
                        throw Conflict(entry);
                    }
                }
            }
            catch
            {
                Abandon(context);
                throw;
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Starts(eventData.Context) is { } context)
        {
            var save = Capture(context);
            if (OwnTransactionNeeded(context))
            {
                save.Transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            }

            try
            {
                foreach (var (sql, parameters, entry) in save.VersionChecks)
                {
                    if (await context.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken) == 0)
                    {
                        throw Conflict(entry);
                    }
                }
            }
            catch
            {
                Abandon(context);
                throw;
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Finishing(eventData.Context) is not { } save)
        {
            return result;
        }

        var context = eventData.Context!;
        try
        {
            var rows = save.Rows();
            if (rows.Count > 0)
            {
                save.Nested = true;
                context.Set<AuditEntry>().AddRange(rows);
                context.SaveChanges();
                Detach(context, rows);
            }

            save.Transaction?.Commit();
        }
        catch
        {
            save.Transaction?.Rollback();
            throw;
        }
        finally
        {
            End(context, save);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Finishing(eventData.Context) is not { } save)
        {
            return result;
        }

        var context = eventData.Context!;
        try
        {
            var rows = save.Rows();
            if (rows.Count > 0)
            {
                save.Nested = true;
                context.Set<AuditEntry>().AddRange(rows);
                await context.SaveChangesAsync(cancellationToken);
                Detach(context, rows);
            }

            if (save.Transaction is not null)
            {
                await save.Transaction.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            if (save.Transaction is not null)
            {
                await save.Transaction.RollbackAsync(CancellationToken.None);
            }

            throw;
        }
        finally
        {
            End(context, save);
        }

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

    private PendingSave? Finishing(DbContext? context) =>
        context is not null && pending.TryGetValue(context, out var save) && !save.Nested ? save : null;

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

    private static bool OwnTransactionNeeded(DbContext context) =>
        context.Database.CurrentTransaction is null && System.Transactions.Transaction.Current is null;

    private static void Detach(DbContext context, List<AuditEntry> rows)
    {
        foreach (var row in rows)
        {
            context.Entry(row).State = EntityState.Detached;
        }
    }

    private PendingSave Capture(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();

        foreach (var entry in changed)
        {
            if (entry.Entity is AuditEntry && entry.State != EntityState.Added)
            {
                throw new InvalidOperationException("The audit trail cannot be changed or deleted: entries can only be added.");
            }
        }

        CheckValues(changed);
        MoveVersionsOn(context, changed);

        var save = new PendingSave(Guid.NewGuid(), AuditContext.Clock.GetUtcNow(), AuditContext.Actor);
        save.VersionChecks.AddRange(VersionChecks(context));
        foreach (var entry in changed)
        {
            if (entry.Entity is AuditEntry || !AuditExclusion.IsAudited(entry.Metadata))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    save.Added.Add(entry);
                    break;
                case EntityState.Modified:
                    var modified = Describe(entry, modifiedOnly: true);
                    if (modified is not null)
                    {
                        save.Ready.Add((AuditAction.Modified, Entity(entry), KeyOf(entry, original: true), modified));
                    }

                    break;
                case EntityState.Deleted:
                    save.Ready.Add((AuditAction.Deleted, Entity(entry), KeyOf(entry, original: true), Describe(entry, modifiedOnly: false)!));
                    break;
                case EntityState.Detached:
                case EntityState.Unchanged:
                    break;
            }
        }

        pending.AddOrUpdate(context, save);
        return save;
    }

    /// <summary>
    /// Refuses values the store cannot hold, before anything is written and alike on both engines: text longer than its
    /// column (SQLite would keep it, PostgreSQL refuses it) and text containing NUL (PostgreSQL cannot store it).
    /// </summary>
    /// <exception cref="StoreValueException">The first such value found.</exception>
    private static void CheckValues(List<EntityEntry> changed)
    {
        foreach (var entry in changed.Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is not string text || (entry.State == EntityState.Modified && !property.IsModified))
                {
                    continue;
                }

                var column = $"{Entity(entry)}.{Column(property.Metadata)}";
                if (property.Metadata.GetMaxLength() is { } max && text.Length > max)
                {
                    throw new StoreValueException(column, string.Create(Domain.Common.EnGb.Culture,
                        $"{column} is {text.Length:N0} characters long; at most {max:N0} are allowed (it begins \"{Preview(text)}\")."));
                }

                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    throw new StoreValueException(column, $"{column} contains a NUL character, which cannot be stored (it begins \"{Preview(text)}\").");
                }
            }
        }
    }

    private static string Preview(string text)
    {
        var clean = new string(text.Take(40).Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return text.Length > 40 ? clean + "…" : clean;
    }

    /// <summary>Moves on the edit version of every changed row, and of every owner whose owned rows changed.</summary>
    private static void MoveVersionsOn(DbContext context, List<EntityEntry> changed)
    {
        Dictionary<(IEntityType, string), EntityEntry>? owners = null;
        foreach (var entry in changed.Where(e => e.Metadata.IsOwned()))
        {
            var ownership = entry.Metadata.FindOwnership()!;
            var ownerType = ownership.PrincipalEntityType;
            if (ownerType.FindProperty(EditVersion.Property) is not { IsConcurrencyToken: true })
            {
                continue;
            }

            owners ??= context.ChangeTracker.Entries()
                .Where(e => e.Metadata.FindProperty(EditVersion.Property) is { IsConcurrencyToken: true })
                .GroupBy(e => (e.Metadata, KeyOf(e, original: false)))
                .ToDictionary(g => ((IEntityType)g.Key.Metadata, g.Key.Item2), g => g.First());
            var values = ownership.Properties.Select(p => entry.State == EntityState.Deleted
                ? entry.Property(p.Name).OriginalValue
                : entry.Property(p.Name).CurrentValue);
            var ownerKey = string.Join(", ", ownership.PrincipalKey.Properties.Zip(values, (p, v) => $"{Column(p)}={Format(p, v)}"));
            if (owners.TryGetValue((ownerType, ownerKey), out var owner) && owner.State == EntityState.Unchanged)
            {
                var version = owner.Property(EditVersion.Property);
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }

        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State == EntityState.Modified))
        {
            if (entry.Metadata.FindProperty(EditVersion.Property) is { IsConcurrencyToken: true, ClrType: var type } && type == typeof(int))
            {
                var version = entry.Property(EditVersion.Property);
                if (Equals(version.CurrentValue, version.OriginalValue))
                {
                    version.CurrentValue = (int)version.OriginalValue! + 1;
                }
            }
        }
    }

    /// <summary>
    /// For every modified row with an edit version, a statement that touches the row only if it is still at the version
    /// the edit was made from. Run first in the save's transaction, it takes the row (PostgreSQL) or the store (SQLite)
    /// for this save, so that of two racing saves the second is refused as a conflict before it writes anything,
    /// rather than failing later on a child row (a revision number taken by the winner).
    /// </summary>
    private static IEnumerable<(string Sql, object[] Parameters, EntityEntry Entry)> VersionChecks(DbContext context)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State == EntityState.Modified))
        {
            if (entry.Metadata.FindProperty(EditVersion.Property) is not { IsConcurrencyToken: true } version
                || entry.Metadata.GetTableName() is not { } table || entry.Metadata.FindPrimaryKey() is not { } key)
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(table, entry.Metadata.GetSchema());
            var versionColumn = sql.DelimitIdentifier(version.GetColumnName(store)!);
            var parameters = new List<object> { entry.Property(EditVersion.Property).OriginalValue! };
            var where = new List<string> { $"{versionColumn} = {{0}}" };
            foreach (var property in key.Properties)
            {
                var value = entry.Property(property.Name).OriginalValue!;
                var converter = property.GetTypeMapping().Converter;
                parameters.Add(converter is null ? value : converter.ConvertToProvider(value)!);
                where.Add($"{sql.DelimitIdentifier(property.GetColumnName(store)!)} = {{{parameters.Count - 1}}}");
            }

            yield return ($"UPDATE {sql.DelimitIdentifier(table, entry.Metadata.GetSchema())} SET {versionColumn} = {versionColumn} WHERE {string.Join(" AND ", where)}",
                parameters.ToArray(), entry);
        }
    }

    private static DbUpdateConcurrencyException Conflict(EntityEntry entry) =>
        new($"{entry.Metadata.ClrType.Name} {KeyOf(entry, original: true)} was changed by someone else since it was read.");

    private static string Column(IReadOnlyProperty property) => property.GetColumnName() ?? property.Name;

    private static string Entity(EntityEntry entry) => entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name;

    private static string KeyOf(EntityEntry entry, bool original)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "";
        }

        return string.Join(", ", key.Properties.Select(p =>
        {
            var property = entry.Property(p.Name);
            return $"{Column(p)}={Format(p, original ? property.OriginalValue : property.CurrentValue)}";
        }));
    }

    /// <summary>The row's columns as JSON; for a modified row only those whose value changed (null when none did).</summary>
    private static string? Describe(EntityEntry entry, bool modifiedOnly)
    {
        using var buffer = new MemoryStream();
        var any = false;
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in entry.Properties.OrderBy(p => Column(p.Metadata), StringComparer.Ordinal))
            {
                string? before = null;
                string? after = null;
                switch (entry.State)
                {
                    case EntityState.Added:
                    case EntityState.Unchanged:
                        after = Format(property.Metadata, property.CurrentValue);
                        break;
                    case EntityState.Deleted:
                        before = Format(property.Metadata, property.OriginalValue);
                        break;
                    case EntityState.Modified:
                        before = Format(property.Metadata, property.OriginalValue);
                        after = Format(property.Metadata, property.CurrentValue);
                        if (modifiedOnly && (!property.IsModified || string.Equals(before, after, StringComparison.Ordinal)))
                        {
                            continue;
                        }

                        break;
                    case EntityState.Detached:
                        continue;
                }

                if (IsSecret(Column(property.Metadata)))
                {
                    before = before is null ? null : Redacted;
                    after = after is null ? null : Redacted;
                }

                any = true;
                json.WriteStartObject(Column(property.Metadata));
                json.WriteString("before", before);
                json.WriteString("after", after);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return any || !modifiedOnly ? Encoding.UTF8.GetString(buffer.ToArray()) : null;
    }

    private static bool IsSecret(string name) => SecretNames.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase));

    internal static string? Format(IReadOnlyProperty property, object? value)
    {
        if (value is null)
        {
            return null;
        }

        var converter = (property as IProperty)?.GetTypeMapping().Converter ?? property.GetValueConverter();
        if (converter is not null)
        {
            value = converter.ConvertToProvider(value);
        }

        return value switch
        {
            null => null,
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            byte[] bytes => Convert.ToBase64String(bytes),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }

    private sealed class PendingSave(Guid changeSet, DateTimeOffset at, string actor)
    {
        public List<EntityEntry> Added { get; } = [];

        public List<(AuditAction Action, string Entity, string Key, string Changes)> Ready { get; } = [];

        public IDbContextTransaction? Transaction { get; set; }

        public List<(string Sql, object[] Parameters, EntityEntry Entry)> VersionChecks { get; } = [];

        public bool Nested { get; set; }

        /// <summary>The audit rows, once the save has given added rows their keys.</summary>
        public List<AuditEntry> Rows()
        {
            var rows = Ready.Select(r => new AuditEntry(changeSet, at, actor, r.Action, r.Entity, r.Key, r.Changes)).ToList();
            rows.AddRange(Added.Select(e => new AuditEntry(changeSet, at, actor, AuditAction.Added, Entity(e), KeyOf(e, original: false), Describe(e, modifiedOnly: false)!)));
            return rows;
        }
    }
}
