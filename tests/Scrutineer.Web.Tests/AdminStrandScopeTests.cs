using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Scrutineer.Web.Tests;

/// <summary>An administrator makes a contributor a strand's lead (it writes the strand's narrative) on the users page, and saving keeps it.</summary>
public sealed class AdminStrandScopeTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task NewContributor_GivenAStrandOnly_LeadsIt_AndKeepsItWhenSavedAgain()
    {
        int strandId;
        await using (var db = site.Db())
        {
            strandId = await db.Strands.Where(s => s.Title == "Domestic Abuse").Select(s => s.Id).SingleAsync();
        }

        var admin = await site.SignInAsync("admin");
        var form = await admin.GetStringAsync("/admin/users");
        Assert.Contains("Strategy strands (contributors and reviewers)", form, StringComparison.Ordinal);
        Assert.Contains($"id=\"strand-{strandId}\" name=\"Strands\" type=\"checkbox\" value=\"{strandId}\"", form, StringComparison.Ordinal);

        var added = await DemoSite.PostFormAsync(admin, "/admin/users", new()
        {
            ["UserName"] = "dana.lead", ["DisplayName"] = "Dana Lead", ["Role"] = "Contributor", ["Strands"] = strandId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Password"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        int accountId;
        await using (var db = site.Db())
        {
            var account = await db.Accounts.SingleAsync(a => a.UserName == "dana.lead");
            accountId = account.Id;
            Assert.Equal([strandId], account.StrandIds);
            Assert.Empty(account.UnitIds);
        }

        var edit = await admin.GetStringAsync($"/admin/users/{accountId}");
        Assert.Contains($"id=\"strand-{strandId}\" name=\"Strands\" type=\"checkbox\" value=\"{strandId}\" checked", edit, StringComparison.Ordinal);
        var saved = await DemoSite.PostFormAsync(admin, $"/admin/users/{accountId}", new()
        {
            ["DisplayName"] = "Dana Lead", ["Role"] = "Contributor", ["Strands"] = strandId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Password"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = site.Db())
        {
            Assert.Equal([strandId], (await db.Accounts.SingleAsync(a => a.Id == accountId)).StrandIds);
        }
    }
}
