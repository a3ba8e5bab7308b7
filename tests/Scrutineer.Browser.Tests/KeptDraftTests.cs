using Microsoft.Playwright;

namespace Scrutineer.Browser.Tests;

/// <summary>
/// Text typed before a session runs out is not lost at sign-in: the tab keeps it, and the writer's page puts it back
/// with a banner after the same account signs in again; once saved, it is not offered again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeptDraftTests(Chromium chromium, BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Write_SessionEndsBeforeSaving_TextPutBackAfterSigningIn_AndGoneOnceSaved()
    {
        var round = await site.OpenRoundIdAsync();
        var (commitment, unit, _) = await site.FreeSlotAsync("North LPA", round);
        var write = $"/updates/write/{round}/{commitment}/{unit}";
        const string typed = "Neighbourhood teams ran 14 weekend patrols.\n\nTyped just before the session ran out.";

        var page = await site.SignInAsync(chromium.Browser, "contributor.north");
        await page.GotoAsync(write);
        await page.FillAsync("#commentary", typed);
        await page.GetByLabel("At risk").CheckAsync();
        await page.Context.ClearCookiesAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/account/sign-in", StringComparison.Ordinal));
        await page.FillAsync("#username", "contributor.north");
        await page.FillAsync("#password", Scrutineer.Application.Demo.DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/account/sign-in", StringComparison.Ordinal));
        if (!page.Url.EndsWith(write, StringComparison.Ordinal))
        {
            await page.GotoAsync(write);
        }

        await Assertions.Expect(page.Locator("#kept-draft")).ToContainTextAsync("Your unsaved text has been put back");
        await Assertions.Expect(page.Locator("#commentary")).ToHaveValueAsync(typed);
        await Assertions.Expect(page.GetByLabel("At risk")).ToBeCheckedAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/updates/write/", StringComparison.Ordinal));
        await page.GotoAsync(write);
        await Assertions.Expect(page.Locator("#commentary")).ToHaveValueAsync(typed);
        await Assertions.Expect(page.Locator("#kept-draft")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignOut_UnsavedTextLeavesTheTab()
    {
        var round = await site.OpenRoundIdAsync();
        var (commitment, unit, _) = await site.FreeSlotAsync("North LPA", round);
        var write = $"/updates/write/{round}/{commitment}/{unit}";

        var page = await site.SignInAsync(chromium.Browser, "contributor.north");
        await page.GotoAsync(write);
        await page.FillAsync("#commentary", "Text that must stay with its writer.");
        const string count = "() => Object.keys(sessionStorage).filter(k => k.startsWith('scrutineer-draft:')).length";
        Assert.Equal(1, await page.EvaluateAsync<int>(count));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).First.ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/updates/write/", StringComparison.Ordinal));
        var kept = await page.EvaluateAsync<int>(count);

        Assert.Equal(0, kept);
    }
}
