using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Demo;
using Scrutineer.Application.Notifications;
using Scrutineer.Domain.Notifications;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Notifications;

/// <summary>
/// The daily digest through a real SMTP server on 127.0.0.1, on a pinned clock in British Summer Time: an account that
/// chose it gets nothing before the digest time (07:00 UK), one email holding everything waiting at it, and nothing more
/// that day; what comes later goes in the next day's. Other accounts get each notice as it comes.
/// </summary>
public sealed class DailyDigestTests
{
    [Fact]
    public async Task ADigestAccount_GetsOneEmailADayFromTheDigestTime_AndWhatComesLaterWaitsForTomorrow()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var smtp = await SmtpTestServer.StartAsync();
        var mail = SmtpSettings.Read(key => smtp.Settings.TryGetValue(key, out var value) ? value : null);
        var notify = NotifySettings.Read(_ => null);
        var clock = new TestClock(new DateTimeOffset(2024, 6, 10, 5, 30, 0, TimeSpan.Zero)); // 06:30 in London (BST)
        int digest, each;
        await using (var db = store.Open())
        {
            await DemoForce.BuildAsync(db, new DemoSettings(DemoSettings.DemoToday, null, _ => { }));
            var north = await db.Accounts.SingleAsync(a => a.UserName == "contributor.north");
            north.ChooseNotices([], digest: true);
            await db.SaveChangesAsync();
            (digest, each) = (north.Id, (await db.Accounts.SingleAsync(a => a.UserName == "contributor.scd")).Id);
        }

        async Task AddAsync(string key, int account)
        {
            await using var db = store.Open();
            var email = await db.Accounts.Where(a => a.Id == account).Select(a => a.Email!).SingleAsync();
            db.Notices.Add(new Notice(key, NoticeKind.Approved, account, email, "Approved: " + key, "Dear reader,\n\nIt was approved.", "http://127.0.0.1:5080/updates", clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        async Task<int> SendAsync(DateTimeOffset at)
        {
            clock.Set(at);
            await using var db = store.Open();
            return (await MailDelivery.SendDueAsync(db, mail, notify, clock)).Sent;
        }

        await AddAsync("first", digest);
        await AddAsync("second", digest);
        await AddAsync("other", each);
        var early = await SendAsync(new DateTimeOffset(2024, 6, 10, 5, 59, 0, TimeSpan.Zero));   // 06:59 BST
        var beforeSeven = smtp.Received().Select(m => m.Subject).ToList();
        var atSeven = await SendAsync(new DateTimeOffset(2024, 6, 10, 6, 0, 0, TimeSpan.Zero));  // 07:00 BST
        await AddAsync("third", digest);
        var later = await SendAsync(new DateTimeOffset(2024, 6, 10, 12, 0, 0, TimeSpan.Zero));
        var beforeMidnight = await SendAsync(new DateTimeOffset(2024, 6, 10, 22, 59, 0, TimeSpan.Zero)); // 23:59 BST
        var nextDay = await SendAsync(new DateTimeOffset(2024, 6, 11, 6, 5, 0, TimeSpan.Zero));

        Assert.Equal(1, early);
        Assert.Equal(["Approved: other"], beforeSeven);
        Assert.Equal(2, atSeven);
        Assert.Equal(0, later);
        Assert.Equal(0, beforeMidnight);
        Assert.Equal(1, nextDay);
        var digests = smtp.Received().Where(m => m.Subject!.StartsWith("Your Scrutineer notices", StringComparison.Ordinal)).ToList();
        Assert.Equal("Your Scrutineer notices: 2", digests[0].Subject);
        Assert.Contains("APPROVED: FIRST", digests[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("APPROVED: SECOND", digests[0].TextBody, StringComparison.Ordinal);
        Assert.Equal("Approved: third", smtp.Received()[^1].Subject);
        Assert.Equal(3, smtp.Received().Count);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task AnEmailSentOnItsOwnBeforeTheAccountChoseTheDigest_DoesNotHoldThatDaysDigestBack(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var smtp = await SmtpTestServer.StartAsync();
        var mail = SmtpSettings.Read(key => smtp.Settings.TryGetValue(key, out var value) ? value : null);
        var notify = NotifySettings.Read(key => key == "Notify:DigestTime" ? "00:30" : null);
        var clock = new TestClock(new DateTimeOffset(2024, 6, 10, 7, 0, 0, TimeSpan.Zero)); // 08:00 in London (BST)
        int account;
        await using (var db = store.Open())
        {
            await DemoForce.BuildAsync(db, new DemoSettings(DemoSettings.DemoToday, null, _ => { }));
            account = (await db.Accounts.SingleAsync(a => a.UserName == "reviewer.roads")).Id;
        }

        async Task<int> AddAndSendAsync(string key, bool chooseDigest, DateTimeOffset at)
        {
            clock.Set(at);
            await using var db = store.Open();
            var reviewer = await db.Accounts.SingleAsync(a => a.Id == account);
            if (chooseDigest)
            {
                reviewer.ChooseNotices([], digest: true);
            }

            db.Notices.Add(new Notice(key, NoticeKind.Approved, account, reviewer.Email!, "Approved: " + key, "Dear reader,\n\nIt was approved.", "http://127.0.0.1:5080/updates", clock.GetUtcNow()));
            await db.SaveChangesAsync();
            return (await MailDelivery.SendDueAsync(db, mail, notify, clock)).Sent;
        }

        var alone = await AddAndSendAsync("published", chooseDigest: false, new DateTimeOffset(2024, 6, 10, 7, 0, 0, TimeSpan.Zero));
        var digested = await AddAndSendAsync("waiting", chooseDigest: true, new DateTimeOffset(2024, 6, 10, 8, 0, 0, TimeSpan.Zero));
        var laterThatDay = await AddAndSendAsync("later", chooseDigest: false, new DateTimeOffset(2024, 6, 10, 9, 0, 0, TimeSpan.Zero));

        // The email sent on its own at 08:00 is not a digest: the account's first digest goes at once (past 00:30), and
        // then nothing more that day.
        Assert.Equal((1, 1, 0), (alone, digested, laterThatDay));
        Assert.Equal(["Approved: published", "Approved: waiting"], smtp.Received().Select(m => m.Subject));
        await using (var db = store.Open())
        {
            Assert.Equal([("published", false), ("waiting", true)], await db.Notices.Where(n => n.State == NoticeState.Sent).OrderBy(n => n.Id).Select(n => new ValueTuple<string, bool>(n.Key, n.InDigest)).ToListAsync());
        }
    }

    [Fact]
    public void DigestTime_NotATimeOfDay_RefusedWithTheSettingNamed()
    {
        var refused = Assert.Throws<Domain.Common.DomainException>(() => NotifySettings.Read(key => key == "Notify:DigestTime" ? "7am" : null));

        Assert.Equal("Notify:DigestTime must be a time of day in the UK as HH:mm, like 07:00, not '7am'.", refused.Message);
        Assert.Equal(new TimeOnly(18, 30), NotifySettings.Read(key => key == "Notify:DigestTime" ? "18:30" : null).DigestAt);
    }
}
