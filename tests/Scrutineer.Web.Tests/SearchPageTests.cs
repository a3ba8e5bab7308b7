using System.Net;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The search page finds commitments, updates and delivery tasks, pages long answers, refuses a bad search in GOV.UK
/// words, and never finds what the account may not read: another unit's draft, or any OFFICIAL-SENSITIVE part.
/// </summary>
public sealed class SearchPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Search_DraftOfAnotherUnit_FoundByTheAnalystOnly_AndSensitiveTextNeverFound()
    {
        var word = $"planted{Guid.NewGuid():N}"[..20];
        var secret = $"secret{Guid.NewGuid():N}"[..20];
        int id;
        await using (var db = site.Db())
        {
            var update = await db.Updates.Include(u => u.Round)
                .Where(u => u.Round.State == RoundState.Open && u.State == UpdateState.Draft && u.Unit.ShortName != "North LPA")
                .OrderBy(u => u.Id).FirstAsync();
            update.Correct(update.Round, Commentary.Parse($"Work with partners. {word} in the OFFICIAL part."), update.Status, "Test", site.Clock.GetUtcNow(), "Test text",
                Commentary.Parse($"Named source {secret}."));
            await db.SaveChangesAsync();
            id = update.Id;
        }

        var analyst = await site.SignInAsync("analyst");
        var north = await site.SignInAsync("contributor.north");
        var viewer = await site.SignInAsync("viewer");

        var asAnalyst = await analyst.GetStringAsync($"/search?q={word.ToUpperInvariant()}");
        var asNorth = await north.GetStringAsync($"/search?q={word}");
        var asViewer = await viewer.GetStringAsync($"/search?q={word}");
        var sensitive = await analyst.GetStringAsync($"/search?q={secret}");

        Assert.Contains("1 result", asAnalyst, StringComparison.Ordinal);
        Assert.Contains($"#update-{id}\"", asAnalyst, StringComparison.Ordinal);
        Assert.Contains(word, asAnalyst, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, asAnalyst, StringComparison.Ordinal);
        Assert.Contains("No results", asNorth, StringComparison.Ordinal);
        Assert.DoesNotContain($"#update-{id}\"", asNorth, StringComparison.Ordinal);
        Assert.Contains("No results", asViewer, StringComparison.Ordinal);
        Assert.Contains("No results", sensitive, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_CommitmentAndTaskWords_FoundWithTheirPages()
    {
        string commitmentWord, taskWord;
        int commitment, task;
        await using (var db = site.Db())
        {
            var c = await db.Commitments.OrderBy(x => x.Id).FirstAsync();
            var t = await db.DeliveryTasks.OrderBy(x => x.Id).FirstAsync();
            (commitment, commitmentWord) = (c.Id, c.Text.Split(' ').OrderByDescending(w => w.Length).First().Trim(',', '.', ';', ':'));
            (task, taskWord) = (t.Id, t.Text.Split(' ').OrderByDescending(w => w.Length).First().Trim(',', '.', ';', ':'));
        }

        var viewer = await site.SignInAsync("viewer");
        var commitments = await viewer.GetStringAsync($"/search?q={Uri.EscapeDataString(commitmentWord)}");
        var tasks = await viewer.GetStringAsync($"/search?q={Uri.EscapeDataString(taskWord)}");

        Assert.Contains($"href=\"/priorities/commitments/{commitment}\"", commitments, StringComparison.Ordinal);
        Assert.Contains($"href=\"/strategy/tasks/{task}\"", tasks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ManyResults_PagedTwentyAtATime()
    {
        var analyst = await site.SignInAsync("analyst");

        var first = await analyst.GetStringAsync("/search?q=the");
        var second = await analyst.GetStringAsync("/search?q=the&page=2");

        Assert.Contains("<nav class=\"govuk-pagination\" aria-label=\"Pages\">", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/search?q=the&amp;page=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Equal(20, System.Text.RegularExpressions.Regex.Matches(first, "<strong class=\"govuk-tag govuk-tag--grey\">").Count);
        Assert.Contains("<ol class=\"govuk-list app-search-results\" aria-labelledby=\"results-heading\" start=\"21\">", second, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">2</a>", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Enter what to search for")]
    [InlineData("a", "Search must be 2 characters or more")]
    [InlineData("101", "Search must be 100 characters or fewer")]
    [InlineData("7500", "Search must be 100 characters or fewer")]
    public async Task Search_BadSearch_RefusedInTheErrorSummary(string q, string message)
    {
        var viewer = await site.SignInAsync("viewer");
        q = int.TryParse(q, out var length) ? new string('x', length) : q;

        var response = await viewer.GetAsync($"/search?q={q}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<a href=\"#q\">{message}</a>", html, StringComparison.Ordinal);
        Assert.Contains("Error: Search", html, StringComparison.Ordinal);
    }
}
