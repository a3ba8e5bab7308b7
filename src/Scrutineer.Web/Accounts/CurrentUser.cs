using System.Globalization;
using System.Security.Claims;
using Scrutineer.Application.Security;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Web.Accounts;

/// <summary>The signed-in account as the pages need it: identity, display name, role and scopes (from the session).</summary>
public sealed record CurrentUser(int Id, string UserName, string DisplayName, Role Role, IReadOnlySet<int> UnitIds, IReadOnlySet<int> PriorityIds, IReadOnlySet<int> StrandIds, bool ReadsSensitive)
{
    /// <summary>The account as the need-to-know rule (<see cref="NeedToKnow"/>) sees it.</summary>
    public Reader Reader => new(Role, UnitIds, PriorityIds, StrandIds, ReadsSensitive);

    /// <summary>Analysts and administrators run rounds and may correct any update.</summary>
    public bool IsAnalyst => Role is Role.Analyst or Role.Administrator;

    /// <summary>Reads the session's claims; null when nobody is signed in.</summary>
    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !Enum.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return null;
        }

        return new CurrentUser(
            id,
            principal.FindFirstValue(ScrutineerClaims.UserName) ?? "",
            principal.FindFirstValue(ClaimTypes.Name) ?? "",
            role,
            Ids(principal, ScrutineerClaims.Unit),
            Ids(principal, ScrutineerClaims.Priority),
            Ids(principal, ScrutineerClaims.Strand),
            principal.HasClaim(ScrutineerClaims.ReadsSensitive, "true"));
    }

    /// <summary>
    /// The claims a session for <paramref name="account"/> carries; <paramref name="pendingStep"/> names the one page
    /// the session may open until that step is done (<see cref="PendingSignInStep"/>).
    /// </summary>
    public static ClaimsPrincipal Principal(UserAccount account, string scheme, string? pendingStep = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.DisplayName),
            new(ClaimTypes.Role, account.Role.ToString()),
            new(ScrutineerClaims.UserName, account.UserName),
            new(ScrutineerClaims.Stamp, account.Stamp.ToString(CultureInfo.InvariantCulture)),
            new(ScrutineerClaims.ReadsSensitive, account.ReadsSensitive ? "true" : "false"),
        };
        claims.AddRange(account.UnitIds.Select(i => new Claim(ScrutineerClaims.Unit, i.ToString(CultureInfo.InvariantCulture))));
        claims.AddRange(account.PriorityIds.Select(i => new Claim(ScrutineerClaims.Priority, i.ToString(CultureInfo.InvariantCulture))));
        claims.AddRange(account.StrandIds.Select(i => new Claim(ScrutineerClaims.Strand, i.ToString(CultureInfo.InvariantCulture))));
        if (pendingStep is not null)
        {
            claims.Add(new Claim(ScrutineerClaims.PendingStep, pendingStep));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    private static HashSet<int> Ids(ClaimsPrincipal principal, string type) =>
        principal.FindAll(type).Select(c => int.Parse(c.Value, NumberStyles.None, CultureInfo.InvariantCulture)).ToHashSet();
}
