using System.Net;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Notifications;

namespace Scrutineer.Web.Tests;

/// <summary>"Your notices": each account sees its own notices only, and turns kinds off or asks for a daily digest.</summary>
public sealed class NoticesPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task YourNotices_OwnOnly_AndTheSettingsAreSaved()
    {
        int north, scd;
        await using (var db = site.Db())
        {
            north = (await db.Accounts.SingleAsync(a => a.UserName == "contributor.north")).Id;
            scd = (await db.Accounts.SingleAsync(a => a.UserName == "contributor.scd")).Id;
            db.Notices.Add(new Notice("test:north", NoticeKind.Reminder, north, "rita.hale@demo-force.example", "Reminder: NORTH-ONLY subject", "Dear Rita Hale,\n\nNORTH-ONLY body", "http://127.0.0.1:5080/updates", site.Clock.GetUtcNow()));
            db.Notices.Add(new Notice("test:scd", NoticeKind.Reminder, scd, "sam.okafor@demo-force.example", "Reminder: SCD-ONLY subject", "Dear Sam Okafor,\n\nSCD-ONLY body", "http://127.0.0.1:5080/updates", site.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var client = await site.SignInAsync("contributor.north");
        var page = await client.GetStringAsync("/account/notices");

        Assert.Contains("Your notices are emailed to <strong>rita.hale@demo-force.example</strong>", page, StringComparison.Ordinal);
        Assert.Contains("NORTH-ONLY subject", page, StringComparison.Ordinal);
        Assert.Contains("NORTH-ONLY body", page, StringComparison.Ordinal);
        Assert.DoesNotContain("SCD-ONLY", page, StringComparison.Ordinal);
        Assert.Equal(NoticeKindNames.Choosable.Count, System.Text.RegularExpressions.Regex.Matches(page, "name=\"Wanted\" type=\"checkbox\" value=\"\\w+\" checked").Count);

        var saved = await DemoSite.PostFormAsync(client, "/account/notices", new() { ["Wanted"] = "Returned", ["Digest"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Your notice settings are saved.", await client.GetStringAsync(saved.Headers.Location!.ToString()), StringComparison.Ordinal);
        await using (var db = site.Db())
        {
            var account = await db.Accounts.SingleAsync(a => a.Id == north);
            Assert.True(account.DailyDigest);
            Assert.True(account.Wants(NoticeKind.Returned));
            Assert.False(account.Wants(NoticeKind.Reminder));
            Assert.Equal(NoticeKindNames.Choosable.Count - 1, account.Muted.Count);
        }
    }

    [Theory]
    [InlineData("banana", "true", "#wanted\">Select the notices you want from the list")]
    [InlineData("99", "false", "#wanted\">Select the notices you want from the list")]
    [InlineData("Returned", "perhaps", "#digest\">Select how your notices should come")]
    public async Task YourNotices_ValuesTheFormNeverOffers_RefusedAndNothingTurnedOff(string wanted, string digest, string error)
    {
        var client = await site.SignInAsync("reviewer");

        var response = await DemoSite.PostFormAsync(client, "/account/notices", new() { ["Wanted"] = wanted, ["Digest"] = digest });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains(error, html, StringComparison.Ordinal);
        await using var db = site.Db();
        var account = await db.Accounts.SingleAsync(a => a.UserName == "reviewer");
        Assert.Empty(account.Muted);
        Assert.False(account.DailyDigest);
    }
}
