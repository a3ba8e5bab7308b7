using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The dashboard keeps its figures until the store changes (DashboardCache): every change, made in the app or
/// straight in the store as the command line does, and the turn of the day, must show on the next request.
/// </summary>
public sealed partial class DashboardTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Dashboard_UpdateSubmittedInTheApp_CountedOnTheNextRequest()
    {
        var viewer = await site.SignInAsync("viewer");
        var before = Progress(await viewer.GetStringAsync("/"));
        Assert.Equal(before, Progress(await viewer.GetStringAsync("/")));

        var round = await site.OpenRoundIdAsync();
        var (commitment, unit) = await NotStartedSlotAsync(round, "North LPA");
        var contributor = await site.SignInAsync("contributor.north");
        var submitted = await DemoSite.PostFormAsync(contributor, $"/updates/write/{round}/{commitment}/{unit}", new()
        {
            ["Commentary"] = "Two new neighbourhood surgeries opened this quarter.", ["Status"] = "OnTrack", ["Version"] = "0", ["action"] = "submit",
        });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var after = Progress(await viewer.GetStringAsync("/"));
        Assert.Equal(before.NotStarted - 1, after.NotStarted);
        Assert.Equal(before.Submitted + 1, after.Submitted);
        Assert.Equal(before.Overdue - 1, after.Overdue);
    }

    [Fact]
    public async Task Dashboard_EachRole_LeadsWithItsOwnWork()
    {
        int toWrite, toReview;
        await using (var db = site.Db())
        {
            var round = await db.Rounds.SingleAsync(r => r.State == RoundState.Open);
            var north = await db.Units.Where(u => u.ShortName == "North LPA").Select(u => u.Id).SingleAsync();
            var expected = (await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit").Where(c => c.Priority.PlanId == round.PlanId).ToListAsync())
                .Count(c => c.Units.Any(u => u.Id == north));
            var started = await db.Updates.Where(u => u.RoundId == round.Id && u.UnitId == north).Select(u => u.State).ToListAsync();
            toWrite = expected - started.Count(s => s is UpdateState.Submitted or UpdateState.Approved or UpdateState.Returned);
            var reviewer = await db.Accounts.SingleAsync(a => a.UserName == "reviewer");
            var priorities = reviewer.PriorityIds.ToList();
            toReview = await db.Updates.CountAsync(u => u.RoundId == round.Id && u.State == UpdateState.Submitted && priorities.Contains(u.Commitment.PriorityId));
        }

        var contributor = await (await site.SignInAsync("contributor.north")).GetStringAsync("/");
        var reviewing = await (await site.SignInAsync("reviewer")).GetStringAsync("/");
        var analyst = await (await site.SignInAsync("analyst")).GetStringAsync("/");
        var viewer = await (await site.SignInAsync("viewer")).GetStringAsync("/");

        Assert.Contains($"href=\"/updates\">{toWrite} update{(toWrite == 1 ? "" : "s")} to write</a>", contributor, StringComparison.Ordinal);
        Assert.Contains($"href=\"/review\">{toReview} update{(toReview == 1 ? "" : "s")} waiting for your review</a>", reviewing, StringComparison.Ordinal);
        Assert.Matches(@"href=""/rounds/\d+"">\d+ updates overdue in the Q4 2023/24 round</a>", analyst);
        Assert.True(contributor.IndexOf("id=\"your-work\"", StringComparison.Ordinal) < contributor.IndexOf("id=\"round-progress\"", StringComparison.Ordinal), "Own work leads the page.");
        Assert.DoesNotContain("id=\"your-work\"", viewer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_DayBeforeTheDeadline_NothingOverdueThenOverdueAfterIt()
    {
        var viewer = await site.SignInAsync("viewer");
        var today = site.Clock.GetUtcNow();
        try
        {
            site.Clock.Set(new DateTimeOffset(2024, 4, 18, 12, 0, 0, TimeSpan.Zero));
            var beforeDeadline = Progress(await viewer.GetStringAsync("/"));
            site.Clock.Set(today);
            var afterDeadline = Progress(await viewer.GetStringAsync("/"));

            Assert.Equal(0, beforeDeadline.Overdue);
            Assert.True(afterDeadline.Overdue > 0, "The demo's Q4 round is past its deadline with updates still owed.");
        }
        finally
        {
            site.Clock.Set(today);
        }
    }

    [Fact]
    public async Task Dashboard_RoundClosedStraightInTheStore_ShownOnTheNextRequest()
    {
        await using var isolated = new DemoSite();
        await isolated.InitializeAsync();
        var viewer = await isolated.SignInAsync("viewer");
        Assert.Contains(">Open</strong>", await viewer.GetStringAsync("/"), StringComparison.Ordinal);

        await using (var db = isolated.Db())
        {
            var round = await db.Rounds.SingleAsync(r => r.State == RoundState.Open);
            round.Close(isolated.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var html = await viewer.GetStringAsync("/");
        Assert.Contains(">Closed</strong>", html, StringComparison.Ordinal);
        Assert.Equal(0, Progress(html).Overdue);
    }

    private async Task<(int Commitment, int Unit)> NotStartedSlotAsync(int round, string unitShortName)
    {
        await using var db = site.Db();
        var unit = await db.Units.Where(u => u.ShortName == unitShortName).Select(u => u.Id).SingleAsync();
        var taken = await db.Updates.Where(u => u.RoundId == round && u.UnitId == unit).Select(u => u.CommitmentId).ToListAsync();
        var commitment = (await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit").ToListAsync())
            .Where(c => c.Priority.Number <= 6 && c.Units.Any(u => u.Id == unit) && !taken.Contains(c.Id))
            .OrderBy(c => c.Priority.Number).ThenBy(c => c.Number)
            .First();
        return (commitment.Id, unit);
    }

    /// <summary>The counts of the dashboard's round progress table (which must add up to its total) and the overdue line under it.</summary>
    private static RoundCounts Progress(string html)
    {
        var table = ProgressTable().Match(html);
        Assert.True(table.Success, "The dashboard has no round progress table.");
        var cells = Cell().Matches(table.Value).Select(m => int.Parse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(6, cells.Count);
        Assert.Equal(cells[5], cells[0] + cells[1] + cells[2] + cells[3] + cells[4]);
        var overdue = OverdueLine().Match(html);
        return new RoundCounts(cells[0], cells[1], cells[3], cells[4], cells[2], overdue.Success ? int.Parse(overdue.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0);
    }

    private sealed record RoundCounts(int NotStarted, int Draft, int Submitted, int Approved, int Returned, int Overdue);

    [GeneratedRegex("id=\"round-overdue\">Of these, (\\d+) (?:is|are) overdue")]
    private static partial Regex OverdueLine();

    [GeneratedRegex("<table class=\"govuk-table\" id=\"round-progress\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex ProgressTable();

    [GeneratedRegex("<td class=\"govuk-table__cell govuk-table__cell--numeric\">(\\d+)</td>")]
    private static partial Regex Cell();
}
