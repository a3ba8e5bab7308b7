using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Accounts;

/// <summary>
/// Two-step sign-in for local accounts: setting up an authenticator app (RFC 6238), recovery codes, checking the
/// second step, and the store-wide setting that requires it of every local account. The authenticator secret is
/// stored only as <paramref name="protector"/> sealed it, so the store, its backups and the audit trail never hold it.
/// </summary>
public static class TwoStepSignIn
{
    /// <summary>Recovery codes issued at set-up.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>The name authenticator apps show for this service.</summary>
    public const string Issuer = "Scrutineer";

    /// <summary>The data protection purpose the authenticator secrets are sealed under.</summary>
    public const string ProtectionPurpose = "Scrutineer.TwoStepSignIn.Secret";

    /// <summary>Whether every local account must use two-step sign-in.</summary>
    public static async Task<bool> IsRequiredAsync(ScrutineerDb db, CancellationToken cancellationToken) =>
        await db.StoreSettings.AsNoTracking().AnyAsync(s => s.Name == StoreSetting.RequireTwoStep && s.Value == "true", cancellationToken);

    /// <summary>Requires (or stops requiring) two-step sign-in of every local account. Saves.</summary>
    public static async Task RequireAsync(ScrutineerDb db, bool required, CancellationToken cancellationToken)
    {
        var setting = await db.StoreSettings.SingleOrDefaultAsync(s => s.Name == StoreSetting.RequireTwoStep, cancellationToken);
        if (setting is null)
        {
            db.StoreSettings.Add(new StoreSetting(StoreSetting.RequireTwoStep, required ? "true" : "false"));
        }
        else
        {
            setting.Value = required ? "true" : "false";
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether the account has confirmed two-step sign-in.</summary>
    public static Task<bool> IsSetUpAsync(ScrutineerDb db, int accountId, CancellationToken cancellationToken) =>
        db.TwoStepCredentials.AsNoTracking().AnyAsync(c => c.AccountId == accountId && c.ConfirmedAt != null, cancellationToken);

    /// <summary>
    /// Starts (or restarts) setting up an authenticator for the account: a new secret, returned in base32 with the
    /// otpauth URI for the app. Saves. Refused once set up (an administrator resets it first).
    /// </summary>
    /// <exception cref="DomainException">Two-step sign-in is already set up.</exception>
    public static async Task<(string Secret, string Uri)> BeginAsync(ScrutineerDb db, IDataProtector protector, UserAccount account, CancellationToken cancellationToken)
    {
        var existing = await db.TwoStepCredentials.SingleOrDefaultAsync(c => c.AccountId == account.Id, cancellationToken);
        if (existing is { IsConfirmed: true })
        {
            throw new DomainException("Two-step sign-in is already set up for this account. Ask an administrator to reset it to set it up again.");
        }

        if (existing is not null)
        {
            db.TwoStepCredentials.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
        }

        var secret = TimeBasedOneTimePassword.NewSecret();
        db.TwoStepCredentials.Add(new TwoStepCredential(account.Id, protector.Protect(Base32.Encode(secret))));
        await db.SaveChangesAsync(cancellationToken);
        return (Base32.Encode(secret), TimeBasedOneTimePassword.Uri(Issuer, account.UserName, secret));
    }

    /// <summary>The secret being set up, in base32, and its otpauth URI; null when set-up has not begun or is complete.</summary>
    public static async Task<(string Secret, string Uri)?> PendingAsync(ScrutineerDb db, IDataProtector protector, UserAccount account, CancellationToken cancellationToken)
    {
        var credential = await db.TwoStepCredentials.AsNoTracking().SingleOrDefaultAsync(c => c.AccountId == account.Id && c.ConfirmedAt == null, cancellationToken);
        if (credential is null)
        {
            return null;
        }

        var secret = Base32.Decode(protector.Unprotect(credential.ProtectedSecret));
        return (Base32.Encode(secret), TimeBasedOneTimePassword.Uri(Issuer, account.UserName, secret));
    }

    /// <summary>
    /// Completes set-up with the first code the app shows, and returns the recovery codes (shown once; only their hashes
    /// are kept). Saves.
    /// </summary>
    /// <exception cref="DomainException">Set-up has not begun; the code is not right.</exception>
    public static async Task<IReadOnlyList<string>> ConfirmAsync(ScrutineerDb db, IDataProtector protector, int accountId, string? code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var credential = await db.TwoStepCredentials.SingleOrDefaultAsync(c => c.AccountId == accountId && c.ConfirmedAt == null, cancellationToken)
            ?? throw new DomainException("Start setting up two-step sign-in again: there is no authenticator being set up.");
        var step = TimeBasedOneTimePassword.Verify(Secret(protector, credential), code, now, credential.LastUsedStep)
            ?? throw new DomainException("Enter the 6-digit code your authenticator app shows now");
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        credential.Confirm(now, step, codes.Select(Hash));
        await db.SaveChangesAsync(cancellationToken);
        return codes;
    }

    /// <summary>
    /// Checks the second step: a code from the authenticator (not one already used) or an unused recovery code, which is
    /// then used up. Saves. False when neither.
    /// </summary>
    public static async Task<bool> VerifyAsync(ScrutineerDb db, IDataProtector protector, int accountId, string? code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var credential = await db.TwoStepCredentials.SingleOrDefaultAsync(c => c.AccountId == accountId && c.ConfirmedAt != null, cancellationToken);
        if (credential is null || string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        if (TimeBasedOneTimePassword.Verify(Secret(protector, credential), code, now, credential.LastUsedStep) is { } step)
        {
            credential.UseStep(step);
        }
        else if (!credential.UseRecoveryCode(Hash(code)))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Removes the account's two-step sign-in (an administrator's action, when a phone is lost). Saves.</summary>
    public static async Task ResetAsync(ScrutineerDb db, UserAccount account, CancellationToken cancellationToken)
    {
        await db.TwoStepCredentials.Where(c => c.AccountId == account.Id).ExecuteDeleteAsync(cancellationToken);
        account.Unlock();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static byte[] Secret(IDataProtector protector, TwoStepCredential credential) => Base32.Decode(protector.Unprotect(credential.ProtectedSecret));

    /// <summary>Ten characters from base32 in two groups, for example "7KQ2M-XD4PA" (50 bits).</summary>
    private static string NewRecoveryCode()
    {
        var code = Base32.Encode(RandomNumberGenerator.GetBytes(7))[..10];
        return $"{code[..5]}-{code[5..]}";
    }

    private static string Hash(string code)
    {
        var normalised = code.Trim().ToUpperInvariant().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
