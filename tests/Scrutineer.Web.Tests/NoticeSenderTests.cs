using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Testing;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The web server's own sender (<c>Notify:SendEverySeconds</c>) with a real SMTP server on 127.0.0.1: an update
/// submitted on the web reaches its priority's reviewer by email without anyone running <c>notify run</c>, and the
/// notices due on the demo's day go once however many times the sender runs.
/// </summary>
public sealed class NoticeSenderTests : IAsyncLifetime
{
    private SmtpTestServer smtp = null!;
    private DemoSite site = null!;

    public async Task InitializeAsync()
    {
        smtp = await SmtpTestServer.StartAsync();
        site = DemoSite.On(DemoSite.DefaultProvider, new Dictionary<string, string>(smtp.Settings) { ["Notify:SendEverySeconds"] = "1" });
        await site.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task SubmitOnTheWeb_TheReviewerIsEmailedByTheServer_AndTheDaysNoticesGoOnce()
    {
        var round = await site.OpenRoundIdAsync();
        int commitment, unit;
        await using (var db = site.Db())
        {
            var north = await db.Units.SingleAsync(u => u.ShortName == "North LPA");
            var written = await db.Updates.Where(u => u.RoundId == round && u.UnitId == north.Id).Select(u => u.CommitmentId).ToListAsync();
            var plan = await db.Rounds.Where(r => r.Id == round).Select(r => r.PlanId).SingleAsync();
            var commitments = await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit").Where(c => c.Priority.PlanId == plan && c.Priority.Number <= 6).ToListAsync();
            commitment = commitments.First(c => c.Units.Any(u => u.Id == north.Id) && !written.Contains(c.Id)).Id;
            unit = north.Id;
        }

        var contributor = await site.SignInAsync("contributor.north");
        var submitted = await DemoSite.PostFormAsync(contributor, $"/updates/write/{round}/{commitment}/{unit}", new()
        {
            ["Commentary"] = "Two new neighbourhood surgeries opened this quarter.", ["Status"] = "OnTrack", ["Version"] = "0", ["action"] = "submit",
        });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var waited = Stopwatch.StartNew();
        while (!smtp.Received().Any(m => m.Subject!.StartsWith("Waiting for your review:", StringComparison.Ordinal)) && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(250);
        }

        var review = Assert.Single(smtp.Received(), m => m.Subject!.StartsWith("Waiting for your review:", StringComparison.Ordinal));
        Assert.Equal("dana.mensah@demo-force.example", review.To.Mailboxes.Single().Address);
        Assert.Contains("was submitted for review by Rita Hale", review.TextBody, StringComparison.Ordinal);

        // Submitted on its first save, the update had no page yet: the link names it, and the review list sends the
        // reviewer on to its page; a reviewer whose priorities do not hold it stays on the list.
        var link = $"/review?round={round}&commitment={commitment}&unit={unit}";
        Assert.Contains("http://127.0.0.1:5080" + link, review.TextBody, StringComparison.Ordinal);
        int id;
        await using (var db = site.Db())
        {
            id = await db.Updates.Where(u => u.RoundId == round && u.CommitmentId == commitment && u.UnitId == unit).Select(u => u.Id).SingleAsync();
        }

        var opened = await (await site.SignInAsync("reviewer")).GetAsync(link);
        var other = await (await site.SignInAsync("reviewer.roads")).GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/review/{id}", opened.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        // The demo's day (Monday 22 April 2024) is past the Q4 deadline: its overdue notices went once, though the sender ran every second.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var keys = smtp.Received().Select(m => m.Headers["X-Scrutineer-Notice"]).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(smtp.Received(), m => m.Subject!.StartsWith("Overdue:", StringComparison.Ordinal) && m.To.Mailboxes.Single().Address == "rita.hale@demo-force.example");
    }
}
