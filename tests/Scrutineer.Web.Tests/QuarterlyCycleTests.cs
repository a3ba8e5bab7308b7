using System.Net;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Web.Tests;

/// <summary>The quarter over HTTP: write, submit, return, resubmit, approve, close, publish; and nobody reaches another's records.</summary>
public sealed class QuarterlyCycleTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Quarter_SubmitReturnResubmitApproveClosePublish_RecordsEveryStep()
    {
        var round = await site.OpenRoundIdAsync();
        var (commitment, unit, reference) = await FreeSlotAsync("North LPA", round, priorityAtMost: 6);
        var write = $"/updates/write/{round}/{commitment}/{unit}";
        var contributor = await site.SignInAsync("contributor.north");

        var tasks = await contributor.GetStringAsync("/updates");
        Assert.Contains($"href=\"{write}\"", tasks, StringComparison.Ordinal);

        var submitted = await DemoSite.PostFormAsync(contributor, write, new()
        {
            ["Commentary"] = "Patrols continued in the town centre.\n\n- 12 operations\n- 4 arrests",
            ["Status"] = "OnTrack", ["Version"] = "0", ["action"] = "submit",
        });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var id = await UpdateIdAsync(round, commitment, unit);
        Assert.Equal(UpdateState.Submitted, await StateAsync(id));

        var reviewer = await site.SignInAsync("reviewer");
        Assert.Contains($"href=\"/review/{id}\"", await reviewer.GetStringAsync("/review"), StringComparison.Ordinal);
        var returned = await DemoSite.PostFormAsync(reviewer, $"/review/{id}", new() { ["Decision"] = "return", ["Comment"] = "Add this quarter's arrest figures." });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(UpdateState.Returned, await StateAsync(id));

        var page = await contributor.GetStringAsync(write);
        Assert.Contains("Add this quarter&#x27;s arrest figures.", page, StringComparison.Ordinal);
        var resubmitted = await DemoSite.PostFormAsync(contributor, write, new()
        {
            ["Commentary"] = "Patrols continued in the town centre.\n\n- 12 operations\n- 4 arrests, 2 charged",
            ["Status"] = "OnTrack", ["Version"] = await VersionAsync(id), ["action"] = "submit",
        });
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);

        var approved = await DemoSite.PostFormAsync(reviewer, $"/review/{id}", new() { ["Decision"] = "approve", ["Comment"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await using (var db = site.Db())
        {
            var update = await db.Updates.SingleAsync(u => u.Id == id);
            Assert.Equal(UpdateState.Approved, update.State);
            Assert.Equal("Dana Mensah", update.Reviewer);
            Assert.Equal("Rita Hale", update.Author);
            Assert.Equal("- 4 arrests, 2 charged", update.CommentaryText.Split('\n')[^1]);
            Assert.Equal(
                [UpdateAction.Created, UpdateAction.Edited, UpdateAction.Submitted, UpdateAction.Returned, UpdateAction.Edited, UpdateAction.Submitted, UpdateAction.Approved],
                update.History.Select(h => h.Action));
        }

        var history = await contributor.GetStringAsync($"/priorities/commitments/{commitment}");
        Assert.Contains("4 arrests, 2 charged", history, StringComparison.Ordinal);
        Assert.Contains(reference, history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_AnalystClosesThenPublishes_ReadOnlyAfterwards()
    {
        await using var isolated = new DemoSite();
        await isolated.InitializeAsync();
        var round = await isolated.OpenRoundIdAsync();
        var analyst = await isolated.SignInAsync("analyst");

        var publishOpen = await DemoSite.PostFormAsync(analyst, $"/rounds/{round}", [], $"/rounds/{round}?handler=Publish");
        Assert.Equal(HttpStatusCode.OK, publishOpen.StatusCode);
        Assert.Contains("close it before publishing", await publishOpen.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await DemoSite.PostFormAsync(analyst, $"/rounds/{round}", [], $"/rounds/{round}?handler=Close")).StatusCode);

        // The Publish button leads to the confirmation: what is not ready, and "Publish anyway" behind "I confirm".
        var confirmation = await DemoSite.PostFormAsync(analyst, $"/rounds/{round}", [], $"/rounds/{round}?handler=Publish");
        var confirmationPage = await confirmation.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Contains("id=\"publish-confirmation\"", confirmationPage, StringComparison.Ordinal);
        Assert.Matches(@"The Q4 2023/24 round is not ready to publish: \d+ updates are awaiting review, \d+ are outstanding \(no update or a draft\), \d+ were returned, (\d+) strand narratives are not approved, and the figures check found \d+ problems\.", confirmationPage);
        Assert.Contains("Strand narratives not approved", confirmationPage, StringComparison.Ordinal);
        Assert.Contains("Awaiting review", confirmationPage, StringComparison.Ordinal);
        Assert.Contains("Publish anyway", confirmationPage, StringComparison.Ordinal);

        var unconfirmed = await DemoSite.PostFormAsync(analyst, $"/rounds/{round}", new() { ["PublishStep"] = "confirm" }, $"/rounds/{round}?handler=Publish");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Select &#x27;I confirm&#x27; to publish the Q4 2023/24 round with these", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var before = isolated.Db())
        {
            Assert.Equal(RoundState.Closed, (await before.Rounds.SingleAsync(r => r.Id == round)).State);
        }

        var published = await DemoSite.PostFormAsync(analyst, $"/rounds/{round}", new() { ["PublishStep"] = "confirm", ["ConfirmPublish"] = "true" }, $"/rounds/{round}?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        await using var db = isolated.Db();
        Assert.Equal(RoundState.Published, (await db.Rounds.SingleAsync(r => r.Id == round)).State);
        var confirmed = await db.AuditEntries.Where(e => e.Entity == "Rounds" && e.Key == "Id=" + round && e.Changes.Contains("PublishConfirmation")).SingleAsync();
        Assert.StartsWith("analyst (", confirmed.Actor, StringComparison.Ordinal);
        var page = await analyst.GetStringAsync($"/rounds/{round}");
        Assert.DoesNotContain("Reopen round", page, StringComparison.Ordinal);
        Assert.Contains(">Published<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_PublishWithNothingOutstanding_ConfirmationSaysSoAndPublishes()
    {
        await using var isolated = new DemoSite();
        await isolated.InitializeAsync();
        int round;
        await using (var db = isolated.Db())
        {
            var plan = await Application.Plans.PlanLoader.LoadAsync(db, Application.Demo.DemoForce.PlanTitle);
            var now = isolated.Clock.GetUtcNow();
            var next = new ReportingRound(plan, Domain.Periods.FinancialQuarter.Parse("2024/25-Q1"), new DateOnly(2024, 7, 19), now);
            db.Rounds.Add(next);
            foreach (var commitment in plan.Commitments)
            {
                foreach (var unit in commitment.Units)
                {
                    var update = new QuarterlyUpdate(next, commitment, unit, "Author", now);
                    update.Edit(next, Commentary.Parse("Delivery continued as planned."), DeliveryStatus.OnTrack, "Author", now);
                    update.Submit(next, "Author", now);
                    update.Approve(next, "Reviewer", null, now);
                    db.Updates.Add(update);
                }
            }

            next.Close(now);
            await db.SaveChangesAsync();
            round = next.Id;
        }

        var analyst = await isolated.SignInAsync("analyst");
        var confirmation = await DemoSite.PostFormAsync(analyst, $"/rounds/{round}", [], $"/rounds/{round}?handler=Publish");
        var html = await confirmation.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Contains("Nothing outstanding: every update is approved and the figures check found no problems.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Publish anyway", html, StringComparison.Ordinal);

        var published = await DemoSite.PostFormAsync(analyst, $"/rounds/{round}", new() { ["PublishStep"] = "confirm" }, $"/rounds/{round}?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        await using var read = isolated.Db();
        Assert.Equal(RoundState.Published, (await read.Rounds.SingleAsync(r => r.Id == round)).State);
        Assert.Contains("with nothing outstanding.", (await read.AuditEntries.SingleAsync(e => e.Key == "Id=" + round && e.Changes.Contains("PublishConfirmation"))).Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_AnalystOpensNextQuarter_AppearsForContributors()
    {
        await using var isolated = new DemoSite();
        await isolated.InitializeAsync();
        var analyst = await isolated.SignInAsync("analyst");
        int planId, rounds;
        await using (var db = isolated.Db())
        {
            planId = await db.Plans.Where(p => p.Title == Application.Demo.DemoForce.PlanTitle).Select(p => p.Id).SingleAsync();
            rounds = await db.Rounds.CountAsync();
        }

        var bad = await DemoSite.PostFormAsync(analyst, "/rounds", new() { ["PlanId"] = $"{planId}", ["Quarter"] = "2024-Q1", ["Deadline.Day"] = "31", ["Deadline.Month"] = "2", ["Deadline.Year"] = "2024" });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.True(bad.StatusCode == HttpStatusCode.OK, $"{bad.StatusCode} {bad.Headers.Location}");
        Assert.Contains("is ambiguous", badHtml, StringComparison.Ordinal);
        Assert.Contains("must be a real date", badHtml, StringComparison.Ordinal);

        var outside = await DemoSite.PostFormAsync(analyst, "/rounds", new() { ["PlanId"] = $"{planId}", ["Quarter"] = "Q1 2030/31", ["Deadline.Day"] = "19", ["Deadline.Month"] = "7", ["Deadline.Year"] = "2030" });
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        Assert.Contains("is outside", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The web opens rounds by the application's rule, as the CLI does: the same refusal for a deadline before the quarter's last month.
        var early = await DemoSite.PostFormAsync(analyst, "/rounds", new() { ["PlanId"] = $"{planId}", ["Quarter"] = "Q1 2024/25", ["Deadline.Day"] = "1", ["Deadline.Month"] = "4", ["Deadline.Year"] = "2024" });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("The deadline 1 April 2024 is before the last month of Q1 2024/25 begins.", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var opened = await DemoSite.PostFormAsync(analyst, "/rounds", new() { ["PlanId"] = $"{planId}", ["Quarter"] = "Q1 2024/25", ["Deadline.Day"] = "19", ["Deadline.Month"] = "7", ["Deadline.Year"] = "2024" });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var again = await DemoSite.PostFormAsync(analyst, "/rounds", new() { ["PlanId"] = $"{planId}", ["Quarter"] = "Q1 2024/25", ["Deadline.Day"] = "19", ["Deadline.Month"] = "7", ["Deadline.Year"] = "2024" });
        Assert.Contains($"The Q1 2024/25 round of &#x27;{Application.Demo.DemoForce.PlanTitle}&#x27; is already open or was opened before.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = isolated.Db())
        {
            Assert.Equal(rounds + 1, await db.Rounds.CountAsync());
        }

        var contributor = await isolated.SignInAsync("contributor.north");
        var tasks = await contributor.GetStringAsync("/updates");
        Assert.Contains("Q1 2024/25 (April–June 2024)", tasks, StringComparison.Ordinal);
        Assert.Contains("19 July 2024", tasks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outstanding_Csv_ListsUnitsStillOwingUpdates()
    {
        var round = await site.OpenRoundIdAsync();
        var analyst = await site.SignInAsync("analyst");

        var response = await analyst.GetAsync($"/rounds/{round}/outstanding.csv");
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Unit,Unit name,Commitment,Commitment text,State,Deadline,Overdue", lines[0]);
        Assert.True(lines.Length > 10, $"Expected the demo's missing, draft and returned updates; got {lines.Length - 1} rows.");
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",2024-04-19,yes", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Correct_AnalystEditsSubmittedUpdate_StateKeptAndChangeRecorded()
    {
        int id;
        await using (var db = site.Db())
        {
            id = await db.Updates.Where(u => u.State == UpdateState.Submitted && u.Round.State == RoundState.Open).OrderBy(u => u.Id).Select(u => u.Id).LastAsync();
        }

        var analyst = await site.SignInAsync("analyst");
        var noReason = await DemoSite.PostFormAsync(analyst, $"/rounds/updates/{id}", new() { ["Commentary"] = "Corrected text.", ["Status"] = "AtRisk", ["Version"] = await VersionAsync(id) });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("<a href=\"#reason\">Enter the reason for the correction</a>", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Every problem at once, in the form's order: commentary, status, reason.
        var everything = await (await DemoSite.PostFormAsync(analyst, $"/rounds/updates/{id}", new() { ["Commentary"] = new string('c', 20_001), ["Version"] = await VersionAsync(id) })).Content.ReadAsStringAsync();
        var commentary = everything.IndexOf("<a href=\"#commentary\">The OFFICIAL commentary must be 20,000 characters or fewer (it has 20,001). Shorten it and save again.</a>", StringComparison.Ordinal);
        var status = everything.IndexOf("<a href=\"#status\">Select the delivery status: ", StringComparison.Ordinal);
        var reason = everything.IndexOf("<a href=\"#reason\">Enter the reason for the correction</a>", StringComparison.Ordinal);
        Assert.True(commentary > 0 && status > commentary && reason > status, "all three errors, in the form's order");
        Assert.Contains("Up to 20,000 characters.", everything, StringComparison.Ordinal);
        var response = await DemoSite.PostFormAsync(analyst, $"/rounds/updates/{id}", new() { ["Commentary"] = "Corrected text.", ["Status"] = "AtRisk", ["Reason"] = "Status agreed with the unit", ["Version"] = await VersionAsync(id) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = site.Db();
        var update = await check.Updates.SingleAsync(u => u.Id == id);
        Assert.Equal(UpdateState.Submitted, update.State);
        Assert.Equal("Corrected text.", update.CommentaryText);
        Assert.Equal(DeliveryStatus.AtRisk, update.Status);
        Assert.Equal(("Chris Ashworth", UpdateAction.Corrected, "Status agreed with the unit"), (update.History[^1].Actor, update.History[^1].Action, update.History[^1].Comment));
        var page = await analyst.GetStringAsync($"/rounds/updates/{id}");
        Assert.Contains("Before and after", page, StringComparison.Ordinal);
        Assert.Contains("Corrected text.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_OtherUnitsUpdate_NotFoundAndNothingWritten()
    {
        var round = await site.OpenRoundIdAsync();
        var (commitment, scd, _) = await FreeSlotAsync("SCD", round, priorityAtMost: 12);
        var before = await CountAsync();
        var contributor = await site.SignInAsync("contributor.north");

        Assert.Equal(HttpStatusCode.NotFound, (await contributor.GetAsync($"/updates/write/{round}/{commitment}/{scd}")).StatusCode);
        var token = await TokenFromAsync(contributor, "/updates");
        var post = await contributor.PostAsync($"/updates/write/{round}/{commitment}/{scd}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Commentary"] = "Not mine to write", ["Status"] = "OnTrack", ["Version"] = "0", ["action"] = "submit", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Write_CommitmentTheUnitIsNotResponsibleFor_NotFound()
    {
        var round = await site.OpenRoundIdAsync();
        await using var db = site.Db();
        var north = await db.Units.Where(u => u.ShortName == "North LPA").Select(u => u.Id).SingleAsync();
        var notNorth = (await db.Commitments.Include("responsibilities.Unit").ToListAsync()).First(c => c.Units.All(u => u.Id != north)).Id;
        var contributor = await site.SignInAsync("contributor.north");

        Assert.Equal(HttpStatusCode.NotFound, (await contributor.GetAsync($"/updates/write/{round}/{notNorth}/{north}")).StatusCode);
    }

    [Fact]
    public async Task Review_UpdateOutsideReviewersPriorities_NotFoundAndUnchanged()
    {
        int id;
        await using (var db = site.Db())
        {
            id = await db.Updates.Where(u => u.State == UpdateState.Submitted && u.Commitment.Priority.Number >= 7 && u.Round.State == RoundState.Open).Select(u => u.Id).FirstAsync();
        }

        var reviewer = await site.SignInAsync("reviewer");
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/review/{id}")).StatusCode);
        var token = await TokenFromAsync(reviewer, "/review");
        var post = await reviewer.PostAsync($"/review/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Decision"] = "approve", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(UpdateState.Submitted, await StateAsync(id));
        Assert.DoesNotContain($"href=\"/review/{id}\"", await reviewer.GetStringAsync("/review"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_ReturnWithoutComment_FormErrorAndUnchanged()
    {
        int id;
        await using (var db = site.Db())
        {
            id = await db.Updates.Where(u => u.State == UpdateState.Submitted && u.Commitment.Priority.Number >= 7 && u.Round.State == RoundState.Open).Select(u => u.Id).FirstAsync();
        }

        var reviewer = await site.SignInAsync("reviewer.roads");
        var response = await DemoSite.PostFormAsync(reviewer, $"/review/{id}", new() { ["Decision"] = "return", ["Comment"] = " " });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#comment\"", html, StringComparison.Ordinal);
        Assert.Equal(UpdateState.Submitted, await StateAsync(id));
    }

    [Fact]
    public async Task Commitment_ContributorPage_HidesOtherUnitsUnapprovedUpdates()
    {
        var round = await site.OpenRoundIdAsync();
        await using var db = site.Db();
        var north = await db.Units.Where(u => u.ShortName == "North LPA").Select(u => u.Id).SingleAsync();
        var other = await db.Updates.Include(u => u.Round)
            .Where(u => u.RoundId == round && u.UnitId != north && (u.State == UpdateState.Draft || u.State == UpdateState.Submitted))
            .FirstAsync();
        const string firstLine = "Unpublished marker text for the access test.";
        other.Correct(other.Round, Commentary.Parse(firstLine), other.Status, "Test", site.Clock.GetUtcNow(), "Test text");
        await db.SaveChangesAsync();
        var contributor = await site.SignInAsync("contributor.north");
        var analyst = await site.SignInAsync("analyst");

        var asContributor = await contributor.GetStringAsync($"/priorities/commitments/{other.CommitmentId}");
        var asAnalyst = await analyst.GetStringAsync($"/priorities/commitments/{other.CommitmentId}");

        Assert.Contains(System.Net.WebUtility.HtmlEncode(firstLine), asAnalyst, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(firstLine), asContributor, StringComparison.Ordinal);
    }

    private async Task<(int Commitment, int Unit, string Reference)> FreeSlotAsync(string unitShortName, int round, int priorityAtMost)
    {
        await using var db = site.Db();
        var unit = await db.Units.Where(u => u.ShortName == unitShortName).Select(u => u.Id).SingleAsync();
        var taken = await db.Updates.Where(u => u.RoundId == round && u.UnitId == unit).Select(u => u.CommitmentId).ToListAsync();
        var commitment = (await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit").ToListAsync())
            .Where(c => c.Priority.Number <= priorityAtMost && c.Units.Any(u => u.Id == unit) && !taken.Contains(c.Id))
            .OrderBy(c => c.Priority.Number).ThenBy(c => c.Number)
            .First();
        return (commitment.Id, unit, commitment.Reference);
    }

    private async Task<int> UpdateIdAsync(int round, int commitment, int unit)
    {
        await using var db = site.Db();
        return await db.Updates.Where(u => u.RoundId == round && u.CommitmentId == commitment && u.UnitId == unit).Select(u => u.Id).SingleAsync();
    }

    private async Task<UpdateState> StateAsync(int id)
    {
        await using var db = site.Db();
        return await db.Updates.Where(u => u.Id == id).Select(u => u.State).SingleAsync();
    }

    private async Task<string> VersionAsync(int id)
    {
        await using var db = site.Db();
        return (await db.Updates.Where(u => u.Id == id).Select(u => u.Version).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> CountAsync()
    {
        await using var db = site.Db();
        return await db.Updates.CountAsync();
    }

    private static async Task<string> TokenFromAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"No token on {page}");
        return match.Groups[1].Value;
    }
}
