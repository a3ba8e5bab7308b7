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
/// stored only as the data protector sealed it, so the store, its backups and the audit trail never hold it.
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
    /// A new authenticator secret for the account to set up: in base32 to type into the app, as the otpauth URI the app
    /// reads, and sealed by <paramref name="protector"/> to carry until <see cref="ConfirmAsync"/> (nothing is stored yet).
    /// </summary>
    public static (string Secret, string Uri, string Sealed) NewSecret(IDataProtector protector, UserAccount account)
    {
        var secret = TimeBasedOneTimePassword.NewSecret();
        var text = Base32.Encode(secret);
        return (text, TimeBasedOneTimePassword.Uri(Issuer, account.UserName, secret), protector.Protect(text));
    }

    /// <summary>The base32 secret and otpauth URI of a sealed secret from <see cref="NewSecret"/>; null when it does not unseal.</summary>
    public static (string Secret, string Uri)? Unseal(IDataProtector protector, UserAccount account, string? sealedSecret)
    {
        try
        {
            var text = protector.Unprotect(sealedSecret ?? "");
            return (text, TimeBasedOneTimePassword.Uri(Issuer, account.UserName, Base32.Decode(text)));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// Sets up two-step sign-in with the sealed secret from <see cref="NewSecret"/> and the first code the app shows,
    /// and returns the recovery codes (shown once; only their hashes are kept). Saves.
    /// </summary>
    /// <exception cref="DomainException">Already set up; the secret does not unseal; the code is not right.</exception>
    public static async Task<IReadOnlyList<string>> ConfirmAsync(ScrutineerDb db, IDataProtector protector, UserAccount account, string? sealedSecret, string? code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await IsSetUpAsync(db, account.Id, cancellationToken))
        {
            throw new DomainException("Two-step sign-in is already set up for this account. Ask an administrator to reset it to set it up again.");
        }

        var secret = Unseal(protector, account, sealedSecret)
            ?? throw new DomainException("Start setting up two-step sign-in again: the key on the page has expired.");
        var step = TimeBasedOneTimePassword.Verify(Base32.Decode(secret.Secret), code, now, 0)
            ?? throw new DomainException("Enter the 6-digit code your authenticator app shows now");
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        await db.TwoStepCredentials.Where(c => c.AccountId == account.Id).ExecuteDeleteAsync(cancellationToken);
        var credential = new TwoStepCredential(account.Id, sealedSecret!);
        credential.Confirm(now, step, codes.Select(Hash));
        db.TwoStepCredentials.Add(credential);
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
