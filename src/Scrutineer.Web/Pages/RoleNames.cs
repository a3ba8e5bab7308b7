using Scrutineer.Domain.Accounts;

namespace Scrutineer.Web.Pages;

/// <summary>Roles as the pages name them.</summary>
public static class RoleNames
{
    public static string Of(Role role) => role switch
    {
        Role.Administrator => "administrator",
        Role.Analyst => "analyst",
        Role.Contributor => "contributor",
        Role.Reviewer => "reviewer",
        Role.Viewer => "viewer",
    };
}
