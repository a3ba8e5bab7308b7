using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Demo;
using Scrutineer.Domain.Accounts;
using Scrutineer.Reliability.Web.Tests;

namespace Scrutineer.Browser.Tests;

/// <summary>
/// WCAG 2.2 SC 1.4.10 Reflow: every page the application answers to GET, opened by the accounts that reach it, at
/// 320 px wide (1280 px at 400% zoom) and 375 px wide (a small phone), does not scroll sideways; wide data tables
/// scroll inside a focusable, named container of their own (<see cref="Reflow"/>). The pages come from the
/// application's route table: a new page fails <see cref="Pages_NameEveryGetHandlerInTheRouteTable"/> until it is
/// added here, so it cannot escape the check.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReflowTests(Chromium chromium, BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Anonymous = "anonymous";

    /// <summary>Every demo account: the dashboard and the navigation differ by role, so each is opened by all of them.</summary>
    private static readonly string[] Everyone = ["admin", "analyst", "contributor.north", "contributor.scd", "reviewer", "reviewer.roads", "lead.strand", "reviewer.strategy", "viewer"];

    /// <summary>
    /// Each GET handler of the route table: the address that shows it and the accounts that open it (those who see the
    /// most of it), or why it is not an HTML page. Handlers under <c>/api/</c> answer JSON and are left out by rule.
    /// </summary>
    private static readonly Entry[] Pages =
    [
        new("GET /", _ => "/", Everyone),
        new("GET /accessibility", _ => "/accessibility", Anonymous),
        new("GET /error", _ => "/error", Anonymous),
        new("GET /account/access-denied", _ => "/account/access-denied", "viewer") { Status = 403 },
        new("GET /account/sign-in", _ => "/account/sign-in", Anonymous),
        new("GET /account/sign-in/sso/status", _ => "/account/sign-in/sso/status?outcome=pending", Anonymous),
        new("GET /account/sign-out", _ => "/account/sign-out", "viewer"),
        new("GET /account/notices", _ => "/account/notices", "reviewer"),
        new("GET /account/sessions", _ => "/account/sessions", "admin"),
        new("GET /account/api-tokens", _ => "/account/api-tokens", "analyst"),
        new("GET /account/password", _ => "/account/password", "viewer"),
        new("GET /account/two-step/set-up", _ => "/account/two-step/set-up", "admin"),
        new("GET /search", _ => "/search?q=patrol", "admin"),
        new("GET /priorities", _ => "/priorities", "viewer"),
        new("GET /priorities/commitments/{id:int}", d => $"/priorities/commitments/{d.Commitment}", "admin"),
        new("GET /strategy", _ => "/strategy", "admin"),
        new("GET /strategy/tasks", _ => "/strategy/tasks", "admin"),
        new("GET /strategy/tasks/{id:int}", d => $"/strategy/tasks/{d.Task}", "lead.strand", "viewer"),
        new("GET /insights", _ => "/insights", "analyst"),
        new("GET /insights/peers", _ => "/insights/peers", "analyst"),
        new("GET /reports", _ => "/reports", "analyst", "viewer"),
        new("GET /reports/check/{round:int}", d => $"/reports/check/{d.OpenRound}", "analyst"),
        new("GET /reports/closure-text", _ => "/reports/closure-text", "analyst"),
        new("GET /reports/schedules", _ => "/reports/schedules", "analyst"),

        // A report is a download; the page shows only when the report cannot be built (here: a meeting date that is not a date).
        new("GET /reports/download", d => $"/reports/download?report=strategy&round={d.PublishedRound}&format=html&meeting=not-a-date", "analyst"),
        new("GET /updates", _ => "/updates", "contributor.north", "contributor.scd", "lead.strand"),
        new("GET /updates/write/{roundId:int}/{commitmentId:int}/{unitId:int}", d => $"/updates/write/{d.OpenRound}/{d.NorthSlot.Commitment}/{d.NorthSlot.Unit}", "contributor.north"),
        new("GET /updates/narratives/{roundId:int}/{strandId:int}", d => $"/updates/narratives/{d.OpenRound}/{d.StrandLedWithNarrativeUnapproved}", "lead.strand"),
        new("GET /review", _ => "/review", "reviewer", "reviewer.strategy"),
        new("GET /review/{id:int}", d => $"/review/{d.UpdateOnPriorityUpTo6}", "reviewer"),
        new("GET /review/narratives/{id:int}", d => $"/review/narratives/{d.NarrativeSubmitted}", "reviewer.strategy"),
        new("GET /rounds", _ => "/rounds", "analyst"),
        new("GET /rounds/{id:int}", d => $"/rounds/{d.OpenRound}", "analyst"),
        new("GET /rounds/updates/{id:int}", d => $"/rounds/updates/{d.UpdateOnPriority9}", "analyst"),
        new("GET /data", _ => "/data", "analyst"),
        new("GET /data/measure-links", _ => "/data/measure-links", "analyst"),
        new("GET /data/peers", _ => "/data/peers", "analyst"),
        new("GET /admin", _ => "/admin", "admin"),
        new("GET /admin/sign-in-groups", _ => "/admin/sign-in-groups", "admin"),
        new("GET /admin/users/{id:int?}", _ => "/admin/users", "admin"),
        new("GET /admin/users/{id:int?}", d => $"/admin/users/{d.ViewerAccount}", "admin"),
        new("GET /admin/users/{id:int}/sessions", d => $"/admin/users/{d.ViewerAccount}/sessions", "admin"),

        new("GET /health", "plain text for the load balancer"),
        new("GET /health/live", "plain text for the load balancer"),
        new("GET /health/ready", "plain text for the load balancer"),
        new("GET /account/sign-in/sso", "a redirect to the identity provider (404 when single sign-on is off)"),
        new("GET /account/two-step", "shown only between the password and the code of a two-step sign-in (a redirect otherwise): TwoStepSignIn_… opens it so"),
        new("GET /strategy?handler=Export", "a CSV download"),
        new("GET /rounds/{id:int}/outstanding.csv", "a CSV download"),
        new("GET /admin?handler=PlanFile", "a plan file download"),
    ];

    [Fact]
    public async Task Pages_NameEveryGetHandlerInTheRouteTable()
    {
        var handlers = (await RouteTable.GetHandlersAsync(site.Services))
            .Where(h => h.StartsWith("GET ", StringComparison.Ordinal) && !h.StartsWith("GET /api/", StringComparison.Ordinal))
            .ToList();
        var named = Pages.Select(p => p.Handler).ToHashSet(StringComparer.Ordinal);

        var missing = handlers.Where(h => !named.Contains(h)).ToList();
        var stale = named.Where(h => !handlers.Contains(h)).ToList();

        Assert.True(handlers.Count >= 40, $"only {handlers.Count} GET handlers found");
        Assert.True(missing.Count == 0, "GET handlers the reflow check does not open (add them to ReflowTests.Pages):\n" + string.Join('\n', missing));
        Assert.True(stale.Count == 0, "Reflow entries for handlers that no longer exist:\n" + string.Join('\n', stale));
    }

    [Fact]
    public async Task EveryPage_At320And375Wide_DoesNotScrollSideways()
    {
        var ids = await DemoIds.ReadAsync(site.Db);
        var findings = new List<string>();
        var opened = 0;
        foreach (var account in Pages.SelectMany(p => p.Accounts).Distinct(StringComparer.Ordinal))
        {
            var page = account == Anonymous
                ? await site.NewPageAsync(chromium.Browser)
                : await site.SignInAsync(chromium.Browser, account);
            foreach (var entry in Pages.Where(p => p.Accounts.Contains(account)))
            {
                var path = entry.Path!(ids);
                await page.SetViewportSizeAsync(Reflow.Zoom400.Width, Reflow.Zoom400.Height);
                var response = await page.GotoAsync(path);
                if (response?.Status != entry.Status)
                {
                    findings.Add($"{path} as {account}: answered {response?.Status}, expected {entry.Status}");
                    continue;
                }

                opened++;
                await AddFindingsAsync(page, $"{path} as {account}", findings);
            }

            await page.Context.CloseAsync();
        }

        Assert.True(findings.Count == 0, $"{findings.Count} reflow failure(s):\n" + string.Join('\n', findings));
        Assert.Equal(Pages.Sum(p => p.Accounts.Length), opened);
    }

    [Fact]
    public async Task FormsShowingTheirErrors_At320And375Wide_DoNotScrollSideways()
    {
        var findings = new List<string>();
        var anonymous = await site.NewPageAsync(chromium.Browser);
        await anonymous.SetViewportSizeAsync(Reflow.Zoom400.Width, Reflow.Zoom400.Height);
        await anonymous.GotoAsync("/account/sign-in");
        await anonymous.FillAsync("#username", "nobody");
        await anonymous.FillAsync("#password", "wrong password");
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(anonymous.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AddFindingsAsync(anonymous, "/account/sign-in with errors", findings);
        await anonymous.Context.CloseAsync();

        var round = await site.OpenRoundIdAsync();
        var (commitment, unit, _) = await site.FreeSlotAsync("North LPA", round);
        var contributor = await site.SignInAsync(chromium.Browser, "contributor.north");
        await contributor.SetViewportSizeAsync(Reflow.Zoom400.Width, Reflow.Zoom400.Height);
        await contributor.GotoAsync($"/updates/write/{round}/{commitment}/{unit}");
        await contributor.FillAsync("#commentary", "");
        await contributor.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(contributor.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await AddFindingsAsync(contributor, "the update form with errors", findings);
        await contributor.Context.CloseAsync();

        Assert.True(findings.Count == 0, $"{findings.Count} reflow failure(s):\n" + string.Join('\n', findings));
    }

    [Fact]
    public async Task TwoStepSignIn_AskingForTheCodeAndShowingItsError_At320And375Wide_DoesNotScrollSideways()
    {
        const string account = "viewer";
        var now = site.Clock.GetUtcNow();
        await using (var db = site.Db())
        {
            var viewer = await db.Accounts.SingleAsync(a => a.UserName == account);
            var protector = site.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(TwoStepSignIn.ProtectionPurpose, viewer.Id.ToString(CultureInfo.InvariantCulture));
            var (secret, _, sealedSecret) = TwoStepSignIn.NewSecret(protector, viewer);
            await TwoStepSignIn.ConfirmAsync(db, protector, viewer, sealedSecret, TimeBasedOneTimePassword.Code(Base32.Decode(secret), TimeBasedOneTimePassword.Step(now)), now, CancellationToken.None);
        }

        var findings = new List<string>();
        try
        {
            var page = await site.NewPageAsync(chromium.Browser);
            await page.SetViewportSizeAsync(Reflow.Zoom400.Width, Reflow.Zoom400.Height);
            await page.GotoAsync("/account/sign-in");
            await page.FillAsync("#username", account);
            await page.FillAsync("#password", DemoAccounts.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(u => u.Contains("/account/two-step", StringComparison.Ordinal));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your security code" })).ToBeVisibleAsync();
            await AddFindingsAsync(page, "/account/two-step", findings);

            await page.SetViewportSizeAsync(Reflow.Zoom400.Width, Reflow.Zoom400.Height);
            await page.FillAsync("#code", "000000");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the 6-digit code your authenticator app shows now");
            await Assertions.Expect(page.Locator("#code.govuk-input--error")).ToHaveCountAsync(1);
            await AddFindingsAsync(page, "/account/two-step with errors", findings);
            await Axe.AssertNoViolationsAsync(page);
            await page.Context.CloseAsync();
        }
        finally
        {
            // The other checks sign in as this account with its password alone.
            await using var db = site.Db();
            await TwoStepSignIn.ResetAsync(db, await db.Accounts.SingleAsync(a => a.UserName == account), CancellationToken.None);
        }

        Assert.True(findings.Count == 0, $"{findings.Count} reflow failure(s):\n" + string.Join('\n', findings));
    }

    [Fact]
    public async Task WideTable_At320_ScrollsByKeyboardInARegionNamedByItsCaption_AndLeavesTheTabOrderWhenItFits()
    {
        var page = await site.SignInAsync(chromium.Browser, "analyst");
        await page.SetViewportSizeAsync(Reflow.Zoom400.Width, Reflow.Zoom400.Height);
        await page.GotoAsync("/strategy/tasks");
        var region = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex(@"^\d+ of \d+ tasks") });
        await Assertions.Expect(region).ToHaveAttributeAsync("tabindex", "0");
        await Assertions.Expect(region.Locator("table#tasks")).ToHaveCountAsync(1);

        await region.FocusAsync();
        for (var i = 0; i < 5; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await Assertions.Expect(region).ToBeFocusedAsync();
        Assert.True(await region.EvaluateAsync<double>("e => e.scrollLeft") > 0, "The arrow keys did not scroll the table's container.");

        await page.SetViewportSizeAsync(1280, 900);
        await Assertions.Expect(region).Not.ToHaveAttributeAsync("tabindex", "0");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PagesWithWideTables_At320_AxeFindsNothing()
    {
        var ids = await DemoIds.ReadAsync(site.Db);
        var page = await site.SignInAsync(chromium.Browser, "analyst");
        await page.SetViewportSizeAsync(Reflow.Zoom400.Width, Reflow.Zoom400.Height);
        foreach (var path in new[] { "/", "/strategy", "/insights", "/data", $"/rounds/{ids.OpenRound}" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
            await Assertions.Expect(page.Locator(".app-table-scroll[tabindex='0']").First).ToBeAttachedAsync();
            await Axe.AssertNoViolationsAsync(page);
        }

        await page.Context.CloseAsync();
    }

    private static async Task AddFindingsAsync(IPage page, string label, List<string> findings)
    {
        foreach (var size in new[] { Reflow.Zoom400, Reflow.Phone })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            findings.AddRange(await Reflow.FindingsAsync(page, $"{label} at {size.Width} px"));
        }
    }

    /// <summary>A GET handler with the address and accounts that show it, or the reason it is not a page.</summary>
    private sealed record Entry(string Handler, Func<DemoIds, string>? Path, string[] Accounts, string? NotAPage)
    {
        public Entry(string handler, Func<DemoIds, string> path, params string[] accounts)
            : this(handler, path, accounts, null)
        {
        }

        public Entry(string handler, string notAPage)
            : this(handler, null, [], notAPage)
        {
        }

        /// <summary>The status the address answers with (the access-denied page answers 403).</summary>
        public int Status { get; init; } = 200;
    }
}
