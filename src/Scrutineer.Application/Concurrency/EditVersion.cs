using Microsoft.EntityFrameworkCore;

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
}
