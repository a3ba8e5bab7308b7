using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Accounts;

/// <summary>A person as an OpenID Connect provider vouched for them, after their ID token was validated.</summary>
/// <param name="Issuer">The provider's issuer address.</param>
/// <param name="Subject">Their stable identifier there (Entra ID's <c>oid</c>, otherwise <c>sub</c>).</param>
/// <param name="UserName">A suggested user name (<c>preferred_username</c> or <c>email</c>), if any.</param>
/// <param name="DisplayName">Their name, if the provider sent one.</param>
/// <param name="Groups">The groups claim's values.</param>
public sealed record ExternalIdentity(string Issuer, string Subject, string? UserName, string? DisplayName, IReadOnlyList<string> Groups);

/// <summary>What a single sign-on came to.</summary>
public enum SingleSignOnOutcome
{
    /// <summary>The account may sign in.</summary>
    SignedIn,

    /// <summary>The account waits for an administrator's approval.</summary>
    AwaitingApproval,

    /// <summary>An administrator disabled the account.</summary>
    Disabled,
}

/// <summary>
/// Single sign-on's rules: which local account a provider's person is, what role and scopes their groups give them
/// (<see cref="GroupMapping.Place"/>), and approval of people no mapping places.
/// </summary>
public static class SingleSignOn
{
    /// <summary>
    /// Finds or creates the account for <paramref name="who"/>. A mapping that places their groups sets the account's
    /// role and scopes at every sign-in; someone new whom no mapping places gets a disabled viewer account awaiting
    /// approval; someone whose groups placed them before but no longer do goes back to awaiting approval. All in one
    /// transaction.
    /// </summary>
    /// <param name="unusablePasswordHash">A hash of a random password nobody knows, for a new account (it signs in only through the provider).</param>
    public static async Task<(SingleSignOnOutcome Outcome, UserAccount Account)> SignInAsync(
        ScrutineerDb db, ExternalIdentity who, string unusablePasswordHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(who.Issuer) || who.Issuer.Length > ExternalSignIn.MaxIssuerLength
            || string.IsNullOrWhiteSpace(who.Subject) || who.Subject.Length > ExternalSignIn.MaxSubjectLength)
        {
            throw new DomainException("The identity provider did not say who you are (no issuer or subject). Ask your administrator to check the single sign-on settings.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var placement = GroupMapping.Place(await db.GroupMappings.AsNoTracking().ToListAsync(cancellationToken), who.Groups);
        var link = await db.ExternalSignIns.SingleOrDefaultAsync(e => e.Issuer == who.Issuer && e.Subject == who.Subject, cancellationToken);
        UserAccount account;
        if (link is null)
        {
            var userName = await FreeUserNameAsync(db, who, cancellationToken);
            account = new UserAccount(userName, Display(who, userName), placement?.Role ?? Role.Viewer, unusablePasswordHash, now, placement?.Scopes);
            if (placement is null)
            {
                account.Disable();
            }

            db.Accounts.Add(account);
            await db.SaveChangesAsync(cancellationToken);
            link = new ExternalSignIn(account.Id, who.Issuer, who.Subject, now, awaitsApproval: placement is null);
            if (placement is not null)
            {
                link.PlaceByGroups();
            }

            db.ExternalSignIns.Add(link);
        }
        else
        {
            account = await db.Accounts.SingleAsync(a => a.Id == link.AccountId, cancellationToken);
            if (placement is { } place)
            {
                if (account.Role != place.Role || !account.Scopes.SequenceEqual(place.Scopes))
                {
                    account.Assign(place.Role, place.Scopes);
                }

                if (link.AwaitsApproval)
                {
                    account.Enable();
                }

                link.PlaceByGroups();
            }
            else if (link.PlacedByGroups)
            {
                account.Disable();
                link.AwaitApproval();
            }

            if (who.DisplayName is { Length: > 0 } name && name.Trim() != account.DisplayName)
            {
                account.Rename(name);
            }
        }

        var outcome = link.AwaitsApproval ? SingleSignOnOutcome.AwaitingApproval
            : account.IsDisabled ? SingleSignOnOutcome.Disabled
            : SingleSignOnOutcome.SignedIn;
        if (outcome == SingleSignOnOutcome.SignedIn)
        {
            account.Unlock();
            account.RecordSignIn(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (outcome, account);
    }

    /// <summary>Accounts that signed in through the provider and wait for approval, oldest first.</summary>
    public static async Task<IReadOnlyList<(UserAccount Account, DateTimeOffset Since)>> AwaitingApprovalAsync(ScrutineerDb db, CancellationToken cancellationToken)
    {
        var waiting = await db.ExternalSignIns.AsNoTracking().Where(e => e.AwaitsApproval).ToListAsync(cancellationToken);
        var ids = waiting.Select(e => e.AccountId).ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        return waiting.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Select(e => (accounts[e.AccountId], e.CreatedAt)).ToList();
    }

    /// <summary>Approves an account awaiting approval: it is enabled (as a viewer unless an administrator set another role).</summary>
    /// <exception cref="DomainException">The account is not waiting for approval.</exception>
    public static async Task<UserAccount> ApproveAsync(ScrutineerDb db, int accountId, CancellationToken cancellationToken)
    {
        var link = await db.ExternalSignIns.SingleOrDefaultAsync(e => e.AccountId == accountId && e.AwaitsApproval, cancellationToken)
            ?? throw new DomainException("That account is not waiting for approval. It may have been approved already.");
        var account = await db.Accounts.SingleAsync(a => a.Id == accountId, cancellationToken);
        link.Approve();
        account.Enable();
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    private static string Display(ExternalIdentity who, string userName) =>
        string.IsNullOrWhiteSpace(who.DisplayName) ? userName : who.DisplayName.Trim()[..Math.Min(200, who.DisplayName.Trim().Length)];

    /// <summary>The suggested user name if it is valid and free, else it with "-2", "-3"…; "sso-…" when none was suggested.</summary>
    private static async Task<string> FreeUserNameAsync(ScrutineerDb db, ExternalIdentity who, CancellationToken cancellationToken)
    {
        string stem;
        try
        {
            stem = UserAccount.NormaliseUserName(who.UserName);
            stem = stem[..Math.Min(stem.Length, 90)];
        }
        catch (DomainException)
        {
            stem = "sso-" + ApiTokens.Hash(who.Issuer + "|" + who.Subject)[..12];
        }

        var candidate = stem;
        for (var n = 2; await db.Accounts.AnyAsync(a => a.UserName == candidate, cancellationToken); n++)
        {
            candidate = $"{stem}-{n}";
        }

        return candidate;
    }
}
