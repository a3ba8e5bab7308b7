using System.Net;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Tests;

/// <summary>The update page shows last quarter's approved text for the same commitment and unit, and "Start from last quarter's text" fills the editor with it.</summary>
public sealed class LastQuarterTextTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task WritePage_LastQuarterApproved_ShownAndStartsTheEditor()
    {
        var round = await site.OpenRoundIdAsync();
        int commitment, unit;
        string lastText;
        await using (var db = site.Db())
        {
            var north = await db.Units.SingleAsync(u => u.ShortName == "North LPA");
            var open = await db.Rounds.SingleAsync(r => r.Id == round);
            var previous = open.Period.Previous;
            var written = await db.Updates.Where(u => u.RoundId == round && u.UnitId == north.Id).Select(u => u.CommitmentId).ToListAsync();
            var approved = await db.Updates.Include(u => u.Round)
                .Where(u => u.Round.PlanId == open.PlanId && u.Round.Period == previous && u.UnitId == north.Id && u.State == UpdateState.Approved)
                .ToListAsync();
            var last = approved.First(u => !written.Contains(u.CommitmentId));
            (commitment, unit, lastText) = (last.CommitmentId, north.Id, last.CommentaryText);
        }

        var contributor = await site.SignInAsync("contributor.north");
        var page = WebUtility.HtmlDecode(await contributor.GetStringAsync($"/updates/write/{round}/{commitment}/{unit}"));
        var started = WebUtility.HtmlDecode(await contributor.GetStringAsync($"/updates/write/{round}/{commitment}/{unit}?from=last"));

        Assert.Contains("Last quarter's approved update (Q3 2023/24)", page, StringComparison.Ordinal);
        Assert.Contains(lastText.Split("\n\n")[0], page, StringComparison.Ordinal);
        Assert.Contains("Start from last quarter's text", page, StringComparison.Ordinal);
        Assert.Matches("<textarea[^>]*id=\"commentary\"[^>]*></textarea>", page);
        Assert.Contains(">" + lastText.Split("\n\n")[0], started, StringComparison.Ordinal);
        Assert.DoesNotContain("Start from last quarter's text", started, StringComparison.Ordinal);

        // Once a draft holds other text, last quarter's can still replace it in the form; the saved draft is kept until saved.
        await using (var db = site.Db())
        {
            var open = await db.Rounds.SingleAsync(r => r.Id == round);
            var draft = new QuarterlyUpdate(open, await db.Commitments.SingleAsync(c => c.Id == commitment), await db.Units.SingleAsync(u => u.Id == unit), "Test", site.Clock.GetUtcNow());
            db.Updates.Add(draft);
            draft.Edit(open, Commentary.Parse("A first draft of this quarter."), null, "Test", site.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var drafted = WebUtility.HtmlDecode(await contributor.GetStringAsync($"/updates/write/{round}/{commitment}/{unit}"));
        var replaced = WebUtility.HtmlDecode(await contributor.GetStringAsync($"/updates/write/{round}/{commitment}/{unit}?from=last"));
        Assert.Contains("Replace my text with last quarter's", drafted, StringComparison.Ordinal);
        Assert.Contains(">A first draft of this quarter.</textarea>", drafted, StringComparison.Ordinal);
        Assert.Contains(">" + lastText.Split("\n\n")[0], replaced, StringComparison.Ordinal);
        Assert.DoesNotContain("Replace my text with last quarter's", replaced, StringComparison.Ordinal);
        await using (var db = site.Db())
        {
            Assert.Equal("A first draft of this quarter.", (await db.Updates.SingleAsync(u => u.RoundId == round && u.CommitmentId == commitment && u.UnitId == unit)).CommentaryText);
        }
    }
}
