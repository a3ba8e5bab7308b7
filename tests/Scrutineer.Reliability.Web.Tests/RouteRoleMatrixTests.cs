using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Demo;
using Scrutineer.Domain.Accounts;
using Scrutineer.Web.Tests;

namespace Scrutineer.Reliability.Web.Tests;

/// <summary>
/// Every handler in the application's route table (GET and POST, page handlers included), requested by every demo
/// account and anonymously, against an explicit table of expected outcomes. A handler the table does not name fails
/// the build, so a new page cannot be added without saying who may open it. Route parameters are real demo records,
/// including records of another unit and another reviewer's priorities, so a changed identity in the address (IDOR)
/// is proved to reveal nothing. POSTs carry a valid antiforgery token and a form the page refuses (a missing field,
/// a round in the wrong state), so the matrix reaches every handler without changing the store.
/// </summary>
public sealed partial class RouteRoleMatrixTests(DemoSite site) : IClassFixture<DemoSite>
{
    /// <summary>The columns of <see cref="Expected"/>: anonymous, each demo account, a reviewer scoped to one strand, and the demo's strand lead.</summary>
    public static readonly string[] Principals = ["anonymous", "admin", "analyst", "contributor.north", "contributor.scd", "reviewer", "reviewer.roads", "viewer", StrandReviewer, "lead.strand"];

    /// <summary>A reviewer scoped to one crime prevention strand only (the demo has none; the test adds it).</summary>
    private const string StrandReviewer = "reviewer.strand";

    /// <summary>
    /// Handler → one or more requests with the outcome for each principal, in <see cref="Principals"/> order.
    /// 200 the page or data; 302 a redirect elsewhere (signing out); sign-in a redirect to sign in first; denied a page
    /// refused by role (a redirect to the access-denied page, which itself answers 403); 401 the API refusing an anonymous
    /// call; 404 refused by scope (a record of another unit or priority: nothing revealed).
    /// </summary>
    private static readonly Case[] Expected =
    [
        // handler                                                                    anon    admin   analyst north   scd     review  roads   viewer  strand  lead    address
        new("GET /",                                                                 "sign-in 200     200     200     200     200     200     200     200     200", _ => "/"),
        new("GET /accessibility",                                                    "200     200     200     200     200     200     200     200     200     200", _ => "/accessibility"),
        new("GET /error",                                                            "200     200     200     200     200     200     200     200     200     200", _ => "/error"),
        new("GET /health",                                                           "200     200     200     200     200     200     200     200     200     200", _ => "/health"),
        new("GET /health/live",                                                      "200     200     200     200     200     200     200     200     200     200", _ => "/health/live"),
        new("GET /health/ready",                                                     "200     200     200     200     200     200     200     200     200     200", _ => "/health/ready"),
        new("GET /account/access-denied",                                            "403     403     403     403     403     403     403     403     403     403", _ => "/account/access-denied"),
        new("GET /account/sign-in",                                                  "200     200     200     200     200     200     200     200     200     200", _ => "/account/sign-in"),
        new("POST /account/sign-in",                                                 "200     200     200     200     200     200     200     200     200     200", _ => "/account/sign-in"),
        new("GET /account/sign-out",                                                 "sign-in 200     200     200     200     200     200     200     200     200", _ => "/account/sign-out"),
        new("POST /account/sign-out",                                                "sign-in 302     302     302     302     302     302     302     302     302", _ => "/account/sign-out") { SignsOut = true },
        new("GET /search",                                                           "sign-in 200     200     200     200     200     200     200     200     200", _ => "/search?q=patrol"),
        new("GET /account/notices",                                                  "sign-in 200     200     200     200     200     200     200     200     200", _ => "/account/notices"),
        new("POST /account/notices",                                                 "sign-in 302     302     302     302     302     302     302     302     302", _ => "/account/notices"),
        new("GET /account/sessions",                                                 "sign-in 200     200     200     200     200     200     200     200     200", _ => "/account/sessions"),
        new("POST /account/sessions?handler=Revoke",                                 "sign-in 404     404     404     404     404     404     404     404     404", _ => "/account/sessions?handler=Revoke"),
        new("POST /account/sessions?handler=Everywhere",                             "sign-in 302     302     302     302     302     302     302     302     302", _ => "/account/sessions?handler=Everywhere") { SignsOut = true, EndsEverySession = true },
        new("GET /account/sign-in/sso",                                              "404     404     404     404     404     404     404     404     404     404", _ => "/account/sign-in/sso"),
        new("GET /account/sign-in/sso/status",                                       "200     200     200     200     200     200     200     200     200     200", _ => "/account/sign-in/sso/status?outcome=pending"),
        new("GET /account/api-tokens",                                               "sign-in 200     200     200     200     200     200     200     200     200", _ => "/account/api-tokens"),
        new("POST /account/api-tokens",                                              "sign-in 200     200     200     200     200     200     200     200     200", _ => "/account/api-tokens"),
        new("POST /account/api-tokens?handler=Revoke",                               "sign-in 200     200     200     200     200     200     200     200     200", _ => "/account/api-tokens?handler=Revoke"),
        new("GET /account/password",                                                 "sign-in 200     200     200     200     200     200     200     200     200", _ => "/account/password"),
        new("POST /account/password",                                                "sign-in 200     200     200     200     200     200     200     200     200", _ => "/account/password"),
        new("GET /account/two-step",                                                 "302     302     302     302     302     302     302     302     302     302", _ => "/account/two-step"),
        new("POST /account/two-step",                                                "302     302     302     302     302     302     302     302     302     302", _ => "/account/two-step"),
        new("GET /account/two-step/set-up",                                          "sign-in 200     200     200     200     200     200     200     200     200", _ => "/account/two-step/set-up"),
        new("POST /account/two-step/set-up",                                         "sign-in 200     200     200     200     200     200     200     200     200", _ => "/account/two-step/set-up"),

        // Reading: everyone signed in.
        new("GET /priorities",                                                       "sign-in 200     200     200     200     200     200     200     200     200", _ => "/priorities"),
        new("GET /priorities/commitments/{id:int}",                                  "sign-in 200     200     200     200     200     200     200     200     200", d => $"/priorities/commitments/{d.Commitment}"),
        new("GET /strategy",                                                         "sign-in 200     200     200     200     200     200     200     200     200", _ => "/strategy"),
        new("GET /strategy?handler=Export",                                          "sign-in 200     200     200     200     200     200     200     200     200", _ => "/strategy?handler=Export&format=csv"),
        new("GET /strategy/tasks",                                                   "sign-in 200     200     200     200     200     200     200     200     200", _ => "/strategy/tasks"),
        new("GET /strategy/tasks/{id:int}",                                          "sign-in 200     200     200     200     200     200     200     200     200", d => $"/strategy/tasks/{d.Task}"),
        new("POST /strategy/tasks/{id:int}",                                         "sign-in 200     200     404     404     404     404     404     200     200", d => $"/strategy/tasks/{d.Task}"),
        new("POST /strategy/tasks/{id:int}",                                         "sign-in 200     200     404     404     404     404     404     404     404", d => $"/strategy/tasks/{d.TaskInAnotherStrand}"),
        new("GET /insights",                                                         "sign-in 200     200     200     200     200     200     200     200     200", _ => "/insights"),
        new("GET /insights/peers",                                                   "sign-in 200     200     200     200     200     200     200     200     200", _ => "/insights/peers"),
        new("GET /reports",                                                          "sign-in 200     200     200     200     200     200     200     200     200", _ => "/reports"),
        new("GET /reports/check/{round:int}",                                        "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", d => $"/reports/check/{d.OpenRound}"),
        new("GET /reports/closure-text",                                             "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/reports/closure-text"),
        new("POST /reports/closure-text",                                            "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/reports/closure-text"),
        new("GET /reports/schedules",                                                "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/reports/schedules"),
        new("POST /reports/schedules",                                               "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/reports/schedules"),
        new("POST /reports/schedules?handler=Remove",                                "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/reports/schedules?handler=Remove"),
        new("GET /reports/download",                                                 "sign-in 200     200     404     404     404     404     404     404     404", d => $"/reports/download?report=quarterly&round={d.OpenRound}&format=html"),
        new("GET /reports/download",                                                 "sign-in 200     200     200     200     200     200     200     200     200", d => $"/reports/download?report=quarterly&round={d.PublishedRound}&format=html&version=public"),

        // Contributors: their own units' updates only.
        new("GET /updates",                                                          "sign-in denied  denied  200     200     denied  denied  denied  denied  200", _ => "/updates"),
        new("GET /updates/write/{roundId:int}/{commitmentId:int}/{unitId:int}",      "sign-in denied  denied  200     404     denied  denied  denied  denied  404", d => Write(d, d.NorthSlot)),
        new("GET /updates/write/{roundId:int}/{commitmentId:int}/{unitId:int}",      "sign-in denied  denied  404     200     denied  denied  denied  denied  404", d => Write(d, d.ScdSlot)),
        new("POST /updates/write/{roundId:int}/{commitmentId:int}/{unitId:int}",     "sign-in denied  denied  200     404     denied  denied  denied  denied  404", d => Write(d, d.NorthSlot)),
        new("POST /updates/write/{roundId:int}/{commitmentId:int}/{unitId:int}",     "sign-in denied  denied  404     200     denied  denied  denied  denied  404", d => Write(d, d.ScdSlot)),
        new("GET /updates/write/{roundId:int}/{commitmentId:int}/{unitId:int}",      "sign-in denied  denied  404     404     denied  denied  denied  denied  404", d => Write(d, d.NorthOnACommitmentNotTheirs)),
        new("POST /updates/write/{roundId:int}/{commitmentId:int}/{unitId:int}",     "sign-in denied  denied  404     404     denied  denied  denied  denied  404", d => Write(d, d.NorthOnACommitmentNotTheirs)),

        // Strand leads: the narratives of the strands they lead only.
        new("GET /updates/narratives/{roundId:int}/{strandId:int}",                  "sign-in denied  denied  404     404     denied  denied  denied  denied  200", d => $"/updates/narratives/{d.OpenRound}/{d.Strand}"),
        new("POST /updates/narratives/{roundId:int}/{strandId:int}",                 "sign-in denied  denied  404     404     denied  denied  denied  denied  200", d => $"/updates/narratives/{d.OpenRound}/{d.Strand}"),
        new("GET /updates/narratives/{roundId:int}/{strandId:int}",                  "sign-in denied  denied  404     404     denied  denied  denied  denied  404", d => $"/updates/narratives/{d.OpenRound}/{d.StrandNotLed}"),
        new("POST /updates/narratives/{roundId:int}/{strandId:int}",                 "sign-in denied  denied  404     404     denied  denied  denied  denied  404", d => $"/updates/narratives/{d.OpenRound}/{d.StrandNotLed}"),

        // Reviewers: updates on their own priorities only; narratives of their own strands only.
        new("GET /review/narratives/{id:int}",                                       "sign-in denied  denied  denied  denied  404     404     denied  200     denied", d => $"/review/narratives/{d.NarrativeOfStrand}"),
        new("POST /review/narratives/{id:int}",                                      "sign-in denied  denied  denied  denied  404     404     denied  200     denied", d => $"/review/narratives/{d.NarrativeOfStrand}"),
        new("GET /review/narratives/{id:int}",                                       "sign-in denied  denied  denied  denied  404     404     denied  404     denied", d => $"/review/narratives/{d.NarrativeOfAnotherStrand}"),
        new("GET /review",                                                           "sign-in denied  denied  denied  denied  200     200     denied  200     denied", _ => "/review"),
        new("GET /review/{id:int}",                                                  "sign-in denied  denied  denied  denied  200     404     denied  404     denied", d => $"/review/{d.UpdateOnPriorityUpTo6}"),
        new("GET /review/{id:int}",                                                  "sign-in denied  denied  denied  denied  404     200     denied  404     denied", d => $"/review/{d.UpdateOnPriority9}"),
        new("POST /review/{id:int}",                                                 "sign-in denied  denied  denied  denied  200     404     denied  404     denied", d => $"/review/{d.UpdateOnPriorityUpTo6}"),
        new("POST /review/{id:int}",                                                 "sign-in denied  denied  denied  denied  404     200     denied  404     denied", d => $"/review/{d.UpdateOnPriority9}"),

        // Analysts and administrators: rounds, corrections, data.
        new("GET /rounds",                                                           "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/rounds"),
        new("POST /rounds",                                                          "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/rounds"),
        new("GET /rounds/{id:int}",                                                  "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", d => $"/rounds/{d.OpenRound}"),
        new("POST /rounds/{id:int}?handler=Close",                                   "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", d => $"/rounds/{d.PublishedRound}?handler=Close"),
        new("POST /rounds/{id:int}?handler=Reopen",                                  "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", d => $"/rounds/{d.OpenRound}?handler=Reopen"),
        new("POST /rounds/{id:int}?handler=Publish",                                 "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", d => $"/rounds/{d.OpenRound}?handler=Publish"),
        new("POST /rounds/{id:int}?handler=Deadline",                                "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", d => $"/rounds/{d.ClosedRound}?handler=Deadline"),
        new("GET /rounds/{id:int}/outstanding.csv",                                  "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", d => $"/rounds/{d.OpenRound}/outstanding.csv"),
        new("GET /rounds/updates/{id:int}",                                          "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", d => $"/rounds/updates/{d.UpdateOnPriority9}"),
        new("POST /rounds/updates/{id:int}",                                         "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", d => $"/rounds/updates/{d.UpdateOnPriority9}"),
        new("GET /data",                                                             "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/data"),
        new("POST /data?handler=PoliceUk",                                           "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/data?handler=PoliceUk"),
        new("POST /data?handler=Measures",                                           "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/data?handler=Measures"),
        new("POST /data?handler=Delivery",                                           "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/data?handler=Delivery"),
        new("POST /data?handler=Peers",                                              "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/data?handler=Peers"),
        new("POST /data?handler=Harm",                                               "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/data?handler=Harm"),
        new("POST /data?handler=Confirm",                                            "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/data?handler=Confirm"),
        new("POST /data?handler=Undo",                                               "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/data?handler=Undo"),
        new("GET /data/measure-links",                                               "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/data/measure-links"),
        new("GET /data/measure-links",                                               "sign-in 404     404     denied  denied  denied  denied  denied  denied  denied", _ => "/data/measure-links?owner=priority-999999"),
        new("POST /data/measure-links?handler=Add",                                  "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/data/measure-links?handler=Add"),
        new("POST /data/measure-links?handler=Remove",                               "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/data/measure-links?handler=Remove"),
        new("GET /data/peers",                                                       "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/data/peers"),
        new("POST /data/peers?handler=Add",                                          "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/data/peers?handler=Add"),
        new("POST /data/peers?handler=End",                                          "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/data/peers?handler=End"),
        new("POST /data/peers?handler=Remove",                                       "sign-in 200     200     denied  denied  denied  denied  denied  denied  denied", _ => "/data/peers?handler=Remove"),

        // Administrators: users and units.
        new("GET /admin",                                                            "sign-in 200     denied  denied  denied  denied  denied  denied  denied  denied", _ => "/admin"),
        new("POST /admin?handler=Unit",                                              "sign-in 200     denied  denied  denied  denied  denied  denied  denied  denied", _ => "/admin?handler=Unit") { Form = new() { ["UnitName"] = "Serious Crime Directorate", ["UnitShortName"] = "SCD" } },
        new("POST /admin?handler=UnitHead",                                          "sign-in 200     denied  denied  denied  denied  denied  denied  denied  denied", _ => "/admin?handler=UnitHead"),
        new("GET /admin?handler=PlanFile",                                           "sign-in 200     denied  denied  denied  denied  denied  denied  denied  denied", d => $"/admin?handler=PlanFile&id={d.Plan}"),
        new("POST /admin?handler=Plan",                                              "sign-in 200     denied  denied  denied  denied  denied  denied  denied  denied", _ => "/admin?handler=Plan"),
        new("POST /admin?handler=TwoStep",                                           "sign-in 200     denied  denied  denied  denied  denied  denied  denied  denied", _ => "/admin?handler=TwoStep"),
        new("GET /admin/sign-in-groups",                                             "sign-in 200     denied  denied  denied  denied  denied  denied  denied  denied", _ => "/admin/sign-in-groups"),
        new("POST /admin/sign-in-groups",                                            "sign-in 200     denied  denied  denied  denied  denied  denied  denied  denied", _ => "/admin/sign-in-groups"),
        new("POST /admin/sign-in-groups?handler=Remove",                             "sign-in 200     denied  denied  denied  denied  denied  denied  denied  denied", _ => "/admin/sign-in-groups?handler=Remove"),
        new("POST /admin/sign-in-groups?handler=Approve",                            "sign-in 200     denied  denied  denied  denied  denied  denied  denied  denied", _ => "/admin/sign-in-groups?handler=Approve"),
        new("GET /admin/users/{id:int?}",                                            "sign-in 200     denied  denied  denied  denied  denied  denied  denied  denied", _ => "/admin/users"),
        new("GET /admin/users/{id:int?}",                                            "sign-in 200     denied  denied  denied  denied  denied  denied  denied  denied", d => $"/admin/users/{d.ViewerAccount}"),
        new("POST /admin/users/{id:int?}",                                           "sign-in 200     denied  denied  denied  denied  denied  denied  denied  denied", _ => "/admin/users"),
        new("GET /admin/users/{id:int}/sessions",                                    "sign-in 200     denied  denied  denied  denied  denied  denied  denied  denied", d => $"/admin/users/{d.ViewerAccount}/sessions"),
        new("POST /admin/users/{id:int}/sessions?handler=Revoke",                    "sign-in 404     denied  denied  denied  denied  denied  denied  denied  denied", d => $"/admin/users/{d.ViewerAccount}/sessions?handler=Revoke"),
        new("POST /admin/users/{id:int}/sessions?handler=Everywhere",                "sign-in 404     denied  denied  denied  denied  denied  denied  denied  denied", _ => "/admin/users/999999/sessions?handler=Everywhere"),

        // The read-only API: any signed-in account; records filtered by the same rules as the pages.
        new("GET /api/plans",                                                        "401     200     200     200     200     200     200     200     200     200", _ => "/api/plans"),
        new("GET /api/plans/{planId:int}/commitments",                               "401     200     200     200     200     200     200     200     200     200", d => $"/api/plans/{d.Plan}/commitments"),
        new("GET /api/rounds",                                                       "401     200     200     200     200     200     200     200     200     200", _ => "/api/rounds"),
        new("GET /api/updates",                                                      "401     200     200     200     200     200     200     200     200     200", _ => "/api/updates"),
        new("GET /api/measures",                                                     "401     200     200     200     200     200     200     200     200     200", _ => "/api/measures"),
        new("GET /api/observations",                                                 "401     200     200     200     200     200     200     200     200     200", _ => "/api/observations?measure=All%20crime"),
        new("GET /api/openapi.json",                                                 "401     200     200     200     200     200     200     200     200     200", _ => "/api/openapi.json"),
        new("GET /api/insights/rolling12",                                           "401     200     200     200     200     200     200     200     200     200", _ => "/api/insights/rolling12"),
    ];

    [Fact]
    public async Task ExpectedTable_NamesEveryHandlerInTheRouteTable()
    {
        var handlers = await RouteTable.GetHandlersAsync(site.Factory.Services);
        var named = Expected.Select(c => c.Handler).ToHashSet(StringComparer.Ordinal);

        var untested = handlers.Where(h => !named.Contains(h)).ToList();
        var stale = named.Where(h => !handlers.Contains(h)).ToList();

        Assert.True(handlers.Count >= 50, $"only {handlers.Count} handlers found");
        Assert.True(untested.Count == 0, "Handlers with no expected outcome (add them to RouteRoleMatrixTests.Expected):\n" + string.Join('\n', untested));
        Assert.True(stale.Count == 0, "Expected outcomes for handlers that no longer exist:\n" + string.Join('\n', stale));
        Assert.All(Expected, c => Assert.Equal(Principals.Length, c.Outcomes.Length));
    }

    [Fact]
    public async Task EveryHandler_EveryPrincipal_GetsTheExpectedOutcome()
    {
        var ids = await DemoIds.ReadAsync(site.Db);
        await AddStrandReviewerAsync(ids.Strand);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal) { ["anonymous"] = site.Anonymous() };
        foreach (var user in Principals.Skip(1))
        {
            clients[user] = await site.SignInAsync(user);
        }

        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (user, client) in clients)
        {
            tokens[user] = await TokenAsync(client, user == "anonymous" ? "/account/sign-in" : "/");
        }

        var before = await FingerprintAsync();
        var findings = new List<string>();
        foreach (var c in Expected)
        {
            var path = c.Path(ids);
            for (var i = 0; i < Principals.Length; i++)
            {
                var user = Principals[i];
                var (client, token) = (clients[user], tokens[user]);
                if (c.SignsOut && user != "anonymous")
                {
                    client = await site.SignInAsync(user);
                    token = await TokenAsync(client, "/");
                }

                using var response = c.Handler.StartsWith("POST ", StringComparison.Ordinal)
                    ? await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>(c.Form ?? []) { ["__RequestVerificationToken"] = token }))
                    : await client.GetAsync(path);
                var actual = Outcome(response);
                if (c.EndsEverySession && user != "anonymous")
                {
                    // Every session of the account ended, the one the table uses too: sign in again for the rows below.
                    clients[user] = await site.SignInAsync(user);
                    tokens[user] = await TokenAsync(clients[user], "/");
                }

                if (actual != c.Outcomes[i])
                {
                    findings.Add($"{c.Handler} as {user} ({path}): expected {c.Outcomes[i]}, got {actual}");
                }
                else if (actual == "200" && c.Handler.StartsWith("POST ", StringComparison.Ordinal)
                    && !(await response.Content.ReadAsStringAsync()).Contains("govuk-error-summary", StringComparison.Ordinal))
                {
                    findings.Add($"{c.Handler} as {user} ({path}): 200 without the form's errors, so the handler did not refuse the empty form");
                }
            }
        }

        Assert.True(findings.Count == 0, $"{findings.Count} of {Expected.Length * Principals.Length} cases differ:\n" + string.Join('\n', findings));
        Assert.Equal(before, await FingerprintAsync());
    }

    /// <summary>Adds <see cref="StrandReviewer"/>, scoped to <paramref name="strand"/>, with the demo accounts' password.</summary>
    private async Task AddStrandReviewerAsync(int strand)
    {
        await using var db = site.Db();
        if (!await db.Accounts.AnyAsync(a => a.UserName == StrandReviewer))
        {
            var hash = DemoAccounts.All.Single(a => a.UserName == "reviewer").PasswordHash;
            db.Accounts.Add(new UserAccount(StrandReviewer, "Strand Reviewer", Role.Reviewer, hash, site.Clock.GetUtcNow(), [new AccountScope(ScopeKind.Strand, strand)]));
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The outcome in the table's words.</summary>
    private static string Outcome(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return (int)response.StatusCode switch
        {
            302 when location.Contains("/account/sign-in?ReturnUrl=", StringComparison.Ordinal) => "sign-in",
            302 when location.Contains("/account/access-denied", StringComparison.Ordinal) => "denied",
            var code => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var token = Token().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {page}");
        return token.Groups[1].Value;
    }

    /// <summary>Changes the matrix must not make: every audited change except sign-ins' own (the account's last sign-in, its sessions).</summary>
    private async Task<(int Entries, long Last)> FingerprintAsync()
    {
        await using var db = site.Db();
        var changes = db.AuditEntries.Where(e => e.Entity != "Accounts" && e.Entity != "Sessions");
        return (await changes.CountAsync(), await changes.MaxAsync(e => (long?)e.Id) ?? 0);
    }

    private static string Write(DemoIds d, (int Commitment, int Unit) slot) => $"/updates/write/{d.OpenRound}/{slot.Commitment}/{slot.Unit}";

    /// <summary>One request of the table: the handler it exercises, its address, and the outcome per principal.</summary>
    private sealed record Case(string Handler, string Expected, Func<DemoIds, string> Path)
    {
        public string[] Outcomes { get; } = Expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        /// <summary>Fields posted besides the antiforgery token (none: every page refuses an empty form).</summary>
        public Dictionary<string, string>? Form { get; init; }

        /// <summary>The request ends the session, so each account makes it on a session of its own.</summary>
        public bool SignsOut { get; init; }

        /// <summary>The request ends every session of the account, so each account signs in again afterwards.</summary>
        public bool EndsEverySession { get; init; }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
