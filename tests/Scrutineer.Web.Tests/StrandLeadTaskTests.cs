using System.Net;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Delivery;
using Scrutineer.Web.Delivery;

namespace Scrutineer.Web.Tests;

/// <summary>
/// A strand's lead (a contributor holding the strand, <c>lead.strand</c> in the demo) keeps its delivery tasks up to date:
/// status, risk and notes on tasks in the strands it holds, and nothing elsewhere.
/// </summary>
public sealed class StrandLeadTaskTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task TaskPage_StrandLead_ChangesItsStrandsTask_NotAnotherStrands()
    {
        int mine, other;
        DeliveryTaskStatus otherBefore;
        await using (var db = site.Db())
        {
            var account = await db.Accounts.SingleAsync(a => a.UserName == "lead.strand");
            var held = account.Scopes.Where(s => s.Kind == Domain.Accounts.ScopeKind.Strand).Select(s => s.TargetId).ToList();
            mine = await db.DeliveryTasks.Where(t => held.Contains(t.Plan.StrandId) && t.Status != DeliveryTaskStatus.Complete).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
            var task = await db.DeliveryTasks.Where(t => !held.Contains(t.Plan.StrandId)).OrderBy(t => t.Id).FirstAsync();
            (other, otherBefore) = (task.Id, task.Status);
        }

        var lead = await site.SignInAsync("lead.strand");
        var page = await lead.GetStringAsync($"/strategy/tasks/{mine}");
        var otherPage = await lead.GetStringAsync($"/strategy/tasks/{other}");
        var noStatus = await DemoSite.PostFormAsync(lead, $"/strategy/tasks/{mine}", new() { ["Status"] = "" });
        var saved = await DemoSite.PostFormAsync(lead, $"/strategy/tasks/{mine}", new() { ["Status"] = TaskLabels.Slug(DeliveryTaskStatus.Complete), ["Risk"] = "", ["Mitigation"] = "" });
        var refused = await DemoSite.PostFormAsync(lead, $"/strategy/tasks/{other}", new() { ["Status"] = TaskLabels.Slug(DeliveryTaskStatus.Complete), ["Risk"] = "", ["Mitigation"] = "" });

        Assert.Contains("Change the status", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Change the status", otherPage, StringComparison.Ordinal);
        Assert.Contains("Select the task&#x27;s status", await noStatus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        await using var check = site.Db();
        Assert.Equal(DeliveryTaskStatus.Complete, (await check.DeliveryTasks.SingleAsync(t => t.Id == mine)).Status);
        Assert.Equal(otherBefore, (await check.DeliveryTasks.SingleAsync(t => t.Id == other)).Status);
    }
}
