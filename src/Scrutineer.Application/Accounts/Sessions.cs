using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Accounts;

/// <summary>
/// Signed-in sessions held in the store. Sign-in starts one and hands back a random token for the cookie (only its
/// SHA-256 hash is stored); every request checks it (<see cref="CheckAsync"/>); signing out, revoking, or a change to the
/// account's password, role, scopes or enabled state ends it at once. Used by the web app and the command line.
/// </summary>
public static class Sessions
{
    /// <summary>Random bytes in a session token (256 bits).</summary>
    public const int TokenBytes = 32;

    /// <summary>"Last seen" is written at most this often, so that a busy session does not write on every request.</summary>
    public static readonly TimeSpan LastSeenEvery = TimeSpan.FromMinutes(1);

    /// <summary>Starts a session for <paramref name="account"/>; returns the token for the cookie.</summary>
    public static async Task<string> StartAsync(ScrutineerDb db, UserAccount account, SessionLimits limits, DateTimeOffset now, string? clientAddress, string? userAgent, CancellationToken cancellationToken)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        db.Sessions.Add(new AccountSession(account.Id, Hash(token), account.Stamp, now, now + limits.AbsoluteLifetime, clientAddress, userAgent));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// The open session <paramref name="token"/> belongs to; null when there is none: an unknown token, a session ended,
    /// idle, past its lifetime, or whose account has changed or been disabled since (such a session is ended in the
    /// store with the reason). Records "last seen" at most once every <see cref="LastSeenEvery"/>.
    /// </summary>
    public static async Task<AccountSession?> CheckAsync(ScrutineerDb db, string? token, SessionLimits limits, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == session.AccountId)
            .Select(a => new { a.Stamp, a.IsDisabled }).SingleAsync(cancellationToken);
        var over = account.IsDisabled ? SessionEnd.AccountChanged : session.OverAt(now, limits.IdleTimeout, account.Stamp);
        if (over is { } reason)
        {
            if (session.EndReason is null)
            {
                await db.Sessions.Where(s => s.Id == session.Id && s.EndReason == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), cancellationToken);
            }

            return null;
        }

        if (now - session.LastSeenAt >= LastSeenEvery)
        {
            await db.Sessions.Where(s => s.Id == session.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        }

        return session;
    }

    /// <summary>Ends the session <paramref name="token"/> belongs to (signing out); nothing when it is unknown or ended.</summary>
    public static async Task EndAsync(ScrutineerDb db, string? token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return;
        }

        var hash = Hash(token);
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.TokenHash == hash && s.EndReason == null, cancellationToken);
        if (session is not null)
        {
            session.End(now, SessionEnd.SignedOut);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Ends one session of <paramref name="accountId"/> (the account itself or an administrator revoking it). False when
    /// the account has no open session with that identity.
    /// </summary>
    public static async Task<bool> RevokeAsync(ScrutineerDb db, int accountId, int sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.AccountId == accountId && s.EndReason == null, cancellationToken);
        if (session is null)
        {
            return false;
        }

        session.End(now, SessionEnd.Revoked);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Ends every session of <paramref name="accountId"/> ("sign out everywhere"); returns how many were open.</summary>
    public static async Task<int> EndAllAsync(ScrutineerDb db, int accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.Sessions.Where(s => s.AccountId == accountId && s.EndReason == null).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            session.End(now, SessionEnd.SignedOutEverywhere);
        }

        await db.SaveChangesAsync(cancellationToken);
        return open.Count;
    }

    /// <summary>The open sessions of <paramref name="accountId"/> at <paramref name="now"/>, most recently used first.</summary>
    public static async Task<IReadOnlyList<AccountSession>> ListOpenAsync(ScrutineerDb db, int accountId, SessionLimits limits, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.Stamp, a.IsDisabled }).SingleOrDefaultAsync(cancellationToken);
        if (account is null || account.IsDisabled)
        {
            return [];
        }

        // Times are compared here: SQLite stores them as text.
        var candidates = await db.Sessions.AsNoTracking().Where(s => s.AccountId == accountId && s.EndReason == null).ToListAsync(cancellationToken);
        return candidates.Where(s => s.OverAt(now, limits.IdleTimeout, account.Stamp) is null)
            .OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.Id).ToList();
    }

    /// <summary>SHA-256 of a token, 64 lower-case hexadecimal digits.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
