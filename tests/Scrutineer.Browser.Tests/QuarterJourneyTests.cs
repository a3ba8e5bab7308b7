using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Browser.Tests;

/// <summary>
/// The quarter in a real browser, as the people who run it click through it: a contributor writes and submits, the
/// reviewer returns it with a comment, the contributor reads the comment, changes and resubmits, the reviewer approves,
/// and the analyst closes and publishes the round and downloads its quarterly report.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class QuarterJourneyTests(Chromium chromium, BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Quarter_WriteReturnResubmitApprovePublish_EveryoneSeesTheirStep()
    {
        var round = await site.OpenRoundIdAsync();
        var (commitment, unit, reference) = await site.FreeSlotAsync("North LPA", round);
        var write = $"/updates/write/{round}/{commitment}/{unit}";

        // Contributor writes and submits.
        var contributor = await site.SignInAsync(chromium.Browser, "contributor.north");
        await contributor.GetByRole(AriaRole.Link, new() { Name = "Your updates" }).First.ClickAsync();
        await Assertions.Expect(contributor.Locator("h1")).ToContainTextAsync("updates");
        await contributor.Locator($"a[href='{write}']").ClickAsync();
        await Assertions.Expect(contributor.Locator("h1")).ToHaveTextAsync($"Update on commitment {reference}");
        await contributor.FillAsync("#commentary", "Town centre patrols ran every weekend.\n\n- 12 operations\n- 4 arrests");
        await contributor.GetByLabel("On track").CheckAsync();
        await contributor.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await contributor.WaitForURLAsync(u => !u.Contains("/updates/write/", StringComparison.Ordinal));
        var id = await UpdateIdAsync(round, commitment, unit);
        Assert.Equal(UpdateState.Submitted, await StateAsync(id));

        // Reviewer returns it with a comment.
        var reviewer = await site.SignInAsync(chromium.Browser, "reviewer");
        await reviewer.GotoAsync("/review");
        await reviewer.Locator($"a[href='/review/{id}']").ClickAsync();
        await Assertions.Expect(reviewer.Locator("main")).ToContainTextAsync("Town centre patrols ran every weekend.");
        await reviewer.GetByLabel("Return to the unit for changes").CheckAsync();
        await reviewer.FillAsync("#comment", "Please add how many of the arrests led to a charge.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await reviewer.WaitForURLAsync(u => !u.EndsWith($"/review/{id}", StringComparison.Ordinal));
        Assert.Equal(UpdateState.Returned, await StateAsync(id));

        // Contributor sees the comment, changes the update and submits it again.
        await contributor.GotoAsync("/updates");
        await Assertions.Expect(contributor.Locator("main")).ToContainTextAsync("Please add how many of the arrests led to a charge.");
        await contributor.Locator($"a[href='{write}']").ClickAsync();
        var banner = contributor.Locator(".govuk-notification-banner");
        await Assertions.Expect(banner).ToContainTextAsync("Returned by Dana Mensah");
        await Assertions.Expect(banner).ToContainTextAsync("Please add how many of the arrests led to a charge.");
        await Assertions.Expect(contributor.Locator("#commentary")).ToHaveValueAsync(new Regex("4 arrests$"));
        await contributor.FillAsync("#commentary", "Town centre patrols ran every weekend.\n\n- 12 operations\n- 4 arrests, 2 charged");
        await contributor.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await contributor.WaitForURLAsync(u => !u.Contains("/updates/write/", StringComparison.Ordinal));
        Assert.Equal(UpdateState.Submitted, await StateAsync(id));

        // Reviewer approves.
        await reviewer.GotoAsync($"/review/{id}");
        await Assertions.Expect(reviewer.Locator("main")).ToContainTextAsync("4 arrests, 2 charged");
        await reviewer.GetByLabel("Approve: it goes into the quarterly report").CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await reviewer.WaitForURLAsync(u => !u.EndsWith($"/review/{id}", StringComparison.Ordinal));
        Assert.Equal(UpdateState.Approved, await StateAsync(id));

        // Analyst closes and publishes the round.
        var analyst = await site.SignInAsync(chromium.Browser, "analyst");
        await analyst.GotoAsync("/rounds");
        await analyst.Locator($"a[href='/rounds/{round}']").First.ClickAsync();
        await Assertions.Expect(analyst.Locator("#round-state")).ToHaveTextAsync("Open");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Close round" }).ClickAsync();
        await Assertions.Expect(analyst.Locator("#round-state")).ToHaveTextAsync("Closed");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Publish round" }).ClickAsync();
        await Assertions.Expect(analyst.Locator("#publish-confirmation")).ToContainTextAsync("is not ready to publish");
        await Axe.AssertNoViolationsAsync(analyst);
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Publish anyway" }).ClickAsync();
        await Assertions.Expect(analyst.Locator(".govuk-error-summary")).ToContainTextAsync("Select 'I confirm' to publish the");
        await Axe.AssertNoViolationsAsync(analyst);
        await Assertions.Expect(analyst.Locator("#round-state")).ToHaveTextAsync("Closed");
        await analyst.GetByLabel(new Regex("^I confirm the .* round should be published")).CheckAsync();
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Publish anyway" }).ClickAsync();
        await Assertions.Expect(analyst.Locator("#round-state")).ToHaveTextAsync("Published");
        await Assertions.Expect(analyst.GetByRole(AriaRole.Button, new() { Name = "Close round" })).ToHaveCountAsync(0);
        await using (var db = site.Db())
        {
            Assert.Equal(RoundState.Published, await db.Rounds.Where(r => r.Id == round).Select(r => r.State).SingleAsync());
        }

        // Analyst downloads the quarterly report of the published round, as a web page and as Word.
        await analyst.GotoAsync("/reports");
        await analyst.SelectOptionAsync("#round", round.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await analyst.GetByLabel("Quarterly update on delivery against the We Wills").CheckAsync();
        await analyst.GetByLabel("Web page (HTML)").CheckAsync();
        var html = await DownloadAsync(analyst);
        Assert.EndsWith(".html", html.Name, StringComparison.Ordinal);
        var text = System.Text.Encoding.UTF8.GetString(html.Bytes);
        var title = TitleTag().Match(text);
        Assert.True(title.Success, "The HTML report has no <title>.");
        Assert.Contains("Quarterly update", title.Groups[1].Value, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("4 arrests, 2 charged", text, StringComparison.Ordinal);

        await analyst.GetByLabel("Word (DOCX)").CheckAsync();
        var docx = await DownloadAsync(analyst);
        Assert.EndsWith(".docx", docx.Name, StringComparison.Ordinal);
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx.Bytes)))
        {
            var entry = zip.GetEntry("word/document.xml");
            Assert.NotNull(entry);
            using var reader = new StreamReader(entry.Open());
            var body = await reader.ReadToEndAsync();
            Assert.Contains("Quarterly update", body, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("4 arrests, 2 charged", body, StringComparison.Ordinal);
        }

        // The approved update is on the commitment's page for everyone, including the Commissioner's office.
        var viewer = await site.SignInAsync(chromium.Browser, "viewer");
        await viewer.GotoAsync($"/priorities/commitments/{commitment}");
        await Assertions.Expect(viewer.Locator("main")).ToContainTextAsync("4 arrests, 2 charged");

        foreach (var page in new[] { contributor, reviewer, analyst, viewer })
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task<(string Name, byte[] Bytes)> DownloadAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download" }).ClickAsync());
        Assert.Null(await download.FailureAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.True(copy.Length > 1000, $"{download.SuggestedFilename} holds only {copy.Length} bytes.");
        return (download.SuggestedFilename, copy.ToArray());
    }

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitleTag();

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
}
