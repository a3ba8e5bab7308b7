using System.Net;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Tests;

/// <summary>A contributor saves a draft before choosing its delivery status; submitting it still asks for one.</summary>
public sealed class DraftWithoutStatusTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task SaveDraft_NoStatus_SavedWithNone_SubmitAsksForIt()
    {
        var round = await site.OpenRoundIdAsync();
        var (commitment, unit) = await site.FreeSlotAsync("SCD", round);

        var page = $"/updates/write/{round}/{commitment}/{unit}";
        var scd = await site.SignInAsync("contributor.scd");
        Assert.Contains("You can save a draft without choosing one", await scd.GetStringAsync(page), StringComparison.Ordinal);

        var empty = await DemoSite.PostFormAsync(scd, page, new() { ["Commentary"] = " ", ["Version"] = "0", ["action"] = "save" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Enter the commentary or select the delivery status to save a draft", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var saved = await DemoSite.PostFormAsync(scd, page, new() { ["Commentary"] = "First notes on the county lines work.", ["Version"] = "0", ["action"] = "save" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        int version;
        await using (var db = site.Db())
        {
            var draft = await db.Updates.SingleAsync(u => u.RoundId == round && u.CommitmentId == commitment && u.UnitId == unit);
            Assert.Equal(UpdateState.Draft, draft.State);
            Assert.Null(draft.Status);
            Assert.Equal("First notes on the county lines work.", draft.CommentaryText);
            version = draft.Version;
        }

        var listed = WebUtility.HtmlDecode(await scd.GetStringAsync(page));
        Assert.Contains("First notes on the county lines work.", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("checked", System.Text.RegularExpressions.Regex.Match(listed, "name=\"Status\"[^>]*>").Value, StringComparison.Ordinal);

        var submitted = await DemoSite.PostFormAsync(scd, page, new()
        {
            ["Commentary"] = "First notes on the county lines work.", ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["action"] = "submit",
        });

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var html = WebUtility.HtmlDecode(await submitted.Content.ReadAsStringAsync());
        Assert.Contains("<a href=\"#status\">Select the delivery status before submitting</a>", html, StringComparison.Ordinal);
        await using (var db = site.Db())
        {
            Assert.Equal(UpdateState.Draft, (await db.Updates.SingleAsync(u => u.RoundId == round && u.CommitmentId == commitment && u.UnitId == unit)).State);
        }
    }
}
