using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Scrutineer.Web.Tests;

/// <summary>An administrator sets the address a user's notices go to on the users page; a malformed one is refused in GOV.UK words and nothing is saved.</summary>
public sealed class AdminEmailTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task EditUser_Email_SavedWhenWellFormed_RefusedWithTheFieldNamedWhenNot()
    {
        var admin = await site.SignInAsync("admin");
        int viewer;
        await using (var db = site.Db())
        {
            var account = await db.Accounts.SingleAsync(a => a.UserName == "viewer");
            viewer = account.Id;
            Assert.Equal("pat.quinn@demo-force.example", account.Email);
        }

        var edit = await admin.GetStringAsync($"/admin/users/{viewer}");
        Assert.Contains("value=\"pat.quinn@demo-force.example\"", edit, StringComparison.Ordinal);

        var refused = await DemoSite.PostFormAsync(admin, $"/admin/users/{viewer}", new()
        {
            ["DisplayName"] = "Pat Quinn", ["Role"] = "Viewer", ["Email"] = "pat.quinn at police", ["Password"] = "",
        });
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"email-error\"", refusedPage, StringComparison.Ordinal);
        Assert.Contains("Enter an email address in the correct format, like name@example.police.uk (not 'pat.quinn at police').", refusedPage, StringComparison.Ordinal);

        var saved = await DemoSite.PostFormAsync(admin, $"/admin/users/{viewer}", new()
        {
            ["DisplayName"] = "Pat Quinn", ["Role"] = "Viewer", ["Email"] = " p.quinn@pfcc.example.gov.uk ", ["Password"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = site.Db())
        {
            Assert.Equal("p.quinn@pfcc.example.gov.uk", (await db.Accounts.SingleAsync(a => a.Id == viewer)).Email);
        }
    }
}
