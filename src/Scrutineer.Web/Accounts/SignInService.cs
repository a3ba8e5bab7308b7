using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Accounts;

/// <summary>
/// Checks a user name and password, counting failures towards lockout in the store (<see cref="SignInLockout"/>), and
/// hashes new passwords. An unknown name, a wrong password, a locked account and a disabled one get the same answer
/// (<see cref="Refused"/>) after the same work (one password hash check, against a stand-in hash for unknown names),
/// so that the answer and its timing do not tell whether an account exists.
/// </summary>
public sealed class SignInService(ScrutineerDb db, IPasswordHasher<UserAccount> hasher, SignInLimits limits, TimeProvider clock, ILoggerFactory logs)
{
    /// <summary>Shortest password accepted when an administrator sets one.</summary>
    public const int MinimumPasswordLength = PasswordRule.MinimumLength;

    /// <summary>The one answer to every refused sign-in.</summary>
    public const string Refused = "Enter a correct user name and password. If you have forgotten your password, or your account is locked, ask an administrator.";

    private static readonly Lazy<string> StandIn = new(() =>
        new PasswordHasher<UserAccount>().HashPassword(null!, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));

    private readonly ILogger log = logs.CreateLogger(SecurityEvents.Category);

    /// <summary>
    /// The account when the name and password are right and the account is neither locked nor disabled; null with
    /// <see cref="Refused"/> otherwise. Failures are counted atomically; logged as security events with <paramref name="clientAddress"/>.
    /// </summary>
    public async Task<(UserAccount? Account, string? Problem)> CheckAsync(string? userName, string? password, CancellationToken cancellationToken, string clientAddress = "unknown")
    {
        string? name;
        try
        {
            name = UserAccount.NormaliseUserName(userName);
        }
        catch (DomainException)
        {
            name = null;
        }

        var account = name is null ? null : await db.Accounts.SingleOrDefaultAsync(a => a.UserName == name, cancellationToken);
        var now = clock.GetUtcNow();

        // Always one hash check of the same cost, whether or not the name is known.
        var result = hasher.VerifyHashedPassword(account!, account?.PasswordHash ?? StandIn.Value, password ?? "");
        var shown = name ?? "(not a user name)";
        if (account is null)
        {
            log.SignInFailed(shown, clientAddress, "unknown user name");
            return (null, Refused);
        }

        if (SignInLockout.IsLocked(account, limits, now))
        {
            log.SignInFailed(shown, clientAddress, "account locked");
            return (null, Refused);
        }

        if (result == PasswordVerificationResult.Failed || string.IsNullOrEmpty(password))
        {
            if (await SignInLockout.RecordFailureAsync(db, account, limits, now, cancellationToken))
            {
                log.AccountLocked(shown, clientAddress, limits.MaxFailures, now + limits.LockoutPeriod);
            }

            log.SignInFailed(shown, clientAddress, "wrong password");
            return (null, Refused);
        }

        if (account.IsDisabled)
        {
            log.SignInFailed(shown, clientAddress, "account disabled");
            return (null, Refused);
        }

        if (!await SignInLockout.ClearAsync(db, account, limits, now, cancellationToken))
        {
            log.SignInFailed(shown, clientAddress, "account locked");
            return (null, Refused);
        }

        await db.Entry(account).ReloadAsync(cancellationToken);
        using (AuditContext.Begin(WebHardening.ActorOf(account), clock))
        {
            if (result == PasswordVerificationResult.SuccessRehashNeeded && !account.MustChangePassword)
            {
                account.ChangePassword(hasher.HashPassword(account, password));
            }

            account.RecordSignIn(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        log.SignInSucceeded(shown, clientAddress);
        return (account, null);
    }

    /// <summary>Hashes a new password after checking it against the password rule (<see cref="PasswordRule"/>).</summary>
    /// <exception cref="DomainException">The password breaks the rule.</exception>
    public string Hash(UserAccount? account, string password) => Application.Accounts.Passwords.Hash(password, account?.UserName);
}
