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
        var (commitment, unit) = await site.FreeSlotAsync("SCD", round);

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
