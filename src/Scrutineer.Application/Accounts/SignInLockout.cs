using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Accounts;

/// <summary>
/// Counts failed sign-ins in the store, atomically, so that parallel attempts cannot lose a failure: each failure is one
/// <c>UPDATE … SET FailedSignIns = FailedSignIns + 1 … RETURNING</c>, and the attempt that reaches
/// <see cref="SignInLimits.MaxFailures"/> locks the account. The count stops there until the lock has run out, and a
/// right password is refused while the count stands at the limit. See docs/security.md.
/// </summary>
public static class SignInLockout
{
    /// <summary>Whether sign-in is refused at <paramref name="now"/>: locked until later, or at the limit and being locked.</summary>
    public static bool IsLocked(UserAccount account, SignInLimits limits, DateTimeOffset now) =>
        account.LockedUntil is { } until ? until > now : account.FailedSignIns >= limits.MaxFailures;

    /// <summary>
    /// Counts one failed sign-in for <paramref name="account"/> (as read before the attempt). True when this failure
    /// locked the account (exactly one attempt of any number in parallel); false otherwise.
    /// </summary>
    public static async Task<bool> RecordFailureAsync(ScrutineerDb db, UserAccount account, SignInLimits limits, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await RestartExpiredAsync(db, account, now, cancellationToken);
        var counted = await db.Database
            .SqlQuery<int>($"""UPDATE "Accounts" SET "FailedSignIns" = "FailedSignIns" + 1 WHERE "Id" = {account.Id} AND "FailedSignIns" < {limits.MaxFailures} RETURNING "FailedSignIns" AS "Value" """)
            .ToListAsync(cancellationToken);
        var until = now + limits.LockoutPeriod;
        if (counted is [var failures] && failures >= limits.MaxFailures)
        {
            await db.Accounts.Where(a => a.Id == account.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LockedUntil, until), cancellationToken);
            return true;
        }

        if (counted.Count == 0)
        {
            // At the limit already: make sure the lock has an end (a limit lowered since, or the locking attempt still on its way).
            await db.Accounts.Where(a => a.Id == account.Id && a.LockedUntil == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LockedUntil, until), cancellationToken);
        }

        return false;
    }

    /// <summary>
    /// Clears the failure count after a right password. False when the account was locked in the meantime (a parallel
    /// attempt reached the limit), in which case the sign-in must be refused.
    /// </summary>
    public static async Task<bool> ClearAsync(ScrutineerDb db, UserAccount account, SignInLimits limits, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await RestartExpiredAsync(db, account, now, cancellationToken);
        var cleared = await db.Accounts.Where(a => a.Id == account.Id && a.FailedSignIns < limits.MaxFailures)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedSignIns, 0), cancellationToken);
        return cleared == 1;
    }

    /// <summary>A lock that has run out starts the count again (only the lock read, so that a newer lock stays).</summary>
    private static async Task RestartExpiredAsync(ScrutineerDb db, UserAccount account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (account.LockedUntil is { } until && until <= now)
        {
            DateTimeOffset? read = until;
            await db.Accounts.Where(a => a.Id == account.Id && a.LockedUntil == read)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.FailedSignIns, 0).SetProperty(a => a.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        }
    }
}
