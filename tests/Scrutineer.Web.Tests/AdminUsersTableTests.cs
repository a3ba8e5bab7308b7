using System.Net;

namespace Scrutineer.Web.Tests;

/// <summary>The administration users table names scopes the force's way — priority numbers and strand titles, never store ids — as <c>user list</c> does.</summary>
public sealed class AdminUsersTableTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task UsersTable_ScopesInTheForcesWords()
    {
        var admin = await site.SignInAsync("admin");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin"));

        Assert.Contains("priority 1, priority 2, priority 3, priority 4, priority 5, priority 6", page, StringComparison.Ordinal);
        Assert.Contains("strand Domestic Abuse, strand Sexual Crime, Child Abuse and Exploitation", page, StringComparison.Ordinal);
        Assert.DoesNotContain("priority #", page, StringComparison.Ordinal);
        Assert.DoesNotContain("strand #", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersTable_SortedByRoleOrName_EitherWay()
    {
        var admin = await site.SignInAsync("admin");

        var byName = await admin.GetStringAsync("/admin");
        var byRoleDescending = await admin.GetStringAsync("/admin?sort=role&order=descending");

        var names = System.Text.RegularExpressions.Regex.Matches(byName, "href=\"/admin/users/\\d+\">([^<]+)</a>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase).ToList(), names);
        Assert.Contains("aria-sort=\"ascending\"><a class=\"govuk-link govuk-link--no-visited-state app-sort-link\" href=\"/admin?order=descending&amp;sort=user\">User name", byName, StringComparison.Ordinal);
        var roles = System.Text.RegularExpressions.Regex.Matches(byRoleDescending, "</a></td>\\s*<td class=\"govuk-table__cell\">[^<]*</td>\\s*<td class=\"govuk-table__cell\">([^<]+)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.True(roles.Count >= 9, $"{roles.Count} rows read");
        Assert.Equal(roles.OrderDescending(StringComparer.Ordinal).ToList(), roles);
    }
}
