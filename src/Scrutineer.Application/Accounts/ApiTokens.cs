using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Accounts;

/// <summary>
/// Read-only API tokens: created (the secret returned once), listed, revoked, and checked when a request presents one.
/// A secret is <see cref="Prefix"/> followed by 256 random bits in base64url; the store keeps its SHA-256 only.
/// The web's bearer sign-in and <c>scrutineer token …</c> both call these functions.
/// </summary>
public static class ApiTokens
{
    /// <summary>Every secret starts with this, so that a leaked one is easy to recognise (and for secret scanners).</summary>
    public const string Prefix = "scr_";

    /// <summary>How long a token lasts when no expiry date is given.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    /// <summary>The furthest ahead an expiry date may be.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    /// <summary>Last use is written at most this often per token, so that reading the API costs no write per request.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(5);


    /// <summary>
    /// Creates a token for the account named <paramref name="userName"/>, returning it with its secret (shown once).
    /// The token works up to the end of <paramref name="expires"/> (UK time), or for <see cref="DefaultLifetime"/>.
    /// </summary>
    /// <exception cref="DomainException">
    /// No such account; a disabled account; a blank or over-long name, or one the account already uses for a token that
    /// still works; an expiry date before tomorrow or more than a year ahead.
    /// </exception>
    public static async Task<(ApiToken Token, string Secret)> CreateAsync(ScrutineerDb db, string userName, string name, DateOnly? expires, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var account = await FindAccountAsync(db, userName, cancellationToken);
        if (account.IsDisabled)
        {
            throw new DomainException($"The account {account.UserName} is disabled: enable it before giving it a token.");
        }

        var checkedName = ApiToken.CheckName(name);
        var expiresAt = expires is { } day ? StartOfUkDay(day.AddDays(1)) : now + DefaultLifetime;
        if (expires is { } d && (expiresAt <= now || d <= UkClock.DateOf(now)))
        {
            throw new DomainException($"The expiry date {d:dd/MM/yyyy} must be after today ({UkClock.DateOf(now):dd/MM/yyyy}).");
        }

        if (expiresAt > now + MaxLifetime)
        {
            throw new DomainException($"The expiry date must be within a year ({UkClock.DateOf(now + MaxLifetime):dd/MM/yyyy} at the latest). Create a new token when it ends.");
        }

        var existing = await db.ApiTokens.Where(t => t.AccountId == account.Id && t.Name == checkedName).ToListAsync(cancellationToken);
        if (existing.Any(t => t.IsActive(now)))
        {
            throw new DomainException($"{account.UserName} already has a token named '{checkedName}'. Choose another name, or revoke that token first.");
        }

        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken(account.Id, checkedName, Hash(secret), now, expiresAt);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>The account's tokens, newest first (revoked and expired ones included, to show when they ended).</summary>
    /// <exception cref="DomainException">No such account.</exception>
    public static async Task<IReadOnlyList<ApiToken>> ListAsync(ScrutineerDb db, string userName, CancellationToken cancellationToken)
    {
        var account = await FindAccountAsync(db, userName, cancellationToken);
        return await ListAsync(db, account.Id, cancellationToken);
    }

    /// <summary>The tokens of the account with identity <paramref name="accountId"/>, newest first.</summary>
    public static async Task<IReadOnlyList<ApiToken>> ListAsync(ScrutineerDb db, int accountId, CancellationToken cancellationToken) =>
        (await db.ApiTokens.AsNoTracking().Where(t => t.AccountId == accountId).ToListAsync(cancellationToken))
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToList();

    /// <summary>Revokes the account's working token named <paramref name="name"/>.</summary>
    /// <exception cref="DomainException">No such account, or no working token of that name.</exception>
    public static async Task<ApiToken> RevokeAsync(ScrutineerDb db, string userName, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var account = await FindAccountAsync(db, userName, cancellationToken);
        var trimmed = (name ?? "").Trim();
        var token = (await db.ApiTokens.Where(t => t.AccountId == account.Id && t.Name == trimmed).ToListAsync(cancellationToken))
            .FirstOrDefault(t => t.IsActive(now))
            ?? throw new DomainException($"{account.UserName} has no working token named '{trimmed}'. List them with: scrutineer token list --user {account.UserName}");
        token.Revoke(now);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Revokes token <paramref name="tokenId"/> of account <paramref name="accountId"/> (the account's own page).</summary>
    /// <exception cref="DomainException">The account has no such token, or it was already revoked.</exception>
    public static async Task<ApiToken> RevokeAsync(ScrutineerDb db, int accountId, int tokenId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.AccountId == accountId, cancellationToken)
            ?? throw new DomainException("That token does not exist. It may have been removed.");
        token.Revoke(now);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// The account a presented secret reads as, or null with the reason: unknown, revoked or expired token, or a
    /// disabled account. Records the use (at most every <see cref="LastUseResolution"/>).
    /// </summary>
    public static async Task<(UserAccount? Account, string? Problem, string? TokenName)> AuthenticateAsync(ScrutineerDb db, string? secret, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return (null, "The token is not a Scrutineer API token.", null);
        }

        var hash = Hash(secret);
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        if (token is null)
        {
            return (null, "The token is not known.", null);
        }

        if (token.RevokedAt is not null)
        {
            return (null, "The token was revoked.", null);
        }

        if (!token.IsActive(now))
        {
            return (null, "The token has expired.", null);
        }

        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == token.AccountId, cancellationToken);
        if (account is null || account.IsDisabled)
        {
            return (null, "The token's account is disabled.", null);
        }

        if (token.LastUsedAt is not { } last || now - last >= LastUseResolution)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return (account, null, token.Name);
    }

    /// <summary>Lower-case hexadecimal SHA-256 of the secret's UTF-8 bytes.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static async Task<UserAccount> FindAccountAsync(ScrutineerDb db, string userName, CancellationToken cancellationToken)
    {
        var name = UserAccount.NormaliseUserName(userName);
        return await db.Accounts.SingleOrDefaultAsync(a => a.UserName == name, cancellationToken)
            ?? throw new DomainException($"There is no account with the user name {name}.");
    }

    private static DateTimeOffset StartOfUkDay(DateOnly day)
    {
        var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return midnight - UkClock.Local(midnight).Offset;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
