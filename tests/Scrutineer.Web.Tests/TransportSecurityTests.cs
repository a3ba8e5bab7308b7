using Microsoft.AspNetCore.Mvc.Testing;

namespace Scrutineer.Web.Tests;

/// <summary>Behind TLS the application itself sends HSTS and marks its cookies Secure; over plain HTTP it does neither.</summary>
public sealed class TransportSecurityTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task SignInPage_OverHttps_SendsHstsAndSecureCookies()
    {
        var client = site.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/account/sign-in");

        Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("scrutineer-antiforgery=", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignInPage_OverHttp_NoHsts()
    {
        var response = await site.Anonymous().GetAsync("/account/sign-in");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
