using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Scrutineer.Application.Audit;

namespace Scrutineer.Application.Concurrency;

/// <summary>
/// Optimistic concurrency for everything a person edits. Each editable row carries an integer <c>Version</c>
/// (a property on <c>QuarterlyUpdate</c>, a shadow column on plans, priorities, commitments and units) that rises by one
/// on every saved change. A form carries the version it was read at; before saving, <see cref="Expect"/> says which
/// version the edit was made from, and the store refuses the save (<see cref="DbUpdateConcurrencyException"/>) if the
/// row has moved on since: the second of two people editing the same thing is told, and nothing is overwritten.
/// </summary>
public static class EditVersion
{
    /// <summary>The name of the version column.</summary>
    public const string Property = "Version";

    /// <summary>The version of <paramref name="entity"/> as read from the store (or as last saved).</summary>
    /// <exception cref="InvalidOperationException">The entity type has no edit version.</exception>
    public static int Of(DbContext db, object entity) =>
        (int)(db.Entry(entity).Property(Property).OriginalValue
            ?? throw new InvalidOperationException($"{entity.GetType().Name} has no edit version."));

    /// <summary>Makes the next save of <paramref name="entity"/> succeed only if the stored row is still at <paramref name="version"/>.</summary>
    public static void Expect(DbContext db, object entity, int version) =>
        db.Entry(entity).Property(Property).OriginalValue = version;

    /// <summary>
    /// Moves on, before a save, the edit version of every modified row that the domain did not move on itself, and of
    /// every unchanged owner whose owned rows (a commitment's sub-points, a plan's metadata) are among
    /// <paramref name="changed"/>, so a save made from an older version of the owner is refused.
    /// </summary>
    internal static void MoveOn(DbContext context, IReadOnlyList<EntityEntry> changed)
    {
        Dictionary<(IEntityType, string), EntityEntry>? owners = null;
        foreach (var entry in changed.Where(e => e.Metadata.IsOwned()))
        {
            var ownership = entry.Metadata.FindOwnership()!;
            var ownerType = ownership.PrincipalEntityType;
            if (ownerType.FindProperty(Property) is not { IsConcurrencyToken: true })
            {
                continue;
            }

            owners ??= context.ChangeTracker.Entries()
                .Where(e => e.Metadata.FindProperty(Property) is { IsConcurrencyToken: true })
                .GroupBy(e => (e.Metadata, RowText.Key(e, original: false)))
                .ToDictionary(g => ((IEntityType)g.Key.Metadata, g.Key.Item2), g => g.First());
            var values = ownership.Properties.Select(p => entry.State == EntityState.Deleted
                ? entry.Property(p.Name).OriginalValue
                : entry.Property(p.Name).CurrentValue);
            var ownerKey = string.Join(", ", ownership.PrincipalKey.Properties.Zip(values, (p, v) => $"{RowText.Column(p)}={RowText.Value(p, v)}"));
            if (owners.TryGetValue((ownerType, ownerKey), out var owner) && owner.State == EntityState.Unchanged)
            {
                var version = owner.Property(Property);
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }

        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State == EntityState.Modified))
        {
            if (entry.Metadata.FindProperty(Property) is { IsConcurrencyToken: true, ClrType: var type } && type == typeof(int))
            {
                var version = entry.Property(Property);
                if (Equals(version.CurrentValue, version.OriginalValue))
                {
                    version.CurrentValue = (int)version.OriginalValue! + 1;
                }
            }
        }
    }
}
