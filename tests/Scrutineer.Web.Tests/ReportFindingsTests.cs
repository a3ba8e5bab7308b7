using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Reports;
using Scrutineer.Application.QuarterlyUpdates;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The figures check on the analyst's screen where reports are generated, and the same list on the publish
/// confirmation: one list of findings (the round's commentary), whoever asks.
/// </summary>
public sealed class ReportFindingsTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Reports_Analyst_SeesTheRoundsFindings_SameListThePublishConfirmationShows()
    {
        var round = await site.OpenRoundIdAsync();
        await using var db = site.Db();
        var r = await db.Rounds.Where(x => x.Id == round).Select(x => new { x.Period, Plan = x.Plan.Title }).SingleAsync();
        var findings = await CommentaryCheck.RunAsync(db, r.Period, r.Plan);
        Assert.NotEmpty(findings);
        var analyst = await site.SignInAsync("analyst");

        var reports = WebUtility.HtmlDecode(await analyst.GetStringAsync("/reports"));

        Assert.Contains($"The figures check found inconsistent figures in the commentary of {r.Period}: the reports quote it.", reports, StringComparison.Ordinal);
        var table = Regex.Match(reports, $"<table class=\"govuk-table\" id=\"findings-{round}\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"{findings.Count} inconsistent figures in the {r.Period} commentary", table, StringComparison.Ordinal);
        Assert.Equal(findings.Count, Regex.Matches(table, "<tr class=\"govuk-table__row\">").Count - 1);
        Assert.All(findings, f => Assert.Contains($"<td class=\"govuk-table__cell\">“{f.Claim}”</td>\n                            <td class=\"govuk-table__cell\">{f.Implied}</td>", table, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await DemoSite.PostFormAsync(analyst, $"/rounds/{round}", [], $"/rounds/{round}?handler=Close")).StatusCode);
        var confirmation = WebUtility.HtmlDecode(await (await DemoSite.PostFormAsync(analyst, $"/rounds/{round}", [], $"/rounds/{round}?handler=Publish")).Content.ReadAsStringAsync());
        var listed = Regex.Match(confirmation, "<ul class=\"govuk-list govuk-list--bullet\" id=\"figures-check\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(findings.Select(f => $"{f.Where}: “{f.Claim}” — {f.Implied}"), Regex.Matches(listed, "<li>(.*?)</li>").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task Reports_Viewer_NoFindings()
    {
        var viewer = await site.SignInAsync("viewer");

        var reports = await viewer.GetStringAsync("/reports");

        Assert.DoesNotContain("id=\"findings-warning\"", reports, StringComparison.Ordinal);
        Assert.DoesNotContain("inconsistent figures", reports, StringComparison.Ordinal);
    }
}
