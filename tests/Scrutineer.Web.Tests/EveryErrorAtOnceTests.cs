using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The writer's form and the report-pack form list every problem at once, in the order the form asks, rather than the
/// first one found; and the round page lists what is outstanding by the unit's name as shown.
/// </summary>
public sealed partial class EveryErrorAtOnceTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task WriteUpdate_MarkingInTheOfficialPartAndNoStatus_BothSaidInTheFormsOrder()
    {
        var round = await site.OpenRoundIdAsync();
        var (commitment, unit) = await site.FreeSlotAsync("SCD", round);
        var scd = await site.SignInAsync("contributor.scd");

        var response = await DemoSite.PostFormAsync(scd, $"/updates/write/{round}/{commitment}/{unit}", new()
        {
            ["Commentary"] = "OFFICIAL-SENSITIVE: the operation in the north", ["Version"] = "0", ["action"] = "submit",
        });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["#commentary", "#status"], SummaryLinks(html).Select(l => l.Href));
        Assert.Contains("OFFICIAL-SENSITIVE", SummaryLinks(html)[0].Text, StringComparison.Ordinal);
        Assert.Equal("Select the delivery status before submitting", SummaryLinks(html)[1].Text);
    }

    [Fact]
    public async Task WriteUpdate_SensitivePartTooLongAndNoStatus_BothSaidAndTheTextKept()
    {
        var round = await site.OpenRoundIdAsync();
        var (commitment, unit) = await site.FreeSlotAsync("SCD", round);
        var scd = await site.SignInAsync("contributor.scd");
        var tooLong = new string('x', 20_001);

        var response = await DemoSite.PostFormAsync(scd, $"/updates/write/{round}/{commitment}/{unit}", new()
        {
            ["Commentary"] = "", ["SensitiveCommentary"] = tooLong, ["Version"] = "0", ["action"] = "submit",
        });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(["#sensitivecommentary", "#status"], SummaryLinks(html).Select(l => l.Href));
        Assert.Equal("The OFFICIAL-SENSITIVE commentary must be 20,000 characters or fewer (it has 20,001). Shorten it and save again.", SummaryLinks(html)[0].Text);
        Assert.Contains("id=\"sensitivecommentary-error\"", html, StringComparison.Ordinal);
        Assert.Contains(tooLong, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchedulePack_TwoBadRecipientsAndAnImpossibleDate_EverySaid()
    {
        var analyst = await site.SignInAsync("analyst");

        var response = await DemoSite.PostFormAsync(analyst, "/reports/schedules", new()
        {
            ["Report"] = "quarterly", ["Version"] = "public", ["Format"] = "pdf", ["Recipients"] = "nobody.here\nnot an email@", ["When"] = "date",
            ["SendOn.Day"] = "31", ["SendOn.Month"] = "2", ["SendOn.Year"] = "2027",
        });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var links = SummaryLinks(html);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, links.Count);
        Assert.Equal("There is no account with the user name nobody.here. Check the spelling or list the accounts.", links[0].Text);
        Assert.Equal("Enter an email address in the correct format, like name@example.police.uk (not 'not an email@').", links[1].Text);
        Assert.Equal("#recipients", links[0].Href);
        // Under the field, each on its own line.
        var underTheField = Regex.Match(html, "<p id=\"recipients-error\".*?</p>", RegexOptions.Singleline).Value;
        Assert.Matches("nobody\\.here\\. Check the spelling or list the accounts\\.\\s*<br>\\s*<span class=\"govuk-visually-hidden\">Error:</span> Enter an email address", underTheField);
        Assert.StartsWith("#sendon", links[2].Href, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchedulePack_ADateThatHasPassedAndABadRecipient_BothSaid()
    {
        var analyst = await site.SignInAsync("analyst");
        var yesterday = site.Clock.GetUtcNow().AddDays(-2);

        var response = await DemoSite.PostFormAsync(analyst, "/reports/schedules", new()
        {
            ["Report"] = "quarterly", ["Version"] = "public", ["Format"] = "pdf", ["Recipients"] = "nobody.here", ["When"] = "date",
            ["SendOn.Day"] = yesterday.Day.ToString(CultureInfo.InvariantCulture), ["SendOn.Month"] = yesterday.Month.ToString(CultureInfo.InvariantCulture),
            ["SendOn.Year"] = yesterday.Year.ToString(CultureInfo.InvariantCulture),
        });

        var links = SummaryLinks(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(2, links.Count);
        Assert.StartsWith("There is no account with the user name nobody.here.", links[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("has passed. Give today or a later date.", links[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoundPage_Outstanding_ByUnitNameAsShownIgnoringCase_AndTheCsvInTheSameOrder()
    {
        var analyst = await site.SignInAsync("analyst");
        var round = await site.OpenRoundIdAsync();

        var html = WebUtility.HtmlDecode(await analyst.GetStringAsync($"/rounds/{round}"));
        var table = Regex.Match(html, "<table[^>]*id=\"outstanding\".*?</table>", RegexOptions.Singleline).Value;
        var units = Regex.Matches(table, "<tr class=\"govuk-table__row\">\\s*<td class=\"govuk-table__cell\">([^<]+)</td>").Select(m => m.Groups[1].Value.Trim()).ToList();
        var csv = (await analyst.GetStringAsync($"/rounds/{round}/outstanding.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => CsvSecondField().Match(l).Groups[1].Value.Trim('"')).ToList();

        Assert.True(units.Count >= 5, $"{units.Count} outstanding rows read");
        Assert.Equal(units.Order(StringComparer.Create(CultureInfo.GetCultureInfo("en-GB"), ignoreCase: true)), units);
        Assert.Equal(units, csv);
    }

    [Fact]
    public async Task WriteUpdate_LastQuartersText_ShownWithItsHeadingsAndBulletsAsOnTheCommitmentPage()
    {
        var round = await site.OpenRoundIdAsync();
        int commitment, unit;
        await using (var db = site.Db())
        {
            var open = await db.Rounds.SingleAsync(r => r.Id == round);
            var previous = open.Period.Previous;
            var lpa = await db.Units.SingleAsync(u => u.ShortName == "North LPA");
            var found = await db.Updates.Where(u => u.Round.PlanId == open.PlanId && u.Round.Period == previous && u.UnitId == lpa.Id
                    && u.State == Domain.QuarterlyUpdates.UpdateState.Approved && u.CommentaryText.Contains("\n- "))
                .Select(u => new { u.CommitmentId, u.UnitId }).FirstAsync();
            (commitment, unit) = (found.CommitmentId, found.UnitId);
        }

        var north = await site.SignInAsync("contributor.north");
        var html = await north.GetStringAsync($"/updates/write/{round}/{commitment}/{unit}");

        var panel = Regex.Match(html, "<details class=\"govuk-details\" id=\"last-quarter\">.*?</details>", RegexOptions.Singleline).Value;
        Assert.Contains("<ul class=\"govuk-list govuk-list--bullet\">", panel, StringComparison.Ordinal);
        Assert.DoesNotContain("<p class=\"govuk-body\">- ", panel, StringComparison.Ordinal);
    }

    private static List<(string Href, string Text)> SummaryLinks(string html)
    {
        var summary = Regex.Match(html, "govuk-error-summary__list.*?</ul>", RegexOptions.Singleline).Value;
        return Regex.Matches(summary, "<a href=\"([^\"]+)\">(.*?)</a>", RegexOptions.Singleline).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim())).ToList();
    }

    [GeneratedRegex("^(?:\"[^\"]*\"|[^,]*),(\"[^\"]*\"|[^,]*)")]
    private static partial Regex CsvSecondField();
}
