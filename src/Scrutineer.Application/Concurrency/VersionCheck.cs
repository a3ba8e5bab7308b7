using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Scrutineer.Application.Audit;

namespace Scrutineer.Application.Concurrency;

/// <summary>
/// For one modified row with an edit version, a statement that touches the row only if it is still at the version the
/// edit was made from. Run first in the save's transaction, it takes the row (PostgreSQL) or the store (SQLite) for
/// this save, so that of two racing saves the second is refused as a conflict before it writes anything, rather than
/// failing later on a child row (a revision number taken by the winner).
/// </summary>
/// <param name="Sql">The statement, with <c>{0}</c>, <c>{1}</c>… for <paramref name="Parameters"/>.</param>
/// <param name="Parameters">The version read, then the row's key values as the store holds them.</param>
/// <param name="Entry">The row.</param>
internal sealed record VersionCheck(string Sql, object[] Parameters, EntityEntry Entry)
{
    /// <summary>The checks for every modified row of <paramref name="context"/> that has an edit version.</summary>
    public static IEnumerable<VersionCheck> For(DbContext context)
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

            yield return new($"UPDATE {sql.DelimitIdentifier(table, entry.Metadata.GetSchema())} SET {versionColumn} = {versionColumn} WHERE {string.Join(" AND ", where)}",
                parameters.ToArray(), entry);
        }
    }

    /// <summary>The refusal when the statement touched no row: someone else saved the row since it was read.</summary>
    public DbUpdateConcurrencyException Conflict() =>
        new($"{Entry.Metadata.ClrType.Name} {RowText.Key(Entry, original: true)} was changed by someone else since it was read.");
}
