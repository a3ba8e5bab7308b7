using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Scrutineer.Web.Tests;

/// <summary>Signing in with empty fields says what to enter, both at once and in field order, in GOV.UK words, and counts no failure.</summary>
public sealed partial class SignInEmptyFieldsTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task SignIn_BothEmpty_BothErrorsInFieldOrder_NothingCounted()
    {
        var both = WebUtility.HtmlDecode(await (await DemoSite.PostFormAsync(site.Anonymous(), "/account/sign-in", new() { ["username"] = "", ["password"] = "" })).Content.ReadAsStringAsync());
        var noPassword = await DemoSite.PostFormAsync(site.Anonymous(), "/account/sign-in", new() { ["username"] = "analyst", ["password"] = "" });

        var summary = SummaryLinks().Matches(both).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal([("username", "Enter your user name"), ("password", "Enter your password")], summary);
        Assert.Contains("id=\"password-error\"", both, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, noPassword.StatusCode);
        Assert.Contains(">Enter your password<", (await noPassword.Content.ReadAsStringAsync()).Replace("</a>", "<", StringComparison.Ordinal), StringComparison.Ordinal);
        await using var db = site.Db();
        Assert.Equal(0, (await db.Accounts.SingleAsync(a => a.UserName == "analyst")).FailedSignIns);
    }

    [GeneratedRegex("<a href=\"#(\\w+)\">([^<]+)</a>")]
    private static partial Regex SummaryLinks();
}
