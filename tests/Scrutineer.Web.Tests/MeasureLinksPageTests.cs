using System.Net;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The analysts' measure links page on the demo: a priority's measures are listed, one is linked from the store's list
/// with a target and better direction (recorded in the audit trail as the analyst), an unknown name and a bad target
/// are refused with what to do, and the link is removed again.
/// </summary>
public sealed class MeasureLinksPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Priority_AddWithTargetThenRemove_RefusesUnknownNameAndBadTarget()
    {
        var analyst = await site.SignInAsync("analyst");
        int priorityId;
        string unlinked;
        await using (var db = site.Db())
        {
            var priority = await db.Priorities.OrderBy(p => p.Number).FirstAsync();
            priorityId = priority.Id;
            var linked = await db.MeasureLinks.Where(l => l.PriorityId == priorityId).Select(l => l.Measure.Name).ToListAsync();
            unlinked = (await db.Measures.Where(m => m.Kind == MeasureKind.Count).OrderBy(m => m.Name).Select(m => m.Name).ToListAsync()).First(n => !linked.Contains(n));
        }

        var owner = $"priority-{priorityId}";
        var page = $"/data/measure-links?owner={owner}";
        var list = WebUtility.HtmlDecode(await analyst.GetStringAsync("/data/measure-links"));
        Assert.Contains($"href=\"{page}\"", list, StringComparison.Ordinal);

        var added = await DemoSite.PostFormAsync(analyst, page, new() { ["Owner"] = owner, ["Measure"] = unlinked, ["Target"] = "1,200", ["Better"] = "lower" }, "/data/measure-links?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var shown = WebUtility.HtmlDecode(await analyst.GetStringAsync(page));
        Assert.Contains($"Linked {unlinked}.", shown, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\" class=\"govuk-table__header\">{unlinked}</th>", shown, StringComparison.Ordinal);
        Assert.Contains(">1,200</td>", shown, StringComparison.Ordinal);
        await using (var db = site.Db())
        {
            var link = await db.MeasureLinks.Include(l => l.Measure).SingleAsync(l => l.PriorityId == priorityId && l.Measure.Name == unlinked);
            Assert.Equal(1200m, link.Target);
            Assert.Equal(BetterDirection.Lower, link.Better);
            Assert.Contains(await db.AuditEntries.Where(e => e.Entity == "MeasureLinks").ToListAsync(), e => e.Actor.StartsWith("analyst (", StringComparison.Ordinal));
        }

        var twice = await DemoSite.PostFormAsync(analyst, page, new() { ["Owner"] = owner, ["Measure"] = unlinked }, "/data/measure-links?handler=Add");
        Assert.Contains($"'{unlinked}' is already linked to Priority ", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var unknown = await DemoSite.PostFormAsync(analyst, page, new() { ["Owner"] = owner, ["Measure"] = "Bicycle crime" }, "/data/measure-links?handler=Add");
        Assert.Contains("'Bicycle crime' is not a measure the store holds. Use one of: ", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var badTarget = await DemoSite.PostFormAsync(analyst, page, new() { ["Owner"] = owner, ["Measure"] = "All crime", ["Target"] = "about 12" }, "/data/measure-links?handler=Add");
        Assert.Contains("Enter the target as a number of 0 or more, like 1,200 (you entered 'about 12'), or leave it empty.", WebUtility.HtmlDecode(await badTarget.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var removed = await DemoSite.PostFormAsync(analyst, page, new() { ["Owner"] = owner, ["Measure"] = unlinked }, "/data/measure-links?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains($"Removed {unlinked}.", WebUtility.HtmlDecode(await analyst.GetStringAsync(page)), StringComparison.Ordinal);
        await using (var db = site.Db())
        {
            Assert.False(await db.MeasureLinks.AnyAsync(l => l.PriorityId == priorityId && l.Measure.Name == unlinked));
        }

        var viewer = await site.SignInAsync("viewer");
        var refused = await viewer.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
