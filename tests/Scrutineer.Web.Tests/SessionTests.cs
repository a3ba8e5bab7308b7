using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Demo;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Web.Tests;

/// <summary>
/// Sessions end on the server: a copy of the cookie is refused after signing out, after a change to the account, after
/// the idle timeout and the absolute lifetime (moved on with the site's clock), and once revoked from a list of sessions.
/// </summary>
public sealed partial class SessionTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task SignOut_CookieCopiedBeforehand_RefusedOnPageAndApi()
    {
        var cookie = await SignInForCookieAsync("analyst");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(cookie, "/rounds")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(cookie, "/api/updates")).StatusCode);

        var page = await (await GetAsync(cookie, "/")).Content.ReadAsStringAsync();
        var signOut = new HttpRequestMessage(HttpMethod.Post, "/account/sign-out")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value }),
        };
        signOut.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await Raw().SendAsync(signOut)).StatusCode);

        var pageAfter = await GetAsync(cookie, "/rounds");
        Assert.Equal(HttpStatusCode.Redirect, pageAfter.StatusCode);
        Assert.Contains("/account/sign-in", pageAfter.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(cookie, "/api/updates")).StatusCode);
        await using var db = site.Db();
        var analyst = await db.Accounts.SingleAsync(a => a.UserName == "analyst");
        Assert.Contains(await db.Sessions.Where(s => s.AccountId == analyst.Id).ToListAsync(), s => s.EndReason == SessionEnd.SignedOut);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("role")]
    [InlineData("disable")]
    public async Task AccountChanged_EverySessionOfTheAccountEnds(string change)
    {
        var name = await AddAccountAsync("changed." + change);
        var first = await SignInForCookieAsync(name);
        var second = await SignInForCookieAsync(name);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(first, "/api/updates")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(second, "/api/updates")).StatusCode);

        await using (var db = site.Db())
        {
            var account = await db.Accounts.SingleAsync(a => a.UserName == name);
            switch (change)
            {
                case "password":
                    account.ChangePassword(DemoAccounts.All.Single(a => a.UserName == "analyst").PasswordHash);
                    break;
                case "role":
                    account.Assign(Role.Analyst, []);
                    break;
                default:
                    account.Disable();
                    break;
            }

            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(first, "/api/updates")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(second, "/api/updates")).StatusCode);
        await using var check = site.Db();
        var id = await check.Accounts.Where(a => a.UserName == name).Select(a => a.Id).SingleAsync();
        Assert.All(await check.Sessions.Where(s => s.AccountId == id).ToListAsync(), s => Assert.Equal(SessionEnd.AccountChanged, s.EndReason));
    }

    [Fact]
    public async Task IdleTimeout_RequestsWithinIt_KeepTheSessionOpen_ThenRefusedAfterIt()
    {
        var cookie = await SignInForCookieAsync(await AddAccountAsync("idle.test"));
        try
        {
            site.Clock.Advance(SessionLimits.Default.IdleTimeout - TimeSpan.FromMinutes(2));
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(cookie, "/api/updates")).StatusCode);
            site.Clock.Advance(SessionLimits.Default.IdleTimeout - TimeSpan.FromMinutes(2));
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(cookie, "/api/updates")).StatusCode);

            site.Clock.Advance(SessionLimits.Default.IdleTimeout);
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(cookie, "/api/updates")).StatusCode);
            site.Clock.Advance(-SessionLimits.Default.IdleTimeout);
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(cookie, "/api/updates")).StatusCode);
        }
        finally
        {
            site.Clock.Set(DemoSettings.DemoToday);
        }
    }

    [Fact]
    public async Task AbsoluteLifetime_BusySession_RefusedWhenItIsReached()
    {
        var cookie = await SignInForCookieAsync(await AddAccountAsync("lifetime.test"));
        try
        {
            var step = TimeSpan.FromMinutes(20);
            var elapsed = TimeSpan.Zero;
            while (elapsed + step < SessionLimits.Default.AbsoluteLifetime)
            {
                site.Clock.Advance(step);
                elapsed += step;
                Assert.True(HttpStatusCode.OK == (await GetAsync(cookie, "/api/updates")).StatusCode, $"refused after {elapsed}");
            }

            site.Clock.Advance(SessionLimits.Default.AbsoluteLifetime - elapsed);
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(cookie, "/api/updates")).StatusCode);
        }
        finally
        {
            site.Clock.Set(DemoSettings.DemoToday);
        }
    }

    [Fact]
    public async Task YourSessions_ListsEachAndEndsOne_ThenSignOutEverywhereEndsTheRest()
    {
        var name = await AddAccountAsync("many.sessions");
        var mine = await site.SignInAsync(name);
        var other = await SignInForCookieAsync(name);
        var third = await SignInForCookieAsync(name);

        var page = await mine.GetStringAsync("/account/sessions");
        Assert.Contains("3 open sessions", page, StringComparison.Ordinal);
        Assert.Contains("(this session)", page, StringComparison.Ordinal);

        int otherId;
        await using (var db = site.Db())
        {
            // Signed in second: the account's sessions in order of identity are mine, other, third.
            var id = await db.Accounts.Where(a => a.UserName == name).Select(a => a.Id).SingleAsync();
            otherId = (await db.Sessions.Where(s => s.AccountId == id).Select(s => s.Id).ToListAsync()).Order().ElementAt(1);
        }

        var revoke = await DemoSite.PostFormAsync(mine, "/account/sessions", new() { ["session"] = otherId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/account/sessions?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(other, "/api/updates")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(third, "/api/updates")).StatusCode);
        Assert.Contains("2 open sessions", await mine.GetStringAsync("/account/sessions"), StringComparison.Ordinal);

        var everywhere = await DemoSite.PostFormAsync(mine, "/account/sessions", [], "/account/sessions?handler=Everywhere");
        Assert.Equal("/account/sign-in", everywhere.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(third, "/api/updates")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await mine.GetAsync("/api/updates")).StatusCode);
    }

    [Fact]
    public async Task YourSessions_AnotherAccountsSession_NotFoundAndStillOpen()
    {
        var name = await AddAccountAsync("victim.sessions");
        var victim = await SignInForCookieAsync(name);
        int victimSession;
        await using (var db = site.Db())
        {
            var id = await db.Accounts.Where(a => a.UserName == name).Select(a => a.Id).SingleAsync();
            victimSession = await db.Sessions.Where(s => s.AccountId == id).Select(s => s.Id).SingleAsync();
        }

        var attacker = await site.SignInAsync("viewer");
        var response = await DemoSite.PostFormAsync(attacker, "/account/sessions", new() { ["session"] = victimSession.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/account/sessions?handler=Revoke");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(victim, "/api/updates")).StatusCode);
    }

    [Fact]
    public async Task Administrator_EndsEverySessionOfAnAccount()
    {
        var name = await AddAccountAsync("admin.ends");
        var cookie = await SignInForCookieAsync(name);
        int id;
        await using (var db = site.Db())
        {
            id = await db.Accounts.Where(a => a.UserName == name).Select(a => a.Id).SingleAsync();
        }

        var admin = await site.SignInAsync("admin");
        Assert.Contains("1 open session", await admin.GetStringAsync($"/admin/users/{id}/sessions"), StringComparison.Ordinal);
        var response = await DemoSite.PostFormAsync(admin, $"/admin/users/{id}/sessions", [], $"/admin/users/{id}/sessions?handler=Everywhere");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(cookie, "/api/updates")).StatusCode);
        Assert.Contains("There are no open sessions.", await admin.GetStringAsync($"/admin/users/{id}/sessions"), StringComparison.Ordinal);
    }

    /// <summary>Adds a viewer with the demo password; returns its user name.</summary>
    private async Task<string> AddAccountAsync(string name)
    {
        await using var db = site.Db();
        db.Accounts.Add(new UserAccount(name, "Session Test", Role.Viewer, DemoAccounts.All.Single(a => a.UserName == "viewer").PasswordHash, site.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return name;
    }

    private HttpClient Raw() => site.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Signs in without a cookie jar and returns the Cookie header that carries the session (and the antiforgery cookie).</summary>
    private async Task<string> SignInForCookieAsync(string userName)
    {
        var client = Raw();
        var form = await client.GetAsync("/account/sign-in");
        var antiforgery = Cookies(form).Single(c => c.StartsWith("scrutineer-antiforgery=", StringComparison.Ordinal));
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = userName,
                ["password"] = DemoAccounts.Password,
                ["__RequestVerificationToken"] = Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value,
            }),
        };
        request.Headers.Add("Cookie", antiforgery);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return antiforgery + "; " + Cookies(response).Single(c => c.StartsWith("scrutineer-session=", StringComparison.Ordinal));
    }

    private async Task<HttpResponseMessage> GetAsync(string cookie, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await Raw().SendAsync(request);
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
