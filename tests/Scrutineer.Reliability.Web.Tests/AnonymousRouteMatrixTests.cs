using System.Net;
using System.Text.RegularExpressions;
using Scrutineer.Web.Tests;

namespace Scrutineer.Reliability.Web.Tests;

/// <summary>
/// Every GET route in the application's route table, requested without signing in: each is refused (a page redirects to
/// sign-in, the API answers 401) unless it is on the short public list. Generated from the route table, so a page added
/// without protection fails here without anyone writing a test for it.
/// </summary>
public sealed partial class AnonymousRouteMatrixTests(DemoSite site) : IClassFixture<DemoSite>
{
    /// <summary>The only routes anyone may open without signing in.</summary>
    private static readonly HashSet<string> Public = new(StringComparer.Ordinal)
    {
        "/account/sign-in", "/account/access-denied", "/accessibility", "/error", "/health", "/health/live", "/health/ready",
        "/account/sign-in/sso", "/account/sign-in/sso/status",
    };

    [Fact]
    public async Task EveryRoute_Anonymous_IsRefusedUnlessPublic()
    {
        var routes = RouteTable.GetRoutes(site.Factory.Services);
        Assert.True(routes.Count >= 20, $"only {routes.Count} routes found");
        var client = site.Anonymous();
        var findings = new List<string>();
        foreach (var route in routes)
        {
            var path = Parameter().Replace(route, "1");
            var response = await client.GetAsync(path);
            var location = response.Headers.Location?.OriginalString ?? "";
            var refused = route.StartsWith("/api/", StringComparison.Ordinal)
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/sign-in", StringComparison.Ordinal);
            if (Public.Contains(route))
            {
                if (refused || (int)response.StatusCode >= 500)
                {
                    findings.Add($"{route}: public, but gave {(int)response.StatusCode} {location}");
                }
            }
            else if (!refused)
            {
                findings.Add($"{route} ({path}): open to anyone: {(int)response.StatusCode} {location}");
            }
        }

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex Parameter();
}
