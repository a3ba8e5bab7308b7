using System.Net;
using System.Text.RegularExpressions;
using Scrutineer.Web.Security;
using Scrutineer.Web.Tests;

namespace Scrutineer.Reliability.Web.Tests;

/// <summary>Security headers, cookies, antiforgery and inline code, over HTTP against the demo site (sign-in limits: <see cref="SignInThrottleTests"/>).</summary>
public sealed partial class WebSecurityTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData(null, "/account/sign-in")]
    [InlineData("admin", "/")]
    [InlineData("admin", "/no-such-page")]
    [InlineData("contributor.north", "/updates")]
    public async Task Response_CarriesTheSecurityHeaders(string? user, string path)
    {
        var client = user is null ? site.Anonymous() : await site.SignInAsync(user);

        var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(WebHardening.ContentSecurityPolicy, csp);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task SignIn_SetsHttpOnlySameSiteCookies()
    {
        var client = site.Anonymous();
        var response = await DemoSite.PostFormAsync(client, "/account/sign-in", new() { ["username"] = "viewer", ["password"] = Application.Demo.DemoAccounts.Password });

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var session = Assert.Single(cookies, c => c.StartsWith("scrutineer-session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Every page an administrator and a contributor can reach from the home page (following links): no inline script,
    /// no inline event handler (the CSP would block them), and every form that posts carries an antiforgery token.
    /// </summary>
    [Theory]
    [InlineData("admin")]
    [InlineData("contributor.north")]
    [InlineData("reviewer")]
    public async Task EveryReachablePage_HasNoInlineScriptAndEveryPostFormHasAntiforgery(string user)
    {
        var client = await site.SignInAsync(user);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/"]);
        var findings = new List<string>();
        var pages = 0;
        while (queue.Count > 0 && pages < 60)
        {
            var path = queue.Dequeue();
            var response = await client.GetAsync(path);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            pages++;
            var html = await response.Content.ReadAsStringAsync();
            foreach (Match script in InlineScript().Matches(html))
            {
                findings.Add($"{path}: inline script {script.Value[..Math.Min(60, script.Value.Length)]}");
            }

            foreach (Match handler in InlineHandler().Matches(html))
            {
                findings.Add($"{path}: inline event handler {handler.Value}");
            }

            foreach (Match form in PostForm().Matches(html))
            {
                if (!form.Value.Contains("__RequestVerificationToken", StringComparison.Ordinal))
                {
                    findings.Add($"{path}: a form that posts without an antiforgery token");
                }
            }

            foreach (Match link in Link().Matches(html))
            {
                var target = WebUtility.HtmlDecode(link.Groups[1].Value);
                if (!target.StartsWith("/static", StringComparison.Ordinal) && !target.StartsWith("/account/sign-out", StringComparison.Ordinal) && seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        Assert.True(pages >= 3, $"only {pages} pages reached");
        Assert.True(findings.Count == 0, string.Join('\n', findings.Distinct().Take(20)));
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+\\s*=\\s*\"", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex PostForm();

    [GeneratedRegex("href=\"(/[^\"#?]*)\"")]
    private static partial Regex Link();
}
