using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Demo;
using Scrutineer.Web.Security;
using Scrutineer.Web.Tests;

namespace Scrutineer.Reliability.Web.Tests;

/// <summary>
/// The per-address limit on sign-in attempts holds on every form of the sign-in address and across many user names; the
/// client address comes from X-Forwarded-For only through a configured proxy; security events name the address and
/// the account, and sign-ins are audited under the account's own name.
/// </summary>
public sealed partial class SignInThrottleTests
{
    [Fact]
    public async Task EveryFormOfTheAddress_ManyNames_CountTowardsOneLimit()
    {
        var logs = new LogRecorder();
        await using var lease = await StartAsync(logs, new() { ["SignIn:AttemptsPerAddress"] = "5" });
        var site = lease.Site;
        var client = site.Anonymous();
        var token = Token().Match(await client.GetStringAsync("/account/sign-in")).Groups[1].Value;
        var statuses = new List<HttpStatusCode>();
        var paths = new[] { "/account/sign-in", "/account/sign-in/", "/Account/Sign-In", "/ACCOUNT/SIGN-IN/", "/account/sign-in?x=1", "/account/sign-in/" };
        for (var i = 0; i < paths.Length; i++)
        {
            var response = await client.PostAsync(paths[i], Form(token, $"name.{i}", "wrong"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(SignInRateLimit.Message(TimeSpan.FromMinutes(5)), await response.Content.ReadAsStringAsync());
                Assert.Equal("300", Assert.Single(response.Headers.GetValues("Retry-After")));
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var right = await client.PostAsync("/account/sign-in", Form(token, "viewer", DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        var throttled = logs.Named("SignInThrottled");
        Assert.Equal(["/account/sign-in/", "/account/sign-in"], throttled.Select(e => e["Path"]).ToArray());
        Assert.All(throttled, e => Assert.Equal("unknown", e["ClientAddress"]));

        // Another address is not held up; with no proxy configured, X-Forwarded-For is ignored and cannot spread attempts.
        var elsewhere = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            elsewhere.Add((await SendAsync(site, "POST", "/account/sign-in", "192.0.2.10", null, Form(token, "viewer", "wrong"), $"198.51.100.{i}")).Response.StatusCode);
        }

        Assert.DoesNotContain(StatusCodes.Status429TooManyRequests, elsewhere.Take(5));
        Assert.Equal(StatusCodes.Status429TooManyRequests, elsewhere[^1]);
        Assert.Equal("192.0.2.10", logs.Named("SignInThrottled")[^1]["ClientAddress"]);
    }

    [Fact]
    public async Task ForwardedFor_TrustedOnlyFromAConfiguredProxy()
    {
        var logs = new LogRecorder();
        await using var lease = await StartAsync(logs, new() { ["SignIn:AttemptsPerAddress"] = "1", ["Proxy:KnownProxies"] = "10.0.0.1" });
        var site = lease.Site;
        async Task<int> PostAsync(string from, string forwardedFor) =>
            (await SendAsync(site, "POST", "/account/sign-in", from, null, Form("x", "viewer", "wrong"), forwardedFor)).Response.StatusCode;

        // Through the proxy: each forwarded address has a limit of its own.
        Assert.NotEqual(429, await PostAsync("10.0.0.1", "203.0.113.7"));
        Assert.Equal(429, await PostAsync("10.0.0.1", "203.0.113.7"));
        Assert.NotEqual(429, await PostAsync("10.0.0.1", "203.0.113.8"));

        // Not a proxy: the header is ignored, so changing it does not escape the limit.
        Assert.NotEqual(429, await PostAsync("10.0.0.2", "203.0.113.9"));
        Assert.Equal(429, await PostAsync("10.0.0.2", "203.0.113.10"));

        Assert.Equal(["203.0.113.7", "10.0.0.2"], logs.Named("SignInThrottled").Select(e => e["ClientAddress"]).ToArray());
    }

    [Fact]
    public async Task SecurityEvents_NameTheClientAddressAndTheAccount_SignInAuditedUnderTheAccount()
    {
        var logs = new LogRecorder();
        await using var lease = await StartAsync(logs, []);
        var site = lease.Site;
        const string address = "198.51.100.20";
        long before;
        await using (var db0 = site.Db())
        {
            before = await db0.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
        }

        var failed = await SignInAsync(site, address, "viewer", "not the password");
        Assert.Null(failed);
        var cookie = await SignInAsync(site, address, "contributor.north", DemoAccounts.Password);
        Assert.NotNull(cookie);
        var ids = await DemoIds.ReadAsync(site.Db);
        Assert.Equal(302, (await SendAsync(site, "GET", "/rounds", address, cookie)).Response.StatusCode);
        Assert.Equal(404, (await SendAsync(site, "GET", $"/updates/write/{ids.OpenRound}/{ids.ScdSlot.Commitment}/{ids.ScdSlot.Unit}", address, cookie)).Response.StatusCode);
        Assert.Equal(200, (await SendAsync(site, "GET", $"/reports/download?report=quarterly&round={ids.PublishedRound}&format=html&version=public", address, cookie)).Response.StatusCode);

        var signInFailed = Assert.Single(logs.Named("SignInFailed"));
        Assert.Equal(("viewer", address, "wrong password"), (signInFailed["Account"], signInFailed["ClientAddress"], signInFailed["Reason"]));
        var succeeded = Assert.Single(logs.Named("SignInSucceeded"));
        Assert.Equal(("contributor.north", address), (succeeded["Account"], succeeded["ClientAddress"]));
        var denied = logs.Named("RequestDenied").First(e => e["Path"] == "/rounds");
        Assert.Equal(("contributor.north", address, "403"), (denied["Account"], denied["ClientAddress"], denied["Status"]));
        var notFound = logs.Named("RequestDenied").First(e => e["Path"].StartsWith("/updates/write/", StringComparison.Ordinal));
        Assert.Equal(("contributor.north", address, "404"), (notFound["Account"], notFound["ClientAddress"], notFound["Status"]));
        var download = Assert.Single(logs.Named("ReportDownloaded"));
        Assert.Equal(("contributor.north", address, "Public"), (download["Account"], download["ClientAddress"], download["Version"]));
        Assert.Contains("quarterly", download["Report"], StringComparison.OrdinalIgnoreCase);
        Assert.All(logs.Named("SignInSucceeded"), e => Assert.Equal(SecurityEvents.Category, e.Category));

        await using var db = site.Db();
        var signInEntries = await db.AuditEntries.Where(e => e.Id > before && (e.Entity == "Accounts" || e.Entity == "Sessions")).Select(e => e.Actor).ToListAsync();
        Assert.NotEmpty(signInEntries);
        Assert.All(signInEntries, actor => Assert.Equal("contributor.north (Rita Hale)", actor));
    }

    /// <summary>Signs in from <paramref name="address"/>; the session's Cookie header, or null when refused.</summary>
    private static async Task<string?> SignInAsync(DemoSite site, string address, string userName, string password)
    {
        var form = await SendAsync(site, "GET", "/account/sign-in", address, null);
        var antiforgery = form.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]).Single(c => c.StartsWith("scrutineer-antiforgery=", StringComparison.Ordinal));
        var token = Token().Match(Body(form)).Groups[1].Value;
        var post = await SendAsync(site, "POST", "/account/sign-in", address, antiforgery, Form(token, userName, password));
        return post.Response.StatusCode == 302
            ? antiforgery + "; " + post.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]).Single(c => c.StartsWith("scrutineer-session=", StringComparison.Ordinal))
            : null;
    }

    /// <summary>A request as if from <paramref name="address"/> (the in-process server has no client address of its own).</summary>
    private static Task<HttpContext> SendAsync(DemoSite site, string method, string pathAndQuery, string address, string? cookie, FormUrlEncodedContent? form = null, string? forwardedFor = null) =>
        site.Factory.Server.SendAsync(c =>
        {
            var (path, query) = pathAndQuery.IndexOf('?') is var q and >= 0 ? (pathAndQuery[..q], pathAndQuery[q..]) : (pathAndQuery, "");
            c.Request.Method = method;
            c.Request.Path = path;
            c.Request.QueryString = new QueryString(query);
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            if (cookie is not null)
            {
                c.Request.Headers.Cookie = cookie;
            }

            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }

            if (form is not null)
            {
                c.Request.ContentType = "application/x-www-form-urlencoded";
                c.Request.Body = new MemoryStream(form.ReadAsByteArrayAsync().GetAwaiter().GetResult());
            }
        });

    private static string Body(HttpContext context)
    {
        if (context.Response.Body.CanSeek)
        {
            context.Response.Body.Position = 0;
        }

        return new StreamReader(context.Response.Body, Encoding.UTF8).ReadToEnd();
    }

    private static FormUrlEncodedContent Form(string token, string userName, string password) =>
        new(new Dictionary<string, string> { ["username"] = userName, ["password"] = password, ["__RequestVerificationToken"] = token });

    private static async Task<Lease> StartAsync(LogRecorder logs, Dictionary<string, string> settings)
    {
        var site = DemoSite.On(DemoSite.DefaultProvider, settings, logs);
        await site.InitializeAsync();
        return new Lease(site);
    }

    /// <summary>A site of the test's own, dropped at the end of the test.</summary>
    private sealed class Lease(DemoSite site) : IAsyncDisposable
    {
        public DemoSite Site => site;

        public ValueTask DisposeAsync() => new(site.DisposeAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
