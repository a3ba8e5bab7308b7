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
}
