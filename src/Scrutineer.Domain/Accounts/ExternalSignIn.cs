namespace Scrutineer.Domain.Accounts;

/// <summary>
/// The link between a person at an OpenID Connect provider (issuer and subject, which never change) and a local
/// account. Someone unknown who signs in with no group mapping gets a disabled account that awaits an administrator's
/// approval.
/// </summary>
public sealed class ExternalSignIn
{
    /// <summary>Longest issuer address.</summary>
    public const int MaxIssuerLength = 400;

    /// <summary>Longest subject identifier.</summary>
    public const int MaxSubjectLength = 200;

    private ExternalSignIn()
    {
        Issuer = "";
        Subject = "";
    }

    /// <summary>Links <paramref name="accountId"/> to a provider's person.</summary>
    /// <param name="accountId">The local account.</param>
    /// <param name="issuer">The provider's issuer address (the token's <c>iss</c>).</param>
    /// <param name="subject">The person's stable identifier there (Entra ID's <c>oid</c>, otherwise <c>sub</c>).</param>
    /// <param name="now">When the person first signed in.</param>
    /// <param name="awaitsApproval">Whether an administrator must approve the account before it may sign in.</param>
    public ExternalSignIn(int accountId, string issuer, string subject, DateTimeOffset now, bool awaitsApproval)
    {
        AccountId = accountId;
        Issuer = issuer;
        Subject = subject;
        CreatedAt = now;
        AwaitsApproval = awaitsApproval;
    }

    /// <summary>Store identity.</summary>
    public int Id { get; private set; }

    /// <summary>The local account.</summary>
    public int AccountId { get; private set; }

    /// <summary>The provider's issuer address.</summary>
    public string Issuer { get; private set; }

    /// <summary>The person's stable identifier at the provider.</summary>
    public string Subject { get; private set; }

    /// <summary>When the person first signed in.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Whether the account waits for an administrator's approval.</summary>
    public bool AwaitsApproval { get; private set; }

    /// <summary>
    /// Whether the account's role and scopes come from its groups (set again at every sign-in); false when an
    /// administrator approved and placed it by hand.
    /// </summary>
    public bool PlacedByGroups { get; private set; }

    /// <summary>Records that a group mapping placed the account (approval is then not needed).</summary>
    public void PlaceByGroups()
    {
        PlacedByGroups = true;
        AwaitsApproval = false;
    }

    /// <summary>Records an administrator's approval: the role and scopes are now the administrator's to set.</summary>
    public void Approve()
    {
        AwaitsApproval = false;
        PlacedByGroups = false;
    }

    /// <summary>Puts the account back in the queue for approval (its groups no longer place it).</summary>
    public void AwaitApproval()
    {
        AwaitsApproval = true;
        PlacedByGroups = false;
    }
}
