using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Scrutineer.Web.Tests;

/// <summary>A commentary over the stated limit is refused against its field in GOV.UK words, the text is given back in the box, and nothing is saved.</summary>
public sealed class CommentaryLengthTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Write_CommentaryOverTheLimit_RefusedWithTheTextKept()
    {
        var round = await site.OpenRoundIdAsync();
        int commitment, unit;
        await using (var db = site.Db())
        {
            var north = await db.Units.SingleAsync(u => u.ShortName == "North LPA");
            var written = await db.Updates.Where(u => u.RoundId == round && u.UnitId == north.Id).Select(u => u.CommitmentId).ToListAsync();
            var plan = await db.Rounds.Where(r => r.Id == round).Select(r => r.PlanId).SingleAsync();
            var commitments = await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit").Where(c => c.Priority.PlanId == plan).ToListAsync();
            commitment = commitments.First(c => c.Units.Any(u => u.Id == north.Id) && !written.Contains(c.Id)).Id;
            unit = north.Id;
        }

        var text = "START-OF-LONG-TEXT " + string.Join(' ', Enumerable.Repeat("Patrols continued in the town centre.", 700));
        var contributor = await site.SignInAsync("contributor.north");
        var response = await DemoSite.PostFormAsync(contributor, $"/updates/write/{round}/{commitment}/{unit}", new()
        {
            ["Commentary"] = text, ["Status"] = "OnTrack", ["Version"] = "0", ["action"] = "save",
        });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"The OFFICIAL commentary must be 20,000 characters or fewer (it has {text.Length:N0}). Shorten it and save again.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"commentary-error\"", page, StringComparison.Ordinal);
        Assert.Contains(">START-OF-LONG-TEXT Patrols", page, StringComparison.Ordinal);
        await using (var db = site.Db())
        {
            Assert.False(await db.Updates.AnyAsync(u => u.RoundId == round && u.CommitmentId == commitment && u.UnitId == unit));
        }
    }
}
