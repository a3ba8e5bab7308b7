using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Delivery;

namespace Scrutineer.Web.Tests;

/// <summary>Delivery tasks past their due date (on the demo's day) are flagged on the task list and on the task's page; complete ones are not.</summary>
public sealed class TaskPastDueTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task TaskPages_PastDueFlagged_CompleteNot()
    {
        var today = DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime);
        List<DeliveryTask> tasks;
        await using (var db = site.Db())
        {
            tasks = await db.DeliveryTasks.AsNoTracking().ToListAsync();
        }

        var past = tasks.First(t => t.Status != DeliveryTaskStatus.Complete && t.DuplicateOf is null && t.Due.Date is { } d && d < today);
        var complete = tasks.First(t => t.Status == DeliveryTaskStatus.Complete && t.Due.Date is { } d && d < today);
        var analyst = await site.SignInAsync("analyst");

        Assert.Contains("id=\"past-due\"", await analyst.GetStringAsync($"/strategy/tasks/{past.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"past-due\"", await analyst.GetStringAsync($"/strategy/tasks/{complete.Id}"), StringComparison.Ordinal);
        Assert.Contains("app-past-due\">Past due</strong>", await analyst.GetStringAsync($"/strategy/tasks?stage={past.Stage}&sort=due"), StringComparison.Ordinal);
        Assert.True(past.IsPastDue(today));
        Assert.False(past.IsPastDue(past.Due.Date!.Value));
        Assert.False(complete.IsPastDue(today));
    }
}
