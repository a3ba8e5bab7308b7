using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;

namespace Scrutineer.Web.Tests;

/// <summary>Read-only API tokens over HTTP: Power BI's way in, with no cookie.</summary>
public sealed partial class ApiTokenTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Bearer_ReadsApiUpdates_WithNoCookie_AsTheAccountReads()
    {
        var (_, viewerSecret) = await CreateAsync("viewer", "Power BI viewer");
        var (_, contributorSecret) = await CreateAsync("contributor.north", "Power BI north");
        var viewerCookie = await site.SignInAsync("viewer");

        var byToken = await ReadAsync("/api/updates", viewerSecret);
        var bySession = JsonDocument.Parse(await viewerCookie.GetStringAsync("/api/updates")).RootElement;
        var north = await ReadAsync("/api/updates", contributorSecret);

        Assert.True(byToken.GetArrayLength() > 0);
        Assert.Equal(bySession.GetRawText(), byToken.GetRawText());
        Assert.NotEqual(byToken.GetArrayLength(), north.GetArrayLength()); // the contributor also reads their own drafts
        Assert.All(byToken.EnumerateArray(), u => Assert.Equal("Approved", u.GetProperty("state").GetString()));
        await using var db = site.Db();
        Assert.Equal(site.Clock.GetUtcNow(), (await db.ApiTokens.SingleAsync(t => t.Name.StartsWith("Power BI viewer"))).LastUsedAt);
    }

    [Fact]
    public async Task Bearer_RevokedExpiredOrUnknown_401WithInvalidToken()
    {
        var (revokedId, revoked) = await CreateAsync("analyst", "Revoked");
        await using (var db = site.Db())
        {
            var accountId = (await db.ApiTokens.SingleAsync(t => t.Id == revokedId)).AccountId;
            await ApiTokens.RevokeAsync(db, accountId, revokedId, site.Clock.GetUtcNow(), default);
        }

        var (_, expiring) = await CreateAsync("analyst", "Expiring");
        var client = site.Anonymous();

        foreach (var (secret, reason) in new[] { (revoked, "The token was revoked."), ("scr_unknown", "The token is not known."), (expiring, "The token has expired.") })
        {
            if (secret == expiring)
            {
                site.Clock.Advance(TimeSpan.FromDays(91));
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/updates");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal($"Bearer realm=\"Scrutineer API\", error=\"invalid_token\", error_description=\"{reason}\"", response.Headers.WwwAuthenticate.ToString());
        }

        site.Clock.Set(Application.Demo.DemoSettings.DemoToday);
    }

    [Fact]
    public async Task Bearer_OnAPageOrAWrite_DoesNotSignIn()
    {
        var (_, secret) = await CreateAsync("admin", "Pages");
        var client = site.Anonymous();

        using var page = new HttpRequestMessage(HttpMethod.Get, "/admin");
        page.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/updates");
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var pageResponse = await client.SendAsync(page);
        using var postResponse = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, pageResponse.StatusCode);
        Assert.StartsWith("/account/sign-in", pageResponse.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, postResponse.StatusCode);
        Assert.Contains("API tokens are read-only: only GET requests are accepted.", postResponse.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DeclaresTheBearerScheme()
    {
        var (_, secret) = await CreateAsync("viewer", "OpenAPI");

        var document = await ReadAsync("/api/openapi.json", secret);

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiToken");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("security")[0].TryGetProperty("apiToken", out _));
    }

    [Fact]
    public async Task AccountPage_CreatesShowsOnceAndRevokes()
    {
        var client = await site.SignInAsync("reviewer");

        var created = await DemoSite.PostFormAsync(client, "/account/api-tokens", new() { ["Name"] = "Reviewer dashboard", ["Days"] = "30" });
        var html = await created.Content.ReadAsStringAsync();
        var secret = Secret().Match(html).Groups[1].Value;
        var again = await client.GetStringAsync("/account/api-tokens");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.StartsWith("scr_", secret, StringComparison.Ordinal);
        Assert.Contains("Copy it now: it will not be shown again.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, (await ReadAsync("/api/updates", secret)).ValueKind);

        int id;
        await using (var db = site.Db())
        {
            id = (await db.ApiTokens.SingleAsync(t => t.Name == "Reviewer dashboard")).Id;
        }

        var revoked = await DemoSite.PostFormAsync(client, "/account/api-tokens", new() { ["tokenId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/account/api-tokens?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("The token &#x27;Reviewer dashboard&#x27; was revoked: it no longer works.", await client.GetStringAsync("/account/api-tokens"), StringComparison.Ordinal);

        var blank = await DemoSite.PostFormAsync(client, "/account/api-tokens", new() { ["Name"] = " " });
        Assert.Contains("Enter a token name of 1 to 100 characters", await blank.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountPage_AnotherAccountsToken_CannotBeRevoked()
    {
        var (token, secret) = await CreateAsync("analyst", "Not yours");
        var client = await site.SignInAsync("viewer");

        var response = await DemoSite.PostFormAsync(client, "/account/api-tokens", new() { ["tokenId"] = token.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/account/api-tokens?handler=Revoke");

        Assert.Contains("That token does not exist. It may have been removed.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, (await ReadAsync("/api/rounds", secret)).ValueKind);
    }

    private async Task<(int Id, string Secret)> CreateAsync(string user, string name)
    {
        await using var db = site.Db();
        var (token, secret) = await ApiTokens.CreateAsync(db, user, name + " " + Guid.NewGuid().ToString("N")[..6], null, site.Clock.GetUtcNow(), default);
        return (token.Id, secret);
    }

    private async Task<JsonElement> ReadAsync(string path, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await site.Anonymous().SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} gave {(int)response.StatusCode} {response.Headers.WwwAuthenticate}");
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("scrutineer-session", StringComparison.Ordinal)), "a token request got a session cookie");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [GeneratedRegex("<code id=\"new-token\" class=\"app-token\">([^<]+)</code>")]
    private static partial Regex Secret();
}
