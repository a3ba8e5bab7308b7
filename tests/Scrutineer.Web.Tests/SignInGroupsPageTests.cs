using System.Net;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Web.Tests;

/// <summary>The single sign-on administration page: group mappings and approvals, by an administrator.</summary>
public sealed class SignInGroupsPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Administrator_MapsAGroup_RemovesIt_AndApprovesAWaitingAccount()
    {
        var admin = await site.SignInAsync("admin");
        int unitId;
        await using (var db = site.Db())
        {
            unitId = (await db.Units.SingleAsync(u => u.ShortName == "North LPA")).Id;
        }

        var refused = await DemoSite.PostFormAsync(admin, "/admin/sign-in-groups", new() { ["Group"] = "g-north", ["Role"] = "Contributor", ["Scope"] = "" });
        Assert.Contains("A group mapped to contributors needs a unit.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var mapped = await DemoSite.PostFormAsync(admin, "/admin/sign-in-groups", new() { ["Group"] = "g-north", ["Role"] = "Contributor", ["Scope"] = $"Unit:{unitId}" });
        Assert.Equal(HttpStatusCode.Redirect, mapped.StatusCode);
        var page = await admin.GetStringAsync("/admin/sign-in-groups");
        Assert.Contains("Members of g-north are now contributors for North Local Policing Area (North LPA) at their next sign-in.", page, StringComparison.Ordinal);

        int mappingId, accountId;
        await using (var db = site.Db())
        {
            mappingId = (await db.GroupMappings.SingleAsync(m => m.Group == "g-north")).Id;
            var (_, account) = await SingleSignOn.SignInAsync(db, new ExternalIdentity("https://idp.example/", "sub-waiting", "waiting.person", "Waiting Person", []), "unusable", site.Clock.GetUtcNow(), default);
            accountId = account.Id;
        }

        Assert.Contains("Waiting Person", await admin.GetStringAsync("/admin/sign-in-groups"), StringComparison.Ordinal);
        var removed = await DemoSite.PostFormAsync(admin, "/admin/sign-in-groups", new() { ["mappingId"] = mappingId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/admin/sign-in-groups?handler=Remove");
        var approved = await DemoSite.PostFormAsync(admin, "/admin/sign-in-groups", new() { ["accountId"] = accountId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/admin/sign-in-groups?handler=Approve");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("Waiting Person (waiting.person) is approved as a viewer.", await admin.GetStringAsync("/admin/sign-in-groups"), StringComparison.Ordinal);
        await using (var db = site.Db())
        {
            Assert.False(await db.GroupMappings.AnyAsync());
            var account = await db.Accounts.SingleAsync(a => a.Id == accountId);
            Assert.Equal((false, Role.Viewer), (account.IsDisabled, account.Role));
        }
    }
}
