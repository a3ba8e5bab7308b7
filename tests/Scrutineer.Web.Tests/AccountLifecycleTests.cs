using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Testing;
using Scrutineer.Web.Hosting;

namespace Scrutineer.Web.Tests;

/// <summary>
/// A fresh store's first administrator (as <c>scrutineer init --admin</c> makes it) signs in with the one-time password,
/// must choose a password before anything else, adds a user; two-step sign-in is set up and then asked for.
/// </summary>
public sealed partial class AccountLifecycleTests : IAsyncLifetime
{
    private readonly TestClock clock = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
    private TestStore? store;
    private WebApplicationFactory<Program>? factory;
    private string adminPassword = "";

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(DemoSite.DefaultProvider);
        await using (var db = store.Open())
        {
            adminPassword = (await AccountAdministration.CreateFirstAdministratorAsync(db, "alex", "Alex Morgan", clock.GetUtcNow(), default)).OneTimePassword!;
        }

        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting(ScrutineerWeb.DbSetting, store.Location.ConnectionString);
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        });
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (store is not null)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task FirstAdministrator_OneTimePassword_ForcedChange_ThenAddsAUserWhoIsForcedToo()
    {
        var admin = Client();
        var signIn = await SignInAsync(admin, "alex", adminPassword);
        Assert.Equal("/account/password", signIn.Headers.Location!.OriginalString);

        // Until the password is changed, every other page sends the session back, and the API refuses.
        var admin1 = await admin.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin1.StatusCode);
        Assert.Equal("/account/password", admin1.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/plans")).StatusCode);
        Assert.Contains("Choose your password", await admin.GetStringAsync("/account/password"), StringComparison.Ordinal);

        var weak = await DemoSite.PostFormAsync(admin, "/account/password", new() { ["CurrentPassword"] = adminPassword, ["NewPassword"] = "aaaaaaaaaaaa", ["ConfirmPassword"] = "aaaaaaaaaaaa" });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        var weakHtml = await weak.Content.ReadAsStringAsync();
        Assert.True(weakHtml.Contains("<a href=\"#newpassword\">Enter a password that is harder to guess", StringComparison.Ordinal), weakHtml);
        var mismatch = await DemoSite.PostFormAsync(admin, "/account/password", new() { ["CurrentPassword"] = adminPassword, ["NewPassword"] = "coffee train fish", ["ConfirmPassword"] = "coffee train fsh" });
        Assert.Contains("Enter the same new password twice", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await DemoSite.PostFormAsync(admin, "/account/password", new() { ["CurrentPassword"] = adminPassword, ["NewPassword"] = "coffee train fish", ["ConfirmPassword"] = "coffee train fish" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);

        // The one-time password works once: now it is refused.
        var old = await SignInAsync(Client(), "alex", adminPassword);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Contains(Scrutineer.Web.Accounts.SignInService.Refused, await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var added = await DemoSite.PostFormAsync(admin, "/admin/users", new() { ["UserName"] = "pat.quinn", ["DisplayName"] = "Pat Quinn", ["Role"] = "Viewer", ["Password"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var notice = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin"));
        var match = OneTimeNotice().Match(notice);
        Assert.True(match.Success, "No one-time password in the notice");

        var pat = Client();
        Assert.Equal("/account/password", (await SignInAsync(pat, "pat.quinn", match.Groups[1].Value)).Headers.Location!.OriginalString);
        Assert.Equal("/account/password", (await pat.GetAsync("/priorities")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TwoStep_SetUp_ThenAskedAfterThePassword_CodeAndRecoveryCodeEachWorkOnce()
    {
        var admin = Client();
        await SignInAsync(admin, "alex", adminPassword);
        await DemoSite.PostFormAsync(admin, "/account/password", new() { ["CurrentPassword"] = adminPassword, ["NewPassword"] = "coffee train fish", ["ConfirmPassword"] = "coffee train fish" });

        var setUp = await admin.GetStringAsync("/account/two-step/set-up");
        var secret = Secret().Match(setUp).Groups[1].Value;
        var key = WebUtility.HtmlDecode(Key().Match(setUp).Groups[1].Value);
        Assert.Contains("otpauth://totp/Scrutineer:alex?secret=" + secret, WebUtility.HtmlDecode(setUp), StringComparison.Ordinal);

        var wrong = await DemoSite.PostFormAsync(admin, "/account/two-step/set-up", new() { ["code"] = "000000", ["key"] = key });
        Assert.Contains("Enter the 6-digit code your authenticator app shows now", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var confirmed = await DemoSite.PostFormAsync(admin, "/account/two-step/set-up", new() { ["code"] = Code(secret), ["key"] = key });
        var recovery = RecoveryCode().Matches(await confirmed.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(TwoStepSignIn.RecoveryCodeCount, recovery.Count);

        // The password alone no longer signs in: the second step is asked for, and nothing else opens meanwhile.
        var client = Client();
        var afterPassword = await SignInAsync(client, "alex", "coffee train fish");
        Assert.Equal("/account/two-step?returnUrl=%2F", afterPassword.Headers.Location!.OriginalString);
        Assert.Contains("/account/sign-in", (await client.GetAsync("/admin")).Headers.Location!.OriginalString, StringComparison.Ordinal);

        var reused = await DemoSite.PostFormAsync(client, "/account/two-step", new() { ["code"] = Code(secret) });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("Enter the 6-digit code your authenticator app shows now, or one of your recovery codes", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromSeconds(30));
        var passed = await DemoSite.PostFormAsync(client, "/account/two-step", new() { ["code"] = Code(secret), ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        Assert.Equal("/", passed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        var byRecovery = Client();
        await SignInAsync(byRecovery, "alex", "coffee train fish");
        Assert.Equal(HttpStatusCode.Redirect, (await DemoSite.PostFormAsync(byRecovery, "/account/two-step", new() { ["code"] = recovery[0] })).StatusCode);
        var again = Client();
        await SignInAsync(again, "alex", "coffee train fish");
        Assert.Equal(HttpStatusCode.OK, (await DemoSite.PostFormAsync(again, "/account/two-step", new() { ["code"] = recovery[0] })).StatusCode);
    }

    [Fact]
    public async Task TwoStepRequired_AccountWithoutIt_SentToSetUpAfterChoosingItsPassword()
    {
        var admin = Client();
        await SignInAsync(admin, "alex", adminPassword);
        await DemoSite.PostFormAsync(admin, "/account/password", new() { ["CurrentPassword"] = adminPassword, ["NewPassword"] = "coffee train fish", ["ConfirmPassword"] = "coffee train fish" });
        var required = await DemoSite.PostFormAsync(admin, "/admin", new() { ["required"] = "true" }, "/admin?handler=TwoStep");
        Assert.Equal(HttpStatusCode.Redirect, required.StatusCode);
        Assert.Contains("Two-step sign-in is required of every local account", await admin.GetStringAsync("/admin"), StringComparison.Ordinal);

        var client = Client();
        var signIn = await SignInAsync(client, "alex", "coffee train fish");
        Assert.Equal("/account/two-step/set-up", signIn.Headers.Location!.OriginalString);
        Assert.Equal("/account/two-step/set-up", (await client.GetAsync("/admin")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/two-step/set-up")).StatusCode);
    }

    private HttpClient Client() => factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        DemoSite.PostFormAsync(client, "/account/sign-in", new() { ["username"] = userName, ["password"] = password });

    private string Code(string secret) => TimeBasedOneTimePassword.Code(Base32.Decode(secret), TimeBasedOneTimePassword.Step(clock.GetUtcNow()));

    [GeneratedRegex("One-time password: ([a-z0-9-]+)")]
    private static partial Regex OneTimeNotice();

    [GeneratedRegex("<code id=\"secret\">([A-Z2-7]+)</code>")]
    private static partial Regex Secret();

    [GeneratedRegex("name=\"key\" value=\"([^\"]+)\"")]
    private static partial Regex Key();

    [GeneratedRegex("<li><code>([A-Z2-7]{5}-[A-Z2-7]{5})</code></li>")]
    private static partial Regex RecoveryCode();
}
