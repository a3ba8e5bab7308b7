using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Accounts;

/// <summary>A person changing their own password: the current one is required, and the new one must meet <see cref="PasswordRule"/>.</summary>
public static class OwnPassword
{
    /// <summary>Replaces the password of account <paramref name="accountId"/> and saves; its other sessions end.</summary>
    /// <exception cref="DomainException">The current password is not right; the new one breaks the rule or is the same as the current one.</exception>
    public static async Task<UserAccount> ChangeAsync(ScrutineerDb db, int accountId, string? currentPassword, string? newPassword, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.SingleAsync(a => a.Id == accountId, cancellationToken);
        if (Passwords.Verify(account, currentPassword) == PasswordVerificationResult.Failed)
        {
            throw new DomainException("Your current password is not right. Enter the password you signed in with");
        }

        if (string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
        {
            throw new DomainException("Enter a new password that is different from your current one");
        }

        account.ChangePassword(Passwords.Hash(newPassword, account.UserName));
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }
}
