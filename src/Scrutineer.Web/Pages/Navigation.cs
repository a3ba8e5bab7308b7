using Scrutineer.Domain.Accounts;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Pages;

/// <summary>The service navigation: the sections a role can use.</summary>
public static class Navigation
{
    public sealed record Item(string Text, string Href)
    {
        public bool IsCurrent(string path) => Href == "/"
            ? path == "/"
            : path.StartsWith(Href, StringComparison.OrdinalIgnoreCase);
    }

    public static IReadOnlyList<Item> For(CurrentUser? user)
    {
        if (user is null)
        {
            return [];
        }

        var items = new List<Item>
        {
            new("Dashboard", "/"), new("Priorities", "/priorities"), new("Strategy", "/strategy"), new("Insights", "/insights"), new("Reports", "/reports"),
        };
        switch (user.Role)
        {
            case Role.Contributor:
                items.Add(new("Your updates", "/updates"));
                break;
            case Role.Reviewer:
                items.Add(new("Review", "/review"));
                break;
            case Role.Analyst:
                items.Add(new("Rounds", "/rounds"));
                items.Add(new("Data", "/data"));
                break;
            case Role.Administrator:
                items.Add(new("Rounds", "/rounds"));
                items.Add(new("Data", "/data"));
                items.Add(new("Administration", "/admin"));
                break;
            case Role.Viewer:
                break;
        }

        items.Add(new("Search", "/search"));
        return items;
    }
}
