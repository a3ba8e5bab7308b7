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

    /// <summary>The six counts of the dashboard's round progress table, in its column order.</summary>
    private static RoundCounts Progress(string html)
    {
        var table = ProgressTable().Match(html);
        Assert.True(table.Success, "The dashboard has no round progress table.");
        var cells = Cell().Matches(table.Value).Select(m => int.Parse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(6, cells.Count);
        return new RoundCounts(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]);
    }

    private sealed record RoundCounts(int NotStarted, int Draft, int Submitted, int Approved, int Returned, int Overdue);

    [GeneratedRegex("<table class=\"govuk-table\" id=\"round-progress\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex ProgressTable();

    [GeneratedRegex("<td class=\"govuk-table__cell govuk-table__cell--numeric\">(\\d+)</td>")]
    private static partial Regex Cell();
}
