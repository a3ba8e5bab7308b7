using System.Net;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Tests;

/// <summary>Each role opens exactly the sections it should: the folder policies, checked for every demo role.</summary>
public sealed class AuthorizationTests(DemoSite site) : IClassFixture<DemoSite>
{
    public static TheoryData<string, string, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        var pages = new[] { "/", "/priorities", "/priorities/commitments/1", "/accessibility", "/updates", "/review", "/rounds", "/rounds/4", "/rounds/4/outstanding.csv", "/admin", "/admin/users", "/api/plans", "/api/updates",
            "/strategy", "/strategy/tasks", "/insights", "/reports", "/data", "/api/measures", "/api/insights/rolling12" };
        var allowed = new Dictionary<string, string[]>
        {
            ["admin"] = ["/rounds", "/rounds/4", "/rounds/4/outstanding.csv", "/admin", "/admin/users", "/data"],
            ["analyst"] = ["/rounds", "/rounds/4", "/rounds/4/outstanding.csv", "/data"],
            ["contributor.north"] = ["/updates"],
            ["reviewer"] = ["/review"],
            ["viewer"] = [],
        };
        var everyone = new[] { "/", "/priorities", "/priorities/commitments/1", "/accessibility", "/api/plans", "/api/updates",
            "/strategy", "/strategy/tasks", "/insights", "/reports", "/api/measures", "/api/insights/rolling12" };
        foreach (var (user, extra) in allowed)
        {
            foreach (var page in pages)
            {
                data.Add(user, page, everyone.Contains(page) || extra.Contains(page) ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Page_Role_AllowedOrForbidden(string user, string path, HttpStatusCode expected)
    {
        var client = await site.SignInAsync(user);

        var response = await client.GetAsync(path);

        if (expected == HttpStatusCode.Forbidden && !path.StartsWith("/api", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public void PolicyTable_EveryFolderNamesARegisteredPolicy()
    {
        Assert.All(PagePolicies.Folders.Values, p => Assert.True(Policies.Roles.ContainsKey(p), p));
        Assert.Equal(Policies.Analyst, PagePolicies.Folders["/Rounds"]);
        Assert.DoesNotContain("/", PagePolicies.Anonymous);
    }

    [Fact]
    public async Task Navigation_Contributor_ShowsOnlyTheirSections()
    {
        var client = await site.SignInAsync("contributor.north");

        var html = await client.GetStringAsync("/");

        Assert.Contains("href=\"/updates\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/rounds\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/data\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/strategy\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/insights\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/reports\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_Analyst_ShowsData()
    {
        var client = await site.SignInAsync("analyst");

        var html = await client.GetStringAsync("/");

        Assert.Contains("href=\"/data\"", html, StringComparison.Ordinal);
    }
}
