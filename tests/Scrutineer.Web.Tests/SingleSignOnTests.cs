using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Plans;
using Scrutineer.Testing;
using Scrutineer.Web.Accounts;
using Scrutineer.Web.Hosting;

namespace Scrutineer.Web.Tests;

/// <summary>
/// Single sign-on against a real OpenID Connect provider started on 127.0.0.1 (<see cref="TestIdentityProvider"/>),
/// driven like a browser: redirects followed between the two sites, each keeping its cookies. On both engines.
/// </summary>
public sealed partial class SingleSignOnTests(TestIdentityProvider provider) : IClassFixture<TestIdentityProvider>
{
    private static readonly TestPerson Analyst = new("sub-analyst-1", "Chris.Ashworth@force.example", "Chris Ashworth", "g-analysts", "g-everyone");

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task SignIn_MappedGroup_GivesTheRoleAndItsPages(StoreProvider engine)
    {
        await using var site = await SsoSite.StartAsync(engine, provider);
        await site.MapAsync("g-analysts", Role.Analyst, null);
        provider.Person = Analyst;
        var browser = site.Browser();

        var (landing, page) = await browser.GetAsync("/account/sign-in/sso?returnUrl=%2Frounds");

        Assert.Equal("/rounds", landing.AbsolutePath);
        Assert.Contains("Signed in as <strong>Chris Ashworth</strong> (analyst)", page, StringComparison.Ordinal);
        var (denied, _) = await browser.GetAsync("/admin");
        Assert.Equal("/account/access-denied", denied.AbsolutePath);
        await using var db = site.Store.Open();
        var account = await db.Accounts.SingleAsync(a => a.UserName == "chris.ashworth@force.example");
        Assert.Equal(Role.Analyst, account.Role);
        Assert.False(account.IsDisabled);
        var link = await db.ExternalSignIns.SingleAsync();
        Assert.Equal((provider.Authority.ToString(), "sub-analyst-1", account.Id, true), (link.Issuer, link.Subject, link.AccountId, link.PlacedByGroups));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task SignIn_ContributorGroup_ScopedToTheMappedUnit_AndFollowsGroupChanges(StoreProvider engine)
    {
        await using var site = await SsoSite.StartAsync(engine, provider);
        int unitId;
        await using (var db = site.Store.Open())
        {
            var unit = new Unit("North Local Policing Area", "North LPA", UnitKind.LocalPolicingArea);
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            unitId = unit.Id;
        }

        await site.MapAsync("g-north", Role.Contributor, new AccountScope(ScopeKind.Unit, unitId));
        provider.Person = new TestPerson("sub-north-1", "rita.hale", "Rita Hale", "g-north");

        var (landing, _) = await site.Browser().GetAsync("/account/sign-in/sso?returnUrl=%2Fupdates");
        Assert.Equal("/updates", landing.AbsolutePath);
        await using (var db = site.Store.Open())
        {
            var account = await db.Accounts.SingleAsync(a => a.UserName == "rita.hale");
            Assert.Equal(Role.Contributor, account.Role);
            Assert.Equal([unitId], account.UnitIds);
        }

        // Removed from every mapped group: back to waiting for approval, not signed in.
        provider.Person = provider.Person with { Groups = ["g-elsewhere"] };
        var browser = site.Browser();
        var (again, html) = await browser.GetAsync("/account/sign-in/sso");
        Assert.Equal("/account/sign-in/sso/status", again.AbsolutePath);
        Assert.Contains("Your account is waiting for approval", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task SignIn_UnknownPersonNoMapping_WaitsForApproval_ThenSignsInOnceApproved(StoreProvider engine)
    {
        await using var site = await SsoSite.StartAsync(engine, provider);
        provider.Person = new TestPerson("sub-new-1", "new.starter", "New Starter", "g-unmapped");
        var browser = site.Browser();

        var (status, html) = await browser.GetAsync("/account/sign-in/sso");

        Assert.Equal("/account/sign-in/sso/status", status.AbsolutePath);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Your account is waiting for approval</h1>", html, StringComparison.Ordinal);
        var (home, _) = await browser.GetAsync("/");
        Assert.Equal("/account/sign-in", home.AbsolutePath);
        int id;
        await using (var db = site.Store.Open())
        {
            var (account, _) = Assert.Single(await SingleSignOn.AwaitingApprovalAsync(db, default));
            Assert.True(account.IsDisabled);
            id = account.Id;
            await SingleSignOn.ApproveAsync(db, id, default);
            var twice = await Assert.ThrowsAsync<Domain.Common.DomainException>(() => SingleSignOn.ApproveAsync(db, id, default));
            Assert.Equal("That account is not waiting for approval. It may have been approved already.", twice.Message);
        }

        var (approved, page) = await browser.GetAsync("/account/sign-in/sso");
        Assert.Equal("/", approved.AbsolutePath);
        Assert.Contains("Signed in as <strong>New Starter</strong> (viewer)", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task SignOut_EndsTheSessionHereAndAtTheProvider(StoreProvider engine)
    {
        await using var site = await SsoSite.StartAsync(engine, provider);
        await site.MapAsync("g-analysts", Role.Analyst, null);
        provider.Person = Analyst with { Subject = "sub-signout-" + engine };
        var browser = site.Browser();
        await browser.GetAsync("/account/sign-in/sso");

        var form = await browser.GetAsync("/account/sign-out");
        var token = Token().Match(form.Html).Groups[1].Value;
        var (end, _) = await browser.PostAsync("/account/sign-out", new() { ["__RequestVerificationToken"] = token });

        Assert.Contains(provider.EndedSessions, s => s == "sub-signout-" + engine);
        Assert.Contains(browser.Visited, u => u.Authority == provider.Authority.Authority && u.AbsolutePath == "/connect/endsession" && u.Query.Contains("id_token_hint=", StringComparison.Ordinal));
        Assert.Equal("/account/sign-in", end.AbsolutePath);
        var (home, _) = await browser.GetAsync("/");
        Assert.Equal("/account/sign-in", home.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task SignIn_TamperedOrExpiredIdToken_Refused_NobodySignedIn(StoreProvider engine)
    {
        await using var site = await SsoSite.StartAsync(engine, provider);
        await site.MapAsync("scrutineer-administrators", Role.Administrator, null);
        provider.Person = new TestPerson("sub-mallory", "mallory", "Mallory", "g-unmapped");

        provider.TamperIdToken = true;
        var (tampered, tamperedHtml) = await site.Browser().GetAsync("/account/sign-in/sso");
        provider.TamperIdToken = false;

        provider.Clock.Set(DateTimeOffset.UtcNow.AddHours(-2));
        var (expired, expiredHtml) = await site.Browser().GetAsync("/account/sign-in/sso");
        provider.Clock.Set(DateTimeOffset.UtcNow);

        Assert.Equal("/account/sign-in/sso/status", tampered.AbsolutePath);
        Assert.Contains("Sign-in did not work", tamperedHtml, StringComparison.Ordinal);
        Assert.Equal("/account/sign-in/sso/status", expired.AbsolutePath);
        Assert.Contains("Sign-in did not work", expiredHtml, StringComparison.Ordinal);
        await using var db = site.Store.Open();
        Assert.Empty(await db.ExternalSignIns.ToListAsync());
        Assert.False(await db.Accounts.AnyAsync(a => a.UserName == "mallory"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Callback_TamperedStateOrCode_Refused(StoreProvider engine)
    {
        await using var site = await SsoSite.StartAsync(engine, provider);
        await site.MapAsync("g-analysts", Role.Analyst, null);
        provider.Person = Analyst;

        foreach (var parameter in new[] { "state", "code" })
        {
            var browser = site.Browser();
            var callback = await browser.UntilCallbackAsync("/account/sign-in/sso");
            var tampered = Regex.Replace(callback, $"([?&]{parameter}=)([^&]{{6}})", m => m.Groups[1].Value + "AAAAAA");
            Assert.NotEqual(callback, tampered);

            var (landing, html) = await browser.GetAsync(tampered);

            Assert.Equal("/account/sign-in/sso/status", landing.AbsolutePath);
            Assert.Contains("Sign-in did not work", html, StringComparison.Ordinal);
            var (home, _) = await browser.GetAsync("/");
            Assert.Equal("/account/sign-in", home.AbsolutePath);
        }
    }

    [Fact]
    public async Task SignInPage_OffersSingleSignOnFirst_AndLocalAccountsCanBeSwitchedOff()
    {
        await using var site = await SsoSite.StartAsync(StoreProvider.Sqlite, provider, ("SignIn:LocalAccounts", "Administrators"));
        await using (var db = site.Store.Open())
        {
            var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<UserAccount>();
            db.Accounts.Add(new UserAccount("local.viewer", "Local Viewer", Role.Viewer, hasher.HashPassword(null!, "a-long-password-1"), DateTimeOffset.UtcNow));
            db.Accounts.Add(new UserAccount("breakglass", "Break Glass", Role.Administrator, hasher.HashPassword(null!, "a-long-password-1"), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var browser = site.Browser();
        var (_, html) = await browser.GetAsync("/account/sign-in");
        Assert.True(html.IndexOf("Sign in with your organisation account", StringComparison.Ordinal) < html.IndexOf("name=\"password\"", StringComparison.Ordinal));
        var token = Token().Match(html).Groups[1].Value;

        var (viewer, viewerHtml) = await browser.PostAsync("/account/sign-in", new() { ["username"] = "local.viewer", ["password"] = "a-long-password-1", ["__RequestVerificationToken"] = token });
        Assert.Equal("/account/sign-in", viewer.AbsolutePath);
        Assert.Contains("Sign-in with a password is kept for administrators. Use “Sign in with your organisation account”.", viewerHtml, StringComparison.Ordinal);

        var (admin, adminHtml) = await browser.PostAsync("/account/sign-in", new() { ["username"] = "breakglass", ["password"] = "a-long-password-1", ["__RequestVerificationToken"] = token });
        Assert.Equal("/", admin.AbsolutePath);
        Assert.Contains("Signed in as <strong>Break Glass</strong>", adminHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://login.example/tenant/v2.0", "false", "Oidc:Authority https://login.example/tenant/v2.0 must be reached over HTTPS: Oidc:RequireHttpsMetadata may be false, and the address http, only for a provider on 127.0.0.1 or localhost (for tests).")]
    [InlineData("http://login.example/", null, "Oidc:Authority http://login.example/ must be reached over HTTPS: Oidc:RequireHttpsMetadata may be false, and the address http, only for a provider on 127.0.0.1 or localhost (for tests).")]
    [InlineData("not an address", null, "Oidc:Authority 'not an address' is not an address: expected the provider's issuer, for example https://login.microsoftonline.com/<tenant-id>/v2.0.")]
    public void Settings_NotAllowed_RefusedAtStartUpWithTheSettingNamed(string authority, string? requireHttps, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Oidc:Authority"] = authority, ["Oidc:ClientId"] = "id", ["Oidc:ClientSecret"] = "secret", ["Oidc:RequireHttpsMetadata"] = requireHttps,
        }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => SingleSignOnSettings.Read(configuration));

        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public void Settings_SecretFromAFile_AndLocalOffWithoutSingleSignOn_Refused()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "from-the-file\n");
        var fromFile = SingleSignOnSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Oidc:Authority"] = "https://login.example/tenant/v2.0", ["Oidc:ClientId"] = "id", ["Oidc:ClientSecretFile"] = file,
        }).Build());
        File.Delete(file);
        var off = Assert.Throws<InvalidOperationException>(() => SingleSignOnSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SignIn:LocalAccounts"] = "Off",
        }).Build()));

        Assert.Equal("from-the-file", fromFile.ClientSecret);
        Assert.Equal("SignIn:LocalAccounts is Off but single sign-on is not set up (Oidc:Authority is empty): nobody else could sign in. Set Oidc:Authority, Oidc:ClientId and Oidc:ClientSecret, or set SignIn:LocalAccounts to All.", off.Message);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

/// <summary>Scrutineer in process on a fresh store, with single sign-on pointed at the test provider, served as https://localhost.</summary>
internal sealed class SsoSite : IAsyncDisposable
{
    private SsoSite(TestStore store, WebApplicationFactory<Program> factory, TestIdentityProvider provider)
    {
        Store = store;
        Factory = factory;
        Provider = provider;
    }

    public TestStore Store { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public TestIdentityProvider Provider { get; }

    public static async Task<SsoSite> StartAsync(StoreProvider engine, TestIdentityProvider provider, params (string Key, string Value)[] settings)
    {
        var store = await TestStore.CreateAsync(engine);
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting(ScrutineerWeb.DbSetting, store.Location.ConnectionString);
            b.UseSetting("Oidc:Authority", provider.Authority.ToString());
            b.UseSetting("Oidc:ClientId", TestIdentityProvider.ClientId);
            b.UseSetting("Oidc:ClientSecret", TestIdentityProvider.ClientSecret);
            b.UseSetting("Oidc:RequireHttpsMetadata", "false");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });
        return new SsoSite(store, factory, provider);
    }

    public async Task MapAsync(string group, Role role, AccountScope? scope)
    {
        await using var db = Store.Open();
        await SignInGroups.AddAsync(db, group, role, scope, default);
    }

    public SsoBrowser Browser() => new(
        Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") }),
        Provider.Authority);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Store.DisposeAsync();
    }
}

/// <summary>Follows redirects between Scrutineer and the provider as a browser would, each site with its own cookies.</summary>
internal sealed class SsoBrowser(HttpClient site, Uri providerBase)
{
    private readonly HttpClient provider = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() });

    /// <summary>Every address requested, in order.</summary>
    public List<Uri> Visited { get; } = [];

    public Task<(Uri Url, string Html)> GetAsync(string url) => FollowAsync(new HttpRequestMessage(HttpMethod.Get, Absolute(url)));

    public Task<(Uri Url, string Html)> PostAsync(string url, Dictionary<string, string> form) =>
        FollowAsync(new HttpRequestMessage(HttpMethod.Post, Absolute(url)) { Content = new FormUrlEncodedContent(form) });

    /// <summary>Follows redirects until the provider sends the browser back to Scrutineer's callback, and returns that address unvisited.</summary>
    public async Task<string> UntilCallbackAsync(string url)
    {
        var next = Absolute(url);
        for (var hop = 0; hop < 10; hop++)
        {
            if (next.AbsolutePath.EndsWith("/sso/callback", StringComparison.Ordinal))
            {
                return next.ToString();
            }

            using var response = await ClientFor(next).GetAsync(next);
            next = new Uri(next, response.Headers.Location ?? throw new InvalidOperationException($"{next} gave {(int)response.StatusCode}, not a redirect"));
        }

        throw new InvalidOperationException("No callback after 10 redirects.");
    }

    private async Task<(Uri Url, string Html)> FollowAsync(HttpRequestMessage request)
    {
        for (var hop = 0; hop < 15; hop++)
        {
            var url = request.RequestUri!;
            Visited.Add(url);
            using var response = await ClientFor(url).SendAsync(request);
            request.Dispose();
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect))
            {
                return (url, await response.Content.ReadAsStringAsync());
            }

            request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, response.Headers.Location!));
        }

        throw new InvalidOperationException("More than 15 redirects.");
    }

    private HttpClient ClientFor(Uri url) => url.Authority == providerBase.Authority ? provider : site;

    private Uri Absolute(string url) => Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal) ? absolute : new Uri(site.BaseAddress!, url);
}
