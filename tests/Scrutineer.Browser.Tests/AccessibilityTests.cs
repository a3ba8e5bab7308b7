using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Browser.Tests;

/// <summary>axe-core on every page, signed in as the role that reaches it, with zero violations.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(Chromium chromium, BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/accessibility")]
    public async Task Axe_AnonymousPage_NoViolations(string path)
    {
        var page = await site.NewPageAsync(chromium.Browser);
        await OpenAsync(page, path);
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Axe_SignInWithError_NoViolations()
    {
        var page = await site.NewPageAsync(chromium.Browser);
        await OpenAsync(page, "/account/sign-in");
        await page.FillAsync("#username", "nobody");
        await page.FillAsync("#password", "wrong password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Axe_ViewerPages_NoViolations()
    {
        var page = await site.SignInAsync(chromium.Browser, "viewer");
        int commitment;
        await using (var db = site.Db())
        {
            commitment = await db.Updates.Where(u => u.State == UpdateState.Approved).Select(u => u.CommitmentId).FirstAsync();
        }

        foreach (var path in new[] { "/", "/priorities", $"/priorities/commitments/{commitment}" })
        {
            await OpenAsync(page, path);
            await Axe.AssertNoViolationsAsync(page);
        }

        // A page the viewer may not open: the access-denied page (answered with 403) is checked too.
        var denied = await page.GotoAsync("/rounds");
        Assert.Equal(403, denied?.Status);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Axe_ContributorPages_NoViolations()
    {
        var round = await site.OpenRoundIdAsync();
        var page = await site.SignInAsync(chromium.Browser, "contributor.north");
        await OpenAsync(page, "/updates");
        await Axe.AssertNoViolationsAsync(page);

        var (commitment, unit, _) = await site.FreeSlotAsync("North LPA", round);
        var write = $"/updates/write/{round}/{commitment}/{unit}";
        await Assertions.Expect(page.Locator($"a[href='{write}']")).ToHaveCountAsync(1);
        await OpenAsync(page, write);
        await Axe.AssertNoViolationsAsync(page);

        // The same form showing its errors (no commentary, no status chosen).
        await page.FillAsync("#commentary", "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Axe_ReviewerPages_NoViolations()
    {
        var page = await site.SignInAsync(chromium.Browser, "reviewer");
        await OpenAsync(page, "/review");
        await Axe.AssertNoViolationsAsync(page);

        var first = page.Locator("a[href^='/review/']").First;
        if (await first.CountAsync() > 0)
        {
            await OpenAsync(page, (await first.GetAttributeAsync("href"))!);
            await Axe.AssertNoViolationsAsync(page);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Axe_AnalystPages_NoViolations()
    {
        var round = await site.OpenRoundIdAsync();
        int update;
        await using (var db = site.Db())
        {
            update = await db.Updates.Where(u => u.RoundId == round).Select(u => u.Id).FirstAsync();
        }

        var page = await site.SignInAsync(chromium.Browser, "analyst");
        foreach (var path in new[] { "/rounds", $"/rounds/{round}", $"/rounds/updates/{update}" })
        {
            await OpenAsync(page, path);
            await Axe.AssertNoViolationsAsync(page);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Axe_AdministratorPages_NoViolations()
    {
        int user;
        await using (var db = site.Db())
        {
            user = await db.Accounts.Where(a => a.UserName == "contributor.north").Select(a => a.Id).SingleAsync();
        }

        var page = await site.SignInAsync(chromium.Browser, "admin");
        foreach (var path in new[] { "/admin", $"/admin/users/{user}", "/admin/users" })
        {
            await OpenAsync(page, path);
            await Axe.AssertNoViolationsAsync(page);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Axe_StrategyInsightsReportsDataPages_NoViolations()
    {
        int task;
        await using (var db = site.Db())
        {
            task = await db.DeliveryTasks.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();

            // Two more forces, one of them a peer: the peer group page then shows its table and both forms.
            var mapping = Path.Combine(Path.GetTempPath(), $"scrutineer-forces-{Guid.NewGuid():N}.csv");
            await File.WriteAllTextAsync(mapping, "lsoa,district,lpa,force\nKentLA,Kent district,,Kent Police\nHertsLA,Herts district,,Hertfordshire Constabulary\n");
            await new AreaMappingImport(db).ImportAsync(mapping);
            File.Delete(mapping);
            await PeerGroups.AddAsync(db, "Essex Police", "Kent Police", new DateOnly(2020, 4, 1));
        }

        var page = await site.SignInAsync(chromium.Browser, "analyst");
        foreach (var path in new[] { "/strategy", "/strategy/tasks", $"/strategy/tasks/{task}", "/insights", "/insights/peers", "/reports", "/data", "/data/peers" })
        {
            await OpenAsync(page, path);
            await Axe.AssertNoViolationsAsync(page);
        }

        await Assertions.Expect(page.Locator("#peer-group")).ToContainTextAsync("Kent Police");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add peer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the force to add");
        await Axe.AssertNoViolationsAsync(page);

        await page.Context.CloseAsync();
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
    }
}
