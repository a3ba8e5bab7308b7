namespace Scrutineer.Domain.Accounts;

/// <summary>
/// One signed-in session of a <see cref="UserAccount"/>, held on the server: the sign-in cookie carries only a random
/// token whose SHA-256 hash is <see cref="TokenHash"/>. A session is open until it is ended (signed out, revoked, the
/// account changed), until no request comes for the idle timeout, or until <see cref="ExpiresAt"/>, whichever is first.
/// </summary>
public sealed class AccountSession
{
    private AccountSession()
    {
        TokenHash = "";
    }

    /// <summary>Starts a session at <paramref name="now"/> that lasts at most until <paramref name="expiresAt"/>.</summary>
    /// <param name="accountId">The account signed in.</param>
    /// <param name="tokenHash">SHA-256 of the cookie's token, 64 lower-case hexadecimal digits.</param>
    /// <param name="accountStamp">The account's <see cref="UserAccount.Stamp"/> at sign-in; the session ends once it moves.</param>
    /// <param name="now">The moment of sign-in (UTC).</param>
    /// <param name="expiresAt">The absolute end of the session (exclusive).</param>
    /// <param name="clientAddress">The client's address as the server saw it, cut to 64 characters.</param>
    /// <param name="userAgent">The browser's User-Agent, cut to 300 characters.</param>
    /// <exception cref="ArgumentException">A blank token hash, or an expiry not after <paramref name="now"/>.</exception>
    public AccountSession(int accountId, string tokenHash, int accountStamp, DateTimeOffset now, DateTimeOffset expiresAt, string? clientAddress, string? userAgent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        if (expiresAt <= now)
        {
            throw new ArgumentException("A session must expire after it starts.", nameof(expiresAt));
        }

        AccountId = accountId;
        TokenHash = tokenHash;
        AccountStamp = accountStamp;
        StartedAt = now;
        LastSeenAt = now;
        ExpiresAt = expiresAt;
        ClientAddress = Cut(clientAddress, 64);
        UserAgent = Cut(userAgent, 300);
    }

    /// <summary>Store identity; shown to the account so that it can end one session of several.</summary>
    public int Id { get; private set; }

    /// <summary>The account signed in.</summary>
    public int AccountId { get; private set; }

    /// <summary>SHA-256 of the cookie's token, hexadecimal (the token itself is never stored).</summary>
    public string TokenHash { get; private set; }

    /// <summary>The account's <see cref="UserAccount.Stamp"/> when the session began.</summary>
    public int AccountStamp { get; private set; }

    /// <summary>When the account signed in (UTC).</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When the session last made a request (UTC), recorded at most once a minute.</summary>
    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>The absolute end of the session (UTC, exclusive), however busy it is.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>The client's address at sign-in; null when unknown.</summary>
    public string? ClientAddress { get; private set; }

    /// <summary>The browser that signed in (its User-Agent); null when it sent none.</summary>
    public string? UserAgent { get; private set; }

    /// <summary>When the session ended (UTC); null while it has not been ended.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Why the session ended; null while it has not been ended.</summary>
    public SessionEnd? EndReason { get; private set; }

    /// <summary>
    /// Why the session is over at <paramref name="now"/>, or null while it is open: ended already, past
    /// <see cref="ExpiresAt"/>, idle for <paramref name="idleTimeout"/> or longer, or the account's stamp has moved.
    /// </summary>
    public SessionEnd? OverAt(DateTimeOffset now, TimeSpan idleTimeout, int accountStamp) =>
        EndReason ?? (now >= ExpiresAt ? SessionEnd.Expired
            : now - LastSeenAt >= idleTimeout ? SessionEnd.Idle
            : accountStamp != AccountStamp ? SessionEnd.AccountChanged
            : null);

    /// <summary>Ends the session at <paramref name="now"/>; a session already ended keeps its first reason.</summary>
    public void End(DateTimeOffset now, SessionEnd reason)
    {
        if (EndReason is not null)
        {
            return;
        }

        EndedAt = now;
        EndReason = reason;
    }

    private static string? Cut(string? value, int length) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var v && v.Length > length ? v[..length] : value.Trim();
}
