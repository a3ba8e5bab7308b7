using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;
using Scrutineer.Web.Tests;

namespace Scrutineer.Reliability.Web.Tests;

/// <summary>
/// Several people write the same update at once, over HTTP: each signed in on a client of their own, each opens the
/// form, and their saves are released together. Exactly one is saved; everyone else gets the form back with the saved
/// version beside their own text, so nothing anyone wrote is lost, and the store holds one update with the winner's text.
/// </summary>
public sealed partial class ConcurrentEditOverHttpTests
{
    private const int Writers = 4;

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task UpdateWrite_RacingFirstSavesThenRacingEdits_OneWinsOthersSeeBothVersions(StoreProvider provider)
    {
        var site = DemoSite.On(provider);
        await site.InitializeAsync();
        try
        {
            await RaceWritersAsync(site);
        }
        finally
        {
            await site.DisposeAsync();
        }
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Correction_RacingAnalysts_OneWinsOthersSeeBothVersions(StoreProvider provider)
    {
        var site = DemoSite.On(provider);
        await site.InitializeAsync();
        try
        {
            await RaceCorrectionsAsync(site);
        }
        finally
        {
            await site.DisposeAsync();
        }
    }

    private static async Task RaceWritersAsync(DemoSite site)
    {
        var page = await UnwrittenSlotAsync(site, "North LPA");
        var clients = new List<HttpClient>();
        for (var i = 0; i < Writers; i++)
        {
            clients.Add(await site.SignInAsync("contributor.north"));
        }

        // The first save: nobody has written this update yet, so every writer creates it.
        var first = await RaceAsync(clients, page, "First");
        await AssertOneWinnerAsync(site, page, first);

        // Then everyone opens the saved draft and edits it at once.
        var second = await RaceAsync(clients, page, "Second");
        await AssertOneWinnerAsync(site, page, second);
    }

    private static async Task RaceCorrectionsAsync(DemoSite site)
    {
        int id;
        await using (var db = site.Db())
        {
            id = await db.Updates.Where(u => u.Round.State == RoundState.Open && u.State == UpdateState.Submitted).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        }

        var analysts = new List<HttpClient> { await site.SignInAsync("analyst"), await site.SignInAsync("analyst"), await site.SignInAsync("admin") };
        var outcomes = await RaceAsync(analysts, $"/rounds/updates/{id}", "Correction", expectRedirect: $"/rounds/");

        var winner = Assert.Single(outcomes, o => o.Won);
        foreach (var loser in outcomes.Where(o => !o.Won))
        {
            AssertBothVersions(loser, winner);
        }

        await using var check = site.Db();
        var stored = await check.Updates.SingleAsync(u => u.Id == id);
        Assert.Equal(winner.Text, stored.CommentaryText);
        Assert.Equal(1, stored.History.Count(h => h.Action == UpdateAction.Corrected));
    }

    /// <summary>Every client opens <paramref name="page"/>, then all post their own text at the same moment.</summary>
    private static async Task<List<Outcome>> RaceAsync(IReadOnlyList<HttpClient> clients, string page, string label, string expectRedirect = "/updates")
    {
        var forms = new List<Dictionary<string, string>>();
        for (var i = 0; i < clients.Count; i++)
        {
            var html = await clients[i].GetStringAsync(page);
            forms.Add(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value,
                ["Version"] = HiddenVersion().Match(html).Groups[1].Value,
                ["Commentary"] = $"{label} text from writer {i + 1} of {clients.Count}, who must not lose it.",
                ["Status"] = nameof(DeliveryStatus.OnTrack),
                ["Reason"] = "Racing correction",
                ["action"] = "save",
            });
        }

        // Every post waits at the gate until all are ready, then all go at once.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ready = 0;
        var posts = clients.Select((client, i) => Task.Run(async () =>
        {
            Interlocked.Increment(ref ready);
            await gate.Task;
            var response = await client.PostAsync(page, new FormUrlEncodedContent(forms[i]));
            var body = await response.Content.ReadAsStringAsync();
            var location = response.Headers.Location?.OriginalString ?? "";
            Assert.True(response.StatusCode is HttpStatusCode.OK || (response.StatusCode == HttpStatusCode.Redirect && location.StartsWith(expectRedirect, StringComparison.Ordinal)),
                $"Writer {i + 1}: {(int)response.StatusCode} {location}\n{body}");
            return new Outcome(forms[i]["Commentary"], response.StatusCode == HttpStatusCode.Redirect, body);
        })).ToList();
        while (Volatile.Read(ref ready) < clients.Count)
        {
            await Task.Delay(5);
        }

        gate.SetResult();
        return [.. await Task.WhenAll(posts)];
    }

    private static async Task AssertOneWinnerAsync(DemoSite site, string page, List<Outcome> outcomes)
    {
        var winner = Assert.Single(outcomes, o => o.Won);
        foreach (var loser in outcomes.Where(o => !o.Won))
        {
            AssertBothVersions(loser, winner);
        }

        var parts = page.Split('/');
        var (roundId, commitmentId, unitId) = (int.Parse(parts[3], CultureInfo.InvariantCulture), int.Parse(parts[4], CultureInfo.InvariantCulture), int.Parse(parts[5], CultureInfo.InvariantCulture));
        await using var db = site.Db();
        var stored = await db.Updates.Where(u => u.RoundId == roundId && u.CommitmentId == commitmentId && u.UnitId == unitId).ToListAsync();
        Assert.Equal(winner.Text, Assert.Single(stored).CommentaryText);
    }

    /// <summary>The loser's page: the conflict explained, the winner's saved text, and the loser's own text still in the form.</summary>
    private static void AssertBothVersions(Outcome loser, Outcome winner)
    {
        Assert.Contains("Someone else", loser.Html, StringComparison.Ordinal);
        var saved = loser.Html.IndexOf("id=\"saved-version\"", StringComparison.Ordinal);
        Assert.True(saved >= 0, "no saved version on the conflict page");
        Assert.Contains(winner.Text, loser.Html[saved..], StringComparison.Ordinal);
        Assert.Matches($"<textarea[^>]*name=\"Commentary\"[^>]*>{Regex.Escape(loser.Text)}</textarea>", loser.Html);
    }

    /// <summary>The write page of an update not yet started in the open round, for a commitment of <paramref name="unitName"/>.</summary>
    private static async Task<string> UnwrittenSlotAsync(DemoSite site, string unitName)
    {
        await using var db = site.Db();
        var round = await db.Rounds.SingleAsync(r => r.State == RoundState.Open);
        var unit = await db.Units.SingleAsync(u => u.ShortName == unitName);
        var written = await db.Updates.Where(u => u.RoundId == round.Id && u.UnitId == unit.Id).Select(u => u.CommitmentId).ToListAsync();
        var commitments = await db.Commitments.Include("responsibilities.Unit").Where(c => c.Priority.PlanId == round.PlanId).ToListAsync();
        var commitment = commitments.Where(c => c.IsResponsible(unit) && !written.Contains(c.Id)).OrderBy(c => c.Id).FirstOrDefault();
        Assert.True(commitment is not null, $"The demo has no unwritten update for {unitName} in the open round");
        return $"/updates/write/{round.Id}/{commitment.Id}/{unit.Id}";
    }

    private sealed record Outcome(string Text, bool Won, string Html);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex HiddenVersion();
}
