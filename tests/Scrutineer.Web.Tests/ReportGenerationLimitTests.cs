using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Scrutineer.Web.Reporting;

namespace Scrutineer.Web.Tests;

/// <summary>One account may generate only so many reports at once; past that it is told to wait, with 429.</summary>
public sealed class ReportGenerationLimitTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Download_AccountAlreadyAtTheLimit_RefusedSayingToWait()
    {
        var limit = site.Factory.Services.GetRequiredService<ReportGenerationLimit>();
        var analyst = await site.SignInAsync("analyst");
        var round = await site.OpenRoundIdAsync();
        var address = $"/reports/download?report=quarterly&round={round}&format=html";

        HttpResponseMessage refused;
        using (var first = limit.TryEnter("analyst"))
        using (var second = limit.TryEnter("ANALYST"))
        {
            Assert.NotNull(first);
            Assert.NotNull(second);
            Assert.Null(limit.TryEnter("analyst"));
            refused = await analyst.GetAsync(address);
        }

        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Contains("Too many reports at once", html, StringComparison.Ordinal);
        Assert.Contains("You are already generating 2 reports. Wait for them to finish, then try again.", html, StringComparison.Ordinal);

        var allowed = await analyst.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("text/html", allowed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Limit_OtherAccountsUnaffected_AndSlotsComeBack()
    {
        var limit = new ReportGenerationLimit(1);

        var held = limit.TryEnter("reviewer");
        Assert.NotNull(held);
        Assert.Null(limit.TryEnter("reviewer"));
        Assert.NotNull(limit.TryEnter("viewer"));
        held!.Dispose();
        held.Dispose();

        Assert.NotNull(limit.TryEnter("reviewer"));
        Assert.Null(limit.TryEnter("reviewer"));
        Assert.Equal("You are already generating 1 report. Wait for it to finish, then try again.", limit.Refusal);
    }
}
