using System.Net;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Tests;

/// <summary>A contributor withdraws its unit's submitted update before review from the update's page; it is a draft again. Another unit's contributor cannot.</summary>
public sealed class WithdrawUpdateTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Withdraw_OwnSubmittedUpdate_DraftAgain_AndAnotherUnitIsRefused()
    {
        var round = await site.OpenRoundIdAsync();
        int commitment, unit;
        await using (var db = site.Db())
        {
            var scdUnit = await db.Units.SingleAsync(u => u.ShortName == "SCD");
            var written = await db.Updates.Where(u => u.RoundId == round && u.UnitId == scdUnit.Id).Select(u => u.CommitmentId).ToListAsync();
            var plan = await db.Rounds.Where(r => r.Id == round).Select(r => r.PlanId).SingleAsync();
            var commitments = await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit").Where(c => c.Priority.PlanId == plan).ToListAsync();
            commitment = commitments.First(c => c.Units.Any(u => u.Id == scdUnit.Id) && !written.Contains(c.Id)).Id;
            unit = scdUnit.Id;
        }

        var page = $"/updates/write/{round}/{commitment}/{unit}";
        var north = await site.SignInAsync("contributor.north");
        var scd = await site.SignInAsync("contributor.scd");
        var submitted = await DemoSite.PostFormAsync(scd, page, new()
        {
            ["Commentary"] = "Two county lines closed this quarter.", ["Status"] = "OnTrack", ["Version"] = "0", ["action"] = "submit",
        });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        int id;
        await using (var db = site.Db())
        {
            id = await db.Updates.Where(u => u.RoundId == round && u.CommitmentId == commitment && u.UnitId == unit).Select(u => u.Id).SingleAsync();
        }

        var before = await scd.GetStringAsync(page);
        Assert.Contains("Withdraw it to change it", before, StringComparison.Ordinal);
        var stranger = await DemoSite.PostFormAsync(north, "/updates", new() { ["action"] = "withdraw" }, page);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);

        var withdrawn = await DemoSite.PostFormAsync(scd, page, new() { ["action"] = "withdraw" });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("Update withdrawn: it is a draft again", await scd.GetStringAsync(page), StringComparison.Ordinal);
        await using (var db = site.Db())
        {
            Assert.Equal(UpdateState.Draft, (await db.Updates.SingleAsync(u => u.Id == id)).State);
        }

        var again = await DemoSite.PostFormAsync(scd, page, new() { ["action"] = "withdraw" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("only a submitted update that nobody has reviewed yet can be withdrawn", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
