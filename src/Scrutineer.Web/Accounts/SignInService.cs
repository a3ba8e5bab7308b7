using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Web.Accounts;

/// <summary>Checks a user name and password, counting failures towards lockout, and hashes new passwords.</summary>
public sealed class SignInService(ScrutineerDb db, IPasswordHasher<UserAccount> hasher, TimeProvider clock, ILogger<SignInService> log)
{
    /// <summary>Shortest password accepted when an administrator sets one.</summary>
    public const int MinimumPasswordLength = PasswordRule.MinimumLength;

    /// <summary>The account when the password is right; null (with the reason) otherwise. Saves the failure count.</summary>
    public async Task<(UserAccount? Account, string? Problem)> CheckAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        const string wrong = "The user name or password is not right.";
        string name;
        try
        {
            name = UserAccount.NormaliseUserName(userName);
        }
        catch (DomainException)
        {
            return (null, wrong);
        }

        var account = await db.Accounts.SingleOrDefaultAsync(a => a.UserName == name, cancellationToken);
        var now = clock.GetUtcNow();
        if (account is null)
        {
            log.LogWarning("Sign-in refused for unknown user {UserName}", name);
            return (null, wrong);
        }

        if (account.IsLockedOut(now))
        {
            log.LogWarning("Sign-in refused for locked account {UserName}", name);
            return (null, "This account is locked after too many failed sign-ins. Try again in 15 minutes or ask an administrator to unlock it.");
        }

        var result = string.IsNullOrEmpty(password) ? PasswordVerificationResult.Failed : hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            account.RecordFailedSignIn(now);
            await db.SaveChangesAsync(cancellationToken);
            log.LogWarning("Sign-in failed for {UserName} ({Failures} in a row)", name, account.FailedSignIns);
            return (null, account.IsLockedOut(now)
                ? "This account is now locked after too many failed sign-ins. Try again in 15 minutes or ask an administrator to unlock it."
                : wrong);
        }

        if (account.IsDisabled)
        {
            return (null, "This account is disabled. Ask an administrator to enable it.");
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded && !account.MustChangePassword)
        {
            account.ChangePassword(hasher.HashPassword(account, password!));
        }

        account.RecordSignIn(now);
        await db.SaveChangesAsync(cancellationToken);
        log.LogInformation("Signed in {UserName} as {Role}", name, account.Role);
        return (account, null);
    }

    /// <summary>Hashes a new password after checking it against the password rule (<see cref="PasswordRule"/>).</summary>
    /// <exception cref="DomainException">The password breaks the rule.</exception>
    public string Hash(UserAccount? account, string password) => Application.Accounts.Passwords.Hash(password, account?.UserName);
}
