using Microsoft.AspNetCore.Authorization;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Web.Accounts;

/// <summary>
/// The authorization policies, by role. Pages get them per folder (<see cref="PagePolicies"/>), API routes per group;
/// which record a user may touch within a page (their units, their priorities) is checked by <see cref="UpdateAccess"/>.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in account (the fallback for every page and API route not named otherwise).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Contributors: write their units' updates.</summary>
    public const string Contributor = "contributor";

    /// <summary>Reviewers: approve or return updates on their priorities.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Analysts and administrators: rounds, corrections, reports, data uploads.</summary>
    public const string Analyst = "analyst";

    /// <summary>Administrators: users, units, roles, plans.</summary>
    public const string Administrator = "administrator";

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlyDictionary<string, Role[]> Roles { get; } = new Dictionary<string, Role[]>(StringComparer.Ordinal)
    {
        [SignedIn] = Enum.GetValues<Role>(),
        [Contributor] = [Role.Contributor],
        [Reviewer] = [Role.Reviewer],
        [Analyst] = [Role.Analyst, Role.Administrator],
        [Administrator] = [Role.Administrator],
    };

    internal static void Register(AuthorizationOptions options)
    {
        foreach (var (name, roles) in Roles)
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToString())));
        }

        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
