using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Concurrency;

/// <summary>
/// Two contributors saving the first draft of the same quarterly update at once: both read "no update yet", both add
/// one, and the store's unique key (round, commitment, unit) refuses the second. That is the same situation as two
/// people editing the same update (the second was working from a state that has moved on), so it is reported the same
/// way, as a <see cref="DbUpdateConcurrencyException"/>, and nothing of the second save is written.
/// Other unique keys (a unit's short name, a user name) are not races but values already taken: they stay errors.
/// </summary>
public static class ConcurrentStart
{
    /// <summary>
    /// True when <paramref name="failure"/> is a unique-key refusal (SQLite constraint UNIQUE, PostgreSQL 23505) and
    /// the save was adding a quarterly update.
    /// </summary>
    public static bool LostRace(DbContext db, DbUpdateException failure) =>
        failure is not DbUpdateConcurrencyException
        && IsDuplicateKey(failure.InnerException)
        && db.ChangeTracker.Entries<QuarterlyUpdate>().Any(e => e.State == EntityState.Added);

    /// <summary>The conflict reported instead of <paramref name="failure"/>.</summary>
    public static DbUpdateConcurrencyException Conflict(DbUpdateException failure) =>
        new("Someone else started the same update at the same time; this save was refused and nothing of it was written.", failure);

    private static bool IsDuplicateKey(Exception? inner) => inner switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode == 2067,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
