using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Demo;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Web.Tests;

public sealed class SignInTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task SignIn_RightPassword_RedirectsToReturnUrlAndShowsName()
    {
        var client = site.Anonymous();
        var response = await DemoSite.PostFormAsync(client, "/account/sign-in?returnUrl=%2Fpriorities",
            new() { ["username"] = "Viewer", ["password"] = DemoAccounts.Password, ["returnUrl"] = "/priorities" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/priorities", response.Headers.Location!.OriginalString);
        var home = await client.GetStringAsync("/");
        Assert.Contains("Signed in as <strong>Pat Quinn</strong> (viewer)", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ExternalReturnUrl_GoesHome()
    {
        var response = await DemoSite.PostFormAsync(site.Anonymous(), "/account/sign-in",
            new() { ["username"] = "analyst", ["password"] = DemoAccounts.Password, ["returnUrl"] = "https://elsewhere.example/" });

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndCountsFailure()
    {
        var response = await DemoSite.PostFormAsync(site.Anonymous(), "/account/sign-in", new() { ["username"] = "reviewer.roads", ["password"] = "wrong" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: Sign in", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Accounts.SignInService.Refused), html, StringComparison.Ordinal);
        await using var db = site.Db();
        Assert.Equal(1, (await db.Accounts.SingleAsync(a => a.UserName == "reviewer.roads")).FailedSignIns);
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksEvenTheRightPasswordOut()
    {
        await using (var db = site.Db())
        {
            var hasher = new PasswordHasher<UserAccount>();
            var account = new UserAccount("locktest", "Lock Test", Role.Viewer, "x", site.Clock.GetUtcNow());
            account.ChangePassword(hasher.HashPassword(account, "a-long-password-1"));
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
        }

        for (var i = 0; i < UserAccount.MaxFailedSignIns; i++)
        {
            await DemoSite.PostFormAsync(site.Anonymous(), "/account/sign-in", new() { ["username"] = "locktest", ["password"] = "nope" });
        }

        var locked = await DemoSite.PostFormAsync(site.Anonymous(), "/account/sign-in", new() { ["username"] = "locktest", ["password"] = "a-long-password-1" });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Accounts.SignInService.Refused), await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        site.Clock.Advance(UserAccount.LockoutPeriod + TimeSpan.FromMinutes(1));
        var later = await DemoSite.PostFormAsync(site.Anonymous(), "/account/sign-in", new() { ["username"] = "locktest", ["password"] = "a-long-password-1" });
        site.Clock.Set(DemoSettings.DemoToday);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [Fact]
    public async Task SignOut_Post_EndsSession()
    {
        var client = await site.SignInAsync("contributor.scd");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/updates")).StatusCode);

        var response = await DemoSite.PostFormAsync(client, "/updates", [], "/account/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/updates")).StatusCode);
    }

    [Fact]
    public async Task Session_AccountDisabledAfterSignIn_Refused()
    {
        await using (var db = site.Db())
        {
            db.Accounts.Add(new UserAccount("disabletest", "Disable Test", Role.Viewer,
                DemoAccounts.All.Single(a => a.UserName == "viewer").PasswordHash, site.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var client = await site.SignInAsync("disabletest");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        await using (var db = site.Db())
        {
            (await db.Accounts.SingleAsync(a => a.UserName == "disabletest")).Disable();
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public void DemoAccounts_EveryHash_VerifiesTheDemoPasswordWithIdentitysHasher()
    {
        var hasher = new PasswordHasher<UserAccount>();
        foreach (var demo in DemoAccounts.All)
        {
            Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(null!, demo.PasswordHash, DemoAccounts.Password));
        }

        Assert.Equal(Enum.GetValues<Role>().Order(), DemoAccounts.All.Select(a => a.Role).Distinct().Order());
    }
}
