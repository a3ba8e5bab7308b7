using System.Net;

namespace Scrutineer.Web.Tests;

/// <summary>Without signing in: pages redirect to sign-in, the API answers 401, and only the open pages answer.</summary>
public sealed class AnonymousAccessTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/priorities")]
    [InlineData("/priorities/commitments/1")]
    [InlineData("/updates")]
    [InlineData("/review")]
    [InlineData("/rounds")]
    [InlineData("/rounds/1")]
    [InlineData("/admin")]
    public async Task Page_Anonymous_RedirectsToSignIn(string path)
    {
        var response = await site.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/plans")]
    [InlineData("/api/rounds")]
    [InlineData("/api/updates")]
    [InlineData("/api/plans/1/commitments")]
    [InlineData("/api/openapi.json")]
    public async Task Api_Anonymous_Unauthorized(string path)
    {
        var response = await site.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/account/sign-in", "Sign in to Scrutineer")]
    [InlineData("/accessibility", "Accessibility statement for Scrutineer")]
    public async Task OpenPage_Anonymous_Shown(string path, string heading)
    {
        var response = await site.Anonymous().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains("class=\"app-classification\"", html, StringComparison.Ordinal);
        Assert.Contains("/govuk/govuk-frontend.min.css", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Anonymous_Healthy()
    {
        var response = await site.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/govuk/govuk-frontend.min.css", "text/css")]
    [InlineData("/govuk/govuk-frontend.min.js", "text/javascript")]
    [InlineData("/assets/fonts/bold-b542beb274-v2.woff2", "font/woff2")]
    [InlineData("/app.css", "text/css")]
    public async Task StaticAsset_Anonymous_Served(string path, string type)
    {
        var response = await site.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Refused()
    {
        var client = site.Anonymous();
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = "scrutineer-demo" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
