using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Web.Tests;

namespace Scrutineer.Reliability.Web.Tests;

/// <summary>
/// Several people of one unit saving the first draft of the same update at the same moment, over HTTP. The load test
/// (benchmarks/load-test.sh) found that the losers got a 500 (the store's unique key on round, commitment and unit);
/// each must instead see the form again with a "someone else saved this update" error beside the saved version, and
/// exactly one update is stored.
/// </summary>
public sealed partial class FirstDraftRaceTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task FirstDraft_EightSavedAtOnce_OneSavedTheOthersToldOfTheConflictNoServerError()
    {
        const int people = 8;
        var round = await site.OpenRoundIdAsync();
        int commitment, unit;
        await using (var db = site.Db())
        {
            unit = await db.Units.Where(u => u.ShortName == "North LPA").Select(u => u.Id).SingleAsync();
            var taken = await db.Updates.Where(u => u.RoundId == round && u.UnitId == unit).Select(u => u.CommitmentId).ToListAsync();
            var planId = await db.Rounds.Where(r => r.Id == round).Select(r => r.PlanId).SingleAsync();
            commitment = (await db.Commitments.Include("responsibilities.Unit").Where(c => c.Priority.PlanId == planId).ToListAsync())
                .First(c => c.Units.Any(u => u.Id == unit) && !taken.Contains(c.Id)).Id;
        }

        var write = $"/updates/write/{round}/{commitment}/{unit}";
        var forms = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < people; i++)
        {
            var client = await site.SignInAsync("contributor.north");
            var html = await client.GetStringAsync(write);
            Assert.Contains("name=\"Version\" value=\"0\"", html, StringComparison.Ordinal);
            forms.Add((client, Token().Match(html).Groups[1].Value));
        }

        var answers = await Task.WhenAll(forms.Select((f, i) => Task.Run(async () =>
        {
            using var response = await f.Client.PostAsync(write, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Commentary"] = $"First draft from person {i}.", ["Status"] = "OnTrack", ["Version"] = "0", ["action"] = "save", ["__RequestVerificationToken"] = f.Token,
            }));
            return (Person: i, response.StatusCode, Page: await response.Content.ReadAsStringAsync());
        })));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"Person {a.Person} got {(int)a.StatusCode}"));
        var saved = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.OK), a =>
        {
            Assert.Contains("Someone else saved this update while you were writing", a.Page, StringComparison.Ordinal);
            Assert.Contains($"First draft from person {saved.Person}.", a.Page, StringComparison.Ordinal);
            Assert.Contains($"First draft from person {a.Person}.", a.Page, StringComparison.Ordinal);
        });
        await using var read = site.Db();
        var stored = await read.Updates.SingleAsync(u => u.RoundId == round && u.CommitmentId == commitment && u.UnitId == unit);
        Assert.Equal($"First draft from person {saved.Person}.", stored.CommentaryText);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
