using System.Net;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Delivery;

namespace Scrutineer.Web.Tests;

/// <summary>The dashboard's delivery and insight panels, the strategy pages and who may change a task's status.</summary>
public sealed class StrategyPagesTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("viewer")]
    [InlineData("contributor.north")]
    [InlineData("analyst")]
    public async Task Dashboard_AnyRole_ShowsAtRiskTasksAndKeyInsights(string user)
    {
        var client = await site.SignInAsync(user);

        var html = await client.GetStringAsync("/");

        await using var db = site.Db();
        var atRisk = await db.DeliveryTasks.Where(t => t.Status == DeliveryTaskStatus.AtRisk).ToListAsync();
        Assert.NotEmpty(atRisk);
        Assert.Contains("id=\"at-risk-tasks\"", html, StringComparison.Ordinal);
        Assert.All(atRisk, t => Assert.Contains(WebUtil(t.Mitigation!), html, StringComparison.Ordinal));
        Assert.Contains("id=\"key-insights\"", html, StringComparison.Ordinal);
        Assert.Contains(">All crime</a>", html, StringComparison.Ordinal);
        Assert.Matches("significant (increase|decrease)", html);
    }

    [Fact]
    public async Task Strategy_Viewer_ShowsProgressWithTotalsLeadsAndAtRisk()
    {
        var client = await site.SignInAsync("viewer");

        var html = await client.GetStringAsync("/strategy");

        await using var db = site.Db();
        var total = await db.DeliveryTasks.CountAsync();
        Assert.Contains("id=\"progress\"", html, StringComparison.Ordinal);
        Assert.Contains($"<strong>{total}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"leads\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"at-risk\"", html, StringComparison.Ordinal);
        foreach (var strand in await db.Strands.Select(s => s.Title).ToListAsync())
        {
            Assert.Contains(WebUtil(strand), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Strategy_BadPeriod_FormError()
    {
        var client = await site.SignInAsync("viewer");

        var html = await client.GetStringAsync("/strategy?period=Q9+2023");

        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.StartsWith("Error:", Title(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tasks_Filters_NarrowTheListByStrandStageStatusAndOwner()
    {
        var client = await site.SignInAsync("viewer");
        await using var db = site.Db();
        var tasks = await db.DeliveryTasks.Include(t => t.Plan).ThenInclude(p => p.Strand).ToListAsync();
        var sample = tasks.First(t => t.Status == DeliveryTaskStatus.AtRisk);
        var strand = sample.Plan.Strand.Title;

        var all = await client.GetStringAsync("/strategy/tasks");
        var byStrand = await client.GetStringAsync($"/strategy/tasks?strand={Uri.EscapeDataString(strand)}");
        var atRisk = await client.GetStringAsync($"/strategy/tasks?strand={Uri.EscapeDataString(strand)}&stage={sample.Stage}&status=at-risk&owner={Uri.EscapeDataString(sample.Owner)}");

        Assert.Contains($"{tasks.Count} of {tasks.Count} tasks", all, StringComparison.Ordinal);
        Assert.Contains($"{tasks.Count(t => t.Plan.Strand.Title == strand)} of {tasks.Count} tasks", byStrand, StringComparison.Ordinal);
        var expected = tasks.Count(t => t.Plan.Strand.Title == strand && t.Stage == sample.Stage && t.Status == DeliveryTaskStatus.AtRisk
            && (t.Owner.Contains(sample.Owner, StringComparison.OrdinalIgnoreCase) || (t.OwnerName ?? "").Contains(sample.Owner, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains($"{expected} of {tasks.Count} tasks", atRisk, StringComparison.Ordinal);
        Assert.Contains($"href=\"/strategy/tasks/{sample.Id}\"", atRisk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tasks_SortedByDueAndPaged_FiftyAPageWithTheFiltersKept()
    {
        var client = await site.SignInAsync("viewer");
        await using var db = site.Db();
        var tasks = await db.DeliveryTasks.AsNoTracking().ToListAsync();
        var latest = tasks.Where(t => t.Due.Date is not null).MaxBy(t => t.Due.Date)!;

        var first = await client.GetStringAsync("/strategy/tasks?sort=due&order=descending");
        var second = await client.GetStringAsync("/strategy/tasks?sort=due&order=descending&page=2");
        var rows = System.Text.RegularExpressions.Regex.Matches(first, "<a class=\"govuk-link\" href=\"/strategy/tasks/(\\d+)\">");

        Assert.Equal(50, rows.Count);
        Assert.Equal(latest.Due.Date, tasks.Single(t => t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == rows[0].Groups[1].Value).Due.Date);
        Assert.Contains("aria-sort=\"descending\"><a class=\"govuk-link govuk-link--no-visited-state app-sort-link\" href=\"/strategy/tasks?sort=due\">Due", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/strategy/tasks?order=descending&amp;page=2&amp;sort=due\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Contains($"(showing 51 to 100 of {tasks.Count})", second, StringComparison.Ordinal);
        Assert.Contains("href=\"/strategy/tasks?order=descending&amp;sort=due\" rel=\"prev\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskStatus_AnalystMarksAtRisk_RecordedInHistoryUnderTheirName()
    {
        var id = await TaskIdAsync(DeliveryTaskStatus.Ongoing, 0);
        var client = await site.SignInAsync("analyst");

        var response = await DemoSite.PostFormAsync(client, $"/strategy/tasks/{id}", new()
        {
            ["Status"] = "at-risk", ["Risk"] = "Partner funding ends in March.", ["Mitigation"] = "Bid to the community safety fund.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = site.Db();
        var task = await db.DeliveryTasks.SingleAsync(t => t.Id == id);
        Assert.Equal(DeliveryTaskStatus.AtRisk, task.Status);
        var last = task.History[^1];
        Assert.Equal(DeliveryTaskStatus.Ongoing, last.From);
        Assert.Equal("Partner funding ends in March.", last.Risk);
        Assert.Contains("Chris Ashworth", last.Source, StringComparison.Ordinal);
        Assert.Contains("Partner funding ends in March.", await client.GetStringAsync($"/strategy/tasks/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskStatus_AtRiskWithoutRisk_FormErrorAndUnchanged()
    {
        var id = await TaskIdAsync(DeliveryTaskStatus.Ongoing, 1);
        var client = await site.SignInAsync("admin");

        var response = await DemoSite.PostFormAsync(client, $"/strategy/tasks/{id}", new() { ["Status"] = "at-risk", ["Risk"] = "", ["Mitigation"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#risk\">Enter the risk: a task at risk must say what might stop it being delivered</a>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = site.Db();
        Assert.Equal(DeliveryTaskStatus.Ongoing, (await db.DeliveryTasks.SingleAsync(t => t.Id == id)).Status);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("contributor.north")]
    [InlineData("reviewer")]
    public async Task TaskStatus_RoleWithoutTheStrand_NoFormAndPostNotFound(string user)
    {
        var id = await TaskIdAsync(DeliveryTaskStatus.Ongoing, user.Length);
        var client = await site.SignInAsync(user);

        var page = await client.GetStringAsync($"/strategy/tasks/{id}");
        var response = await DemoSite.PostFormAsync(client, $"/strategy/tasks/{id}", new() { ["Status"] = "complete" });

        Assert.DoesNotContain("Save status", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = site.Db();
        Assert.Equal(DeliveryTaskStatus.Ongoing, (await db.DeliveryTasks.SingleAsync(t => t.Id == id)).Status);
    }

    [Fact]
    public async Task TaskStatus_ReviewerScopedToTheStrand_MayChangeIt_OtherStrandNotFound()
    {
        await using (var db = site.Db())
        {
            var strands = await db.Strands.OrderBy(s => s.Position).Select(s => s.Id).ToListAsync();
            var account = await db.Set<UserAccount>().SingleAsync(a => a.UserName == "reviewer.roads");
            account.Assign(Role.Reviewer, [.. account.Scopes, new AccountScope(ScopeKind.Strand, strands[0])]);
            await db.SaveChangesAsync();
        }

        int mine, other;
        await using (var db = site.Db())
        {
            var strands = await db.Strands.OrderBy(s => s.Position).Select(s => s.Id).ToListAsync();
            mine = await db.DeliveryTasks.Where(t => t.Plan.StrandId == strands[0] && t.Status == DeliveryTaskStatus.Ongoing).Select(t => t.Id).FirstAsync();
            other = await db.DeliveryTasks.Where(t => t.Plan.StrandId != strands[0] && t.Status == DeliveryTaskStatus.Ongoing).Select(t => t.Id).FirstAsync();
        }

        var client = await site.SignInAsync("reviewer.roads");
        var allowed = await DemoSite.PostFormAsync(client, $"/strategy/tasks/{mine}", new() { ["Status"] = "complete" });
        var refused = await DemoSite.PostFormAsync(client, $"/strategy/tasks/{mine}", new() { ["Status"] = "complete" }, $"/strategy/tasks/{other}");

        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        await using var check = site.Db();
        Assert.Equal(DeliveryTaskStatus.Complete, (await check.DeliveryTasks.SingleAsync(t => t.Id == mine)).Status);
        Assert.Equal(DeliveryTaskStatus.Ongoing, (await check.DeliveryTasks.SingleAsync(t => t.Id == other)).Status);
    }

    [Fact]
    public async Task AtRisk_TodaysQuickQuery_SameAsFromTheWholeStrategy()
    {
        await using var db = site.Db();
        var id = await Application.Delivery.DeliveryStore.FindStrategyAsync(db, null);
        var today = DateOnly.FromDateTime(site.Clock.GetUtcNow().Date);

        var quick = await Application.Delivery.DeliveryProgress.AtRiskAsync(db, id, null, today);
        var full = Application.Delivery.DeliveryProgress.AtRisk(await Application.Delivery.DeliveryStore.LoadAsync(db, id), null, today);

        Assert.NotEmpty(quick);
        Assert.Equal(full, quick);
    }

    [Fact]
    public async Task Task_UnknownId_NotFound()
    {
        var client = await site.SignInAsync("analyst");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/strategy/tasks/999999")).StatusCode);
    }

    /// <summary>A task with the status, counted from the end (each test takes its own so that tests do not meet).</summary>
    private async Task<int> TaskIdAsync(DeliveryTaskStatus status, int fromEnd)
    {
        await using var db = site.Db();
        var ids = await db.DeliveryTasks.Where(t => t.Status == status).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        return ids[ids.Count - 1 - fromEnd];
    }

    private static string Title(string html) => System.Text.RegularExpressions.Regex.Match(html, "<title>([^<]*)</title>").Groups[1].Value;

    private static string WebUtil(string text) => System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(text);
}
