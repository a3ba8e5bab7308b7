using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Accounts;

/// <summary>
/// A named, read-only key to the JSON API that an account gives to an integration such as Power BI. It reads exactly
/// what its account may read. Only a hash of the secret is kept; the secret is shown once, when the token is created.
/// </summary>
public sealed class ApiToken
{
    /// <summary>Longest token name.</summary>
    public const int MaxNameLength = 100;

    private ApiToken()
    {
        Name = "";
        SecretHash = "";
    }

    /// <summary>Creates a token for <paramref name="accountId"/>.</summary>
    /// <param name="accountId">The account whose reading the token carries.</param>
    /// <param name="name">What the token is for, for example "Power BI performance dashboard" (1 to 100 characters).</param>
    /// <param name="secretHash">The hash of the secret (never the secret).</param>
    /// <param name="now">When it is created.</param>
    /// <param name="expiresAt">The moment (UTC) from which the token is refused; after <paramref name="now"/>.</param>
    /// <exception cref="DomainException">A blank or over-long name, or an expiry that is not in the future.</exception>
    public ApiToken(int accountId, string name, string secretHash, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        Name = CheckName(name);
        if (expiresAt <= now)
        {
            throw new DomainException("The expiry date must be in the future.");
        }

        AccountId = accountId;
        SecretHash = string.IsNullOrWhiteSpace(secretHash) ? throw new ArgumentException("A token needs a hash.", nameof(secretHash)) : secretHash;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    /// <summary>Store identity.</summary>
    public int Id { get; private set; }

    /// <summary>The account the token reads as.</summary>
    public int AccountId { get; private set; }

    /// <summary>What the token is for; unique among the account's tokens.</summary>
    public string Name { get; private set; }

    /// <summary>Lower-case hexadecimal SHA-256 of the secret.</summary>
    public string SecretHash { get; private set; }

    /// <summary>When the token was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The token is refused from this moment (UTC).</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When the token was last accepted (to within a few minutes); null if never used.</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>When the token was revoked; null while it is not.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Whether the token is accepted at <paramref name="now"/>: neither revoked nor expired.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>Stops the token working from <paramref name="now"/>.</summary>
    /// <exception cref="DomainException">The token was already revoked.</exception>
    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            throw new DomainException($"The token '{Name}' was already revoked.");
        }

        RevokedAt = now;
    }

    /// <summary>Trims and checks a token name.</summary>
    /// <exception cref="DomainException">Blank or longer than <see cref="MaxNameLength"/> characters.</exception>
    public static string CheckName(string? name)
    {
        var trimmed = (name ?? "").Trim();
        return trimmed.Length is 0 or > MaxNameLength
            ? throw new DomainException($"Enter a token name of 1 to {MaxNameLength} characters, saying what will use it (for example \"Power BI dashboard\").")
            : trimmed;
    }
}
