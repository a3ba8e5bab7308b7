using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Scrutineer.Web.Accounts;

/// <summary>
/// Which policy guards which folder of pages, and which pages are open to everyone. Everything not listed needs a
/// signed-in account (the fallback policy). The table is public so that the routes can be enumerated and checked.
/// </summary>
public static class PagePolicies
{
    /// <summary>Page folder → policy.</summary>
    public static IReadOnlyDictionary<string, string> Folders { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/Updates"] = Policies.Contributor,
        ["/Review"] = Policies.Reviewer,
        ["/Rounds"] = Policies.Analyst,
        ["/Data"] = Policies.Analyst,
        ["/Admin"] = Policies.Administrator,
    };

    /// <summary>Pages anyone may open without signing in.</summary>
    public static IReadOnlyList<string> Anonymous { get; } = ["/Account/SignIn", "/Account/TwoStep", "/Account/AccessDenied", "/Accessibility", "/Error"];

    internal static void Apply(PageConventionCollection conventions)
    {
        foreach (var (folder, policy) in Folders)
        {
            conventions.AuthorizeFolder(folder, policy);
        }

        foreach (var page in Anonymous)
        {
            conventions.AllowAnonymousToPage(page);
        }
    }
}
