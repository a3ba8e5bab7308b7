using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Tests;

/// <summary>
/// Need-to-know on the pages: OFFICIAL-SENSITIVE parts of updates and reviewers' comments reach only the people the rule
/// allows, pages that show them are marked OFFICIAL-SENSITIVE top and bottom, and nobody outside an update's scope reads
/// anything but approved text.
/// </summary>
public sealed partial class NeedToKnowTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The units of contributor.scd, the contributor of other units in these tests.</summary>
    private static readonly string[] OtherUnits = ["SCD", "SVU"];

    [Theory]
    [InlineData("viewer")]
    [InlineData("contributor.scd")]
    [InlineData("reviewer.roads")]
    public async Task SensitiveCommentary_ReaderWithoutNeedToKnow_AbsentFromEveryPageAndTheApi(string user)
    {
        var (id, commitment, official, sensitive) = await PlantAsync(UpdateState.Approved, $"absent-{user}");
        var client = await site.SignInAsync(user);

        var page = await client.GetStringAsync($"/priorities/commitments/{commitment}");
        var api = await client.GetAsync($"/api/updates?commitmentId={commitment}");
        var apiText = await api.Content.ReadAsStringAsync();
        var review = await client.GetAsync($"/review/{id}");
        var correct = await client.GetAsync($"/rounds/updates/{id}");

        Assert.Contains(official, page, StringComparison.Ordinal);
        Assert.DoesNotContain(sensitive, page, StringComparison.Ordinal);
        Assert.Equal("OFFICIAL", Marking(page));
        Assert.Contains(official, apiText, StringComparison.Ordinal);
        Assert.DoesNotContain(sensitive, apiText, StringComparison.Ordinal);
        Assert.Equal("OFFICIAL", api.Headers.GetValues("X-Classification").Single());
        Assert.NotEqual(HttpStatusCode.OK, review.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, correct.StatusCode);
    }

    [Theory]
    [InlineData("contributor.north")]
    [InlineData("reviewer")]
    [InlineData("analyst")]
    public async Task SensitiveCommentary_WritingUnitInScopeReviewerAndAnalyst_ShownOnAPageMarkedOfficialSensitive(string user)
    {
        var (id, commitment, _, sensitive) = await PlantAsync(UpdateState.Approved, $"present-{user}");
        var client = await site.SignInAsync(user);

        var commitmentPage = await client.GetStringAsync($"/priorities/commitments/{commitment}");
        var apiText = await client.GetStringAsync($"/api/updates?commitmentId={commitment}");
        var ownPage = await client.GetStringAsync(await OwnPageAsync(user, id));

        foreach (var page in new[] { commitmentPage, ownPage })
        {
            Assert.Contains(sensitive, page, StringComparison.Ordinal);
            Assert.Equal("OFFICIAL-SENSITIVE", Marking(page));
            Assert.Equal("OFFICIAL-SENSITIVE", BottomMarking(page));
        }

        Assert.Contains(sensitive, apiText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SensitiveReviewerComment_InHistory_OnlyForThoseInScope()
    {
        var (id, commitment, _, _) = await PlantAsync(UpdateState.Submitted, "history");
        var secret = "History secret: the informant is Operation Lantern's source.";
        var reviewer = await site.SignInAsync("reviewer");
        var returned = await DemoSite.PostFormAsync(reviewer, $"/review/{id}", new()
        {
            ["Decision"] = "return", ["Comment"] = "Add the quarter's figures.", ["SensitiveComment"] = secret,
        });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        await using (var db = site.Db())
        {
            var stored = await db.Updates.SingleAsync(u => u.Id == id);
            Assert.Equal((UpdateState.Returned, "Add the quarter's figures.", secret), (stored.State, stored.ReviewerComment, stored.SensitiveReviewerComment));
            Assert.Equal(secret, stored.History[^1].SensitiveComment);
        }

        var contributor = await site.SignInAsync("contributor.north");
        var analyst = await site.SignInAsync("analyst");
        var writePage = await contributor.GetStringAsync(await OwnPageAsync("contributor.north", id));
        var correctPage = await analyst.GetStringAsync($"/rounds/updates/{id}");
        var reviewPage = await reviewer.GetStringAsync($"/review/{id}");

        foreach (var page in new[] { writePage, correctPage, reviewPage })
        {
            Assert.Contains(Html.Encode(secret), page, StringComparison.Ordinal);
            Assert.Equal("OFFICIAL-SENSITIVE", Marking(page));
        }

        foreach (var user in new[] { "viewer", "contributor.scd", "reviewer.roads" })
        {
            var client = await site.SignInAsync(user);
            var page = await client.GetStringAsync($"/priorities/commitments/{commitment}");
            var api = await client.GetStringAsync($"/api/updates?commitmentId={commitment}");
            Assert.DoesNotContain(Html.Encode(secret), page, StringComparison.Ordinal);
            Assert.DoesNotContain("Add the quarter", page, StringComparison.Ordinal);
            Assert.DoesNotContain("informant", api, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("contributor.scd")]
    [InlineData("reviewer.roads")]
    public async Task UnapprovedUpdate_ReaderOutsideItsScope_NotShownAtAll(string user)
    {
        var (_, commitment, official, _) = await PlantAsync(UpdateState.Submitted, $"unapproved-{user}");
        var client = await site.SignInAsync(user);

        var page = await client.GetStringAsync($"/priorities/commitments/{commitment}");
        var api = await client.GetStringAsync($"/api/updates?commitmentId={commitment}");

        Assert.DoesNotContain(official, page, StringComparison.Ordinal);
        Assert.DoesNotContain(official, api, StringComparison.Ordinal);
        Assert.Contains("not approved are not shown", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_MarkingTypedIntoOfficialText_FieldErrorWithWhereAndWhatToDo_NothingSaved()
    {
        var round = await site.OpenRoundIdAsync();
        var (commitment, unit) = await FreeSlotAsync(round, "marking");
        var contributor = await site.SignInAsync("contributor.north");
        var before = await UpdateCountAsync();

        var response = await DemoSite.PostFormAsync(contributor, $"/updates/write/{round}/{commitment}/{unit}", new()
        {
            ["Commentary"] = "Patrols continued.\n\nOfficial Sensitive - x", ["SensitiveCommentary"] = "", ["Status"] = "OnTrack", ["Version"] = "0", ["action"] = "save",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = "The OFFICIAL commentary contains the marking \"Official Sensitive\" on line 3. OFFICIAL text cannot carry a marking: move that text into the OFFICIAL-SENSITIVE part and delete the marking.";
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#commentary\">{Html.Encode(message)}</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"commentary-error\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await UpdateCountAsync());
    }

    [Fact]
    public async Task Write_BothParts_SavedApartAndTheFormSaysWhatBelongsWhere()
    {
        var round = await site.OpenRoundIdAsync();
        var (commitment, unit) = await FreeSlotAsync(round, "both parts");
        var contributor = await site.SignInAsync("contributor.north");
        var write = $"/updates/write/{round}/{commitment}/{unit}";

        var form = await contributor.GetStringAsync(write);
        var saved = await DemoSite.PostFormAsync(contributor, write, new()
        {
            ["Commentary"] = "Patrols continued.", ["SensitiveCommentary"] = "Covert deployment at the station.", ["Status"] = "OnTrack", ["Version"] = "0", ["action"] = "submit",
        });

        Assert.Contains("Commentary (OFFICIAL)", form, StringComparison.Ordinal);
        Assert.Contains("OFFICIAL-SENSITIVE commentary (optional)", form, StringComparison.Ordinal);
        Assert.Contains("covert tactics, named people, live investigations", form, StringComparison.Ordinal);
        Assert.Contains("may be published", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = site.Db();
        var update = await db.Updates.SingleAsync(u => u.RoundId == round && u.CommitmentId == commitment && u.UnitId == unit);
        Assert.Equal(("Patrols continued.", "Covert deployment at the station.", UpdateState.Submitted), (update.CommentaryText, update.SensitiveCommentaryText, update.State));
        Assert.Equal(Domain.Documents.Classification.OfficialSensitive, update.Classification);
    }

    [Fact]
    public async Task Write_Conflict_ShowsBothVersionsWithTheirSensitiveParts()
    {
        var (id, _, _, sensitive) = await PlantAsync(UpdateState.Draft, "conflict");
        var contributor = await site.SignInAsync("contributor.north");
        var write = await OwnPageAsync("contributor.north", id);

        var response = await DemoSite.PostFormAsync(contributor, write, new()
        {
            ["Commentary"] = "My OFFICIAL text.", ["SensitiveCommentary"] = "My own sensitive text.", ["Status"] = "OnTrack", ["Version"] = "0", ["action"] = "save",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"saved-version\"", html, StringComparison.Ordinal);
        Assert.Contains(sensitive, html, StringComparison.Ordinal);
        Assert.Contains("My own sensitive text.", html, StringComparison.Ordinal);
        Assert.Equal("OFFICIAL-SENSITIVE", Marking(html));
    }

    [Fact]
    public async Task Write_ContributorWithoutThePermission_SensitivePartNeitherShownNorLost()
    {
        var (id, _, _, sensitive) = await PlantAsync(UpdateState.Draft, "withdrawn");
        await AllowSensitiveAsync("contributor.north", false);
        try
        {
            var contributor = await site.SignInAsync("contributor.north");
            var write = await OwnPageAsync("contributor.north", id);

            var form = await contributor.GetStringAsync(write);
            var saved = await DemoSite.PostFormAsync(contributor, write, new()
            {
                ["Commentary"] = "Rewritten OFFICIAL text.", ["SensitiveCommentary"] = "An attempt to overwrite.", ["Status"] = "OnTrack", ["Version"] = await VersionAsync(id), ["action"] = "save",
            });

            Assert.DoesNotContain(sensitive, form, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"sensitivecommentary\"", form, StringComparison.Ordinal);
            Assert.Contains("not cleared to read OFFICIAL-SENSITIVE text", form, StringComparison.Ordinal);
            Assert.Equal("OFFICIAL", Marking(form));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            await using var db = site.Db();
            var update = await db.Updates.SingleAsync(u => u.Id == id);
            Assert.Equal("Rewritten OFFICIAL text.", update.CommentaryText);
            Assert.Equal(Html.Encode(update.SensitiveCommentaryText), sensitive);
        }
        finally
        {
            await AllowSensitiveAsync("contributor.north", true);
        }
    }

    [Fact]
    public async Task Correct_MarkingInOfficialText_RefusedWithTheMessage_SensitivePartSaved()
    {
        var (id, _, _, _) = await PlantAsync(UpdateState.Submitted, "correct");
        var analyst = await site.SignInAsync("analyst");
        var version = await VersionAsync(id);

        var refused = await DemoSite.PostFormAsync(analyst, $"/rounds/updates/{id}", new()
        {
            ["Commentary"] = "[OFFICIAL–SENSITIVE] names", ["SensitiveCommentary"] = "", ["Status"] = "OnTrack", ["Reason"] = "Typo", ["Version"] = version,
        });
        var corrected = await DemoSite.PostFormAsync(analyst, $"/rounds/updates/{id}", new()
        {
            ["Commentary"] = "Corrected OFFICIAL text.", ["SensitiveCommentary"] = "Corrected sensitive text.", ["Status"] = "OnTrack", ["Reason"] = "Typo", ["Version"] = version,
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Html.Encode("The OFFICIAL commentary contains the marking \"OFFICIAL–SENSITIVE\" on line 1."), await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        await using var db = site.Db();
        var update = await db.Updates.SingleAsync(u => u.Id == id);
        Assert.Equal(("Corrected OFFICIAL text.", "Corrected sensitive text.", UpdateState.Submitted), (update.CommentaryText, update.SensitiveCommentaryText, update.State));
    }

    [Fact]
    public async Task Review_MarkingInOfficialComment_FieldErrorAndUnchanged()
    {
        var (id, _, _, _) = await PlantAsync(UpdateState.Submitted, "review marking");
        var reviewer = await site.SignInAsync("reviewer");

        var response = await DemoSite.PostFormAsync(reviewer, $"/review/{id}", new() { ["Decision"] = "return", ["Comment"] = "OFFICIAL SENSITIVE: see me", ["SensitiveComment"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = "The comment contains the marking \"OFFICIAL SENSITIVE\" on line 1. OFFICIAL text cannot carry a marking: move that text into the OFFICIAL-SENSITIVE part and delete the marking.";
        Assert.Contains($"<a href=\"#comment\">{Html.Encode(message)}</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"sensitivecomment\"", html, StringComparison.Ordinal);
        await using var db = site.Db();
        Assert.Equal(UpdateState.Submitted, (await db.Updates.SingleAsync(u => u.Id == id)).State);
    }

    [Fact]
    public async Task Review_CommentsTooLong_BothErrorsAgainstTheirFields_UpdateShownAsStored_TextKept()
    {
        var (id, _, _, _) = await PlantAsync(UpdateState.Submitted, "review too long");
        var reviewer = await site.SignInAsync("reviewer");
        var comment = "Add the figures. " + new string('x', 4_000);
        var sensitive = new string('y', 4_001);

        var response = await DemoSite.PostFormAsync(reviewer, $"/review/{id}", new() { ["Decision"] = "return", ["Comment"] = comment, ["SensitiveComment"] = sensitive });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#comment\">The comment must be 4,000 characters or less</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#sensitivecomment\">The OFFICIAL-SENSITIVE comment must be 4,000 characters or less</a>", html, StringComparison.Ordinal);
        Assert.Contains("At most 4,000 characters.", html, StringComparison.Ordinal);
        Assert.Contains($">{comment}</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Returned", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ReviewerComment", html, StringComparison.Ordinal);
        await using (var db = site.Db())
        {
            var update = await db.Updates.SingleAsync(u => u.Id == id);
            Assert.Equal((UpdateState.Submitted, null), (update.State, update.ReviewerComment));
        }

        // The same rule in the domain, for every front door.
        await using (var db = site.Db())
        {
            var update = await db.Updates.Include(u => u.Round).SingleAsync(u => u.Id == id);
            var refused = Assert.Throws<Domain.Common.DomainException>(() => update.Return(update.Round, "Test", comment, site.Clock.GetUtcNow()));
            Assert.Equal("The comment must be 4,000 characters or less", refused.Message);
            Assert.Equal(UpdateState.Submitted, update.State);
        }
    }

    [Fact]
    public async Task Review_UpdateInAClosedRound_DomainMessageShownAndUnchanged_QueueSaysHowManyWait()
    {
        int id, waiting;
        string period;
        await using (var db = site.Db())
        {
            var closed = db.Updates.Where(u => u.State == UpdateState.Submitted && u.Round.State == RoundState.Closed && u.Commitment.Priority.Number <= 6);
            waiting = await closed.CountAsync();
            var update = await closed.Include(u => u.Round).OrderBy(u => u.Id).FirstAsync();
            (id, period) = (update.Id, update.Round.Period.ToString());
        }

        var reviewer = await site.SignInAsync("reviewer");
        var page = await reviewer.GetStringAsync($"/review/{id}");
        var response = await DemoSite.PostFormAsync(reviewer, $"/review/{id}", new() { ["Decision"] = "approve", ["Comment"] = "" });
        var queue = await reviewer.GetStringAsync("/review");

        Assert.Contains("id=\"round-closed\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Html.Encode($"The {period} round is closed, so it cannot take reviews: reopen the round first, so that a returned update can be changed."),
            await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = site.Db())
        {
            Assert.Equal(UpdateState.Submitted, (await db.Updates.SingleAsync(u => u.Id == id)).State);
        }

        Assert.DoesNotContain($"href=\"/review/{id}\"", queue, StringComparison.Ordinal);
        Assert.Contains($"{waiting} submitted update{(waiting == 1 ? " is" : "s are")} waiting in closed rounds ({waiting} in {period})", Regex.Replace(queue, @"\s+", " "), StringComparison.Ordinal);
        Assert.Contains("reopen the round to review them", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_GrantsViewerTheSensitivePermission_ViewerSessionEndsThenReadsIt()
    {
        await using var isolated = new DemoSite();
        await isolated.InitializeAsync();
        var (_, commitment, _, sensitive) = await PlantAsync(isolated, UpdateState.Approved, "granted");
        int viewerId;
        await using (var db = isolated.Db())
        {
            viewerId = await db.Accounts.Where(a => a.UserName == "viewer").Select(a => a.Id).SingleAsync();
        }

        var viewer = await isolated.SignInAsync("viewer");
        Assert.DoesNotContain(sensitive, await viewer.GetStringAsync($"/priorities/commitments/{commitment}"), StringComparison.Ordinal);
        var admin = await isolated.SignInAsync("admin");
        var form = await admin.GetStringAsync($"/admin/users/{viewerId}");
        Assert.Contains("May read OFFICIAL-SENSITIVE text", form, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"readssensitive\" name=\"ReadsSensitive\" type=\"checkbox\" value=\"true\" checked", form, StringComparison.Ordinal);

        var saved = await DemoSite.PostFormAsync(admin, $"/admin/users/{viewerId}", new()
        {
            ["DisplayName"] = "Pat Quinn", ["Role"] = "Viewer", ["ReadsSensitive"] = "true", ["Password"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = isolated.Db())
        {
            Assert.True((await db.Accounts.SingleAsync(a => a.Id == viewerId)).ReadsSensitive);
        }

        var users = await admin.GetStringAsync("/admin");
        Assert.Contains("Reads OFFICIAL-SENSITIVE", users, StringComparison.Ordinal);
        Assert.Matches($"href=\"/admin/users/{viewerId}\">viewer</a></td>(?:\\s*<td[^>]*>[^<]*</td>){{3}}\\s*<td[^>]*>Yes</td>", users);
        var old = await viewer.GetAsync($"/priorities/commitments/{commitment}");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        var again = await isolated.SignInAsync("viewer");
        var page = await again.GetStringAsync($"/priorities/commitments/{commitment}");
        Assert.Contains(sensitive, page, StringComparison.Ordinal);
        Assert.Equal("OFFICIAL-SENSITIVE", Marking(page));

        var withdrawn = await DemoSite.PostFormAsync(admin, $"/admin/users/{viewerId}", new() { ["DisplayName"] = "Pat Quinn", ["Role"] = "Viewer", ["Password"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var afterWithdrawal = await isolated.SignInAsync("viewer");
        Assert.DoesNotContain(sensitive, await afterWithdrawal.GetStringAsync($"/priorities/commitments/{commitment}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedRound_DraftsAndReturnedUpdates_NotShownToAViewer()
    {
        await using var isolated = new DemoSite();
        await isolated.InitializeAsync();
        var round = await isolated.OpenRoundIdAsync();
        var (_, commitment, official, _) = await PlantAsync(isolated, UpdateState.Draft, "published draft");
        var analyst = await isolated.SignInAsync("analyst");
        Assert.Equal(HttpStatusCode.Redirect, (await DemoSite.PostFormAsync(analyst, $"/rounds/{round}", [], $"/rounds/{round}?handler=Close")).StatusCode);
        var publish = await DemoSite.PostFormAsync(analyst, $"/rounds/{round}", new() { ["PublishStep"] = "confirm", ["ConfirmPublish"] = "true" }, $"/rounds/{round}?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var viewer = await isolated.SignInAsync("viewer");

        var page = await viewer.GetStringAsync($"/priorities/commitments/{commitment}");
        var api = await viewer.GetStringAsync($"/api/updates?roundId={round}");

        Assert.DoesNotContain(official, page, StringComparison.Ordinal);
        Assert.DoesNotContain(official, api, StringComparison.Ordinal);
        Assert.DoesNotContain("\"state\":\"Draft\"", api, StringComparison.Ordinal);
        Assert.DoesNotContain("\"state\":\"Returned\"", api, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"Approved\"", api, StringComparison.Ordinal);
    }

    private Task<(int Id, int Commitment, string Official, string Sensitive)> PlantAsync(UpdateState state, string label) => PlantAsync(site, state, label);

    /// <summary>
    /// An update in the open round, in <paramref name="state"/>, on a priority of 1 to 6 (reviewer's, not reviewer.roads'),
    /// of a unit contributor.north writes for and contributor.scd does not (started in a free slot when none is in that
    /// state), with fresh tokens written into both parts of its commentary. Tests in a class run one at a time and each
    /// plants its own tokens, so they may share an update.
    /// </summary>
    private static async Task<(int Id, int Commitment, string Official, string Sensitive)> PlantAsync(DemoSite on, UpdateState state, string label)
    {
        await WriterForEveryUnitButScdAsync(on);
        await using var db = on.Db();
        var now = on.Clock.GetUtcNow();
        var official = $"Planted OFFICIAL text {Guid.NewGuid():N} ({label}).";
        var sensitive = $"Planted sensitive token {Guid.NewGuid():N} ({label}).";
        var update = await db.Updates.Include(u => u.Round).Include(u => u.Commitment).ThenInclude(c => c.Priority)
            .Where(u => u.Round.State == RoundState.Open && u.State == state && u.Commitment.Priority.Number <= 6 && !OtherUnits.Contains(u.Unit.ShortName))
            .OrderBy(u => u.Id)
            .FirstOrDefaultAsync();
        if (update is not null)
        {
            update.Correct(update.Round, Commentary.Parse(official), update.Status, "Test", now, "Test text", Commentary.Parse(sensitive));
        }
        else
        {
            var round = await db.Rounds.SingleAsync(r => r.State == RoundState.Open);
            var (commitment, unit) = await FreeSlotAsync(db, round.Id, priorityAtMost: 6, label);
            update = new QuarterlyUpdate(round, commitment, unit, "Test", now);
            db.Updates.Add(update);
            update.Edit(round, Commentary.Parse(official), DeliveryStatus.OnTrack, "Test", now, Commentary.Parse(sensitive));
            if (state != UpdateState.Draft)
            {
                update.Submit(round, "Test", now);
            }

            if (state == UpdateState.Approved)
            {
                update.Approve(round, "Test", null, now);
            }
            else if (state == UpdateState.Returned)
            {
                update.Return(round, "Test", "Test return.", now);
            }
        }

        await db.SaveChangesAsync();
        return (update.Id, update.CommitmentId, Html.Encode(official), Html.Encode(sensitive));
    }

    /// <summary>Makes contributor.north the writer for every unit but contributor.scd's, so that the tests never run short of updates.</summary>
    private static async Task WriterForEveryUnitButScdAsync(DemoSite on)
    {
        await using var db = on.Db();
        var account = await db.Accounts.SingleAsync(a => a.UserName == "contributor.north");
        var units = await db.Units.Where(u => !OtherUnits.Contains(u.ShortName)).Select(u => u.Id).OrderBy(i => i).ToListAsync();
        if (!account.UnitIds.SequenceEqual(units))
        {
            account.Assign(Role.Contributor, units.Select(i => new AccountScope(ScopeKind.Unit, i)));
            await db.SaveChangesAsync();
        }
    }

    /// <summary>A commitment (on a priority up to <paramref name="priorityAtMost"/>) and a responsible unit of contributor.north's without an update in the round.</summary>
    private static async Task<(Domain.Plans.Commitment Commitment, Domain.Plans.Unit Unit)> FreeSlotAsync(Application.Data.ScrutineerDb db, int round, int priorityAtMost, string label)
    {
        var planId = await db.Rounds.Where(r => r.Id == round).Select(r => r.PlanId).SingleAsync();
        var taken = (await db.Updates.Where(u => u.RoundId == round).Select(u => new { u.CommitmentId, u.UnitId }).ToListAsync())
            .Select(t => (t.CommitmentId, t.UnitId)).ToHashSet();
        var free = (await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit").Where(c => c.Priority.PlanId == planId && c.Priority.Number <= priorityAtMost).ToListAsync())
            .OrderBy(c => c.Priority.Number).ThenBy(c => c.Number)
            .SelectMany(c => c.Units.Where(u => !OtherUnits.Contains(u.ShortName) && !taken.Contains((c.Id, u.Id))).Select(u => (c, u)))
            .ToList();
        Assert.True(free.Count > 0, $"No free slot left in the open round for '{label}'.");
        return free[0];
    }

    private async Task AllowSensitiveAsync(string userName, bool allowed)
    {
        await using var db = site.Db();
        (await db.Accounts.SingleAsync(a => a.UserName == userName)).AllowSensitive(allowed);
        await db.SaveChangesAsync();
    }

    /// <summary>The page on which <paramref name="user"/> works on update <paramref name="id"/>.</summary>
    private async Task<string> OwnPageAsync(string user, int id)
    {
        await using var db = site.Db();
        var u = await db.Updates.SingleAsync(x => x.Id == id);
        return user switch
        {
            "contributor.north" => $"/updates/write/{u.RoundId}/{u.CommitmentId}/{u.UnitId}",
            "reviewer" => $"/review/{id}",
            _ => $"/rounds/updates/{id}",
        };
    }

    private async Task<(int Commitment, int Unit)> FreeSlotAsync(int round, string label)
    {
        await WriterForEveryUnitButScdAsync(site);
        await using var db = site.Db();
        var (commitment, unit) = await FreeSlotAsync(db, round, priorityAtMost: 12, label);
        return (commitment.Id, unit.Id);
    }

    private async Task<int> UpdateCountAsync()
    {
        await using var db = site.Db();
        return await db.Updates.CountAsync();
    }

    private async Task<string> VersionAsync(int id)
    {
        await using var db = site.Db();
        return (await db.Updates.Where(u => u.Id == id).Select(u => u.Version).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The marking at the top of a page.</summary>
    private static string Marking(string html) => TopMarking().Match(html) is { Success: true } m ? m.Groups[1].Value : "(none)";

    /// <summary>The marking at the foot of a page.</summary>
    private static string BottomMarking(string html) => FootMarking().Match(html) is { Success: true } m ? m.Groups[1].Value : "(none)";

    [GeneratedRegex("data-classification=\"([^\"]+)\"")]
    private static partial Regex TopMarking();

    [GeneratedRegex("This page is marked <strong>([^<]+)</strong>")]
    private static partial Regex FootMarking();
}
