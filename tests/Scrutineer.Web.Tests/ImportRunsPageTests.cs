using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The data page's import runs on the demo: a 4-row April file is held as provisional with its reason, the dashboard
/// stays on March until an analyst confirms it, and undo (after its confirmation step) puts March back.
/// </summary>
public sealed partial class ImportRunsPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string StreetHeader = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    [Fact]
    public async Task TinyApril_HeldWithReasonAndButtons_DashboardOnMarchUntilConfirmed_UndoRestores()
    {
        var analyst = await site.SignInAsync("analyst");
        var viewer = await site.SignInAsync("viewer");
        Assert.Contains("April 2023 to March 2024", await viewer.GetStringAsync("/"), StringComparison.Ordinal);
        var csv = new StringBuilder(StreetHeader + "\n");
        for (var i = 0; i < 3; i++)
        {
            csv.Append($"b{i},2024-04,Essex Police,Essex Police,0.5,51.7,On or near High Street,E01021300,Basildon 001A,Burglary,Under investigation,\n");
        }

        csv.Append(",2024-04,Essex Police,Essex Police,0.5,51.7,On or near High Street,E01021300,Basildon 001A,Anti-social behaviour,,\n");

        var upload = await DemoSite.UploadAsync(analyst, "PoliceUk", ("2024-04-essex-street.csv", Encoding.UTF8.GetBytes(csv.ToString())));

        var result = WebUtility.HtmlDecode(await upload.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains("Held as provisional: April 2024: All crime in Essex Police is 3, against ", result, StringComparison.Ordinal);
        var run = RunNumber().Match(result).Groups[1].Value;
        var page = WebUtility.HtmlDecode(await analyst.GetStringAsync("/data"));
        Assert.Contains($"Import run {run} holds April 2024 as provisional: April 2024: All crime in Essex Police is 3", page, StringComparison.Ordinal);
        Assert.Contains("govuk-tag--yellow\">provisional</strong>", page, StringComparison.Ordinal);
        Assert.Contains($"Confirm<span class=\"govuk-visually-hidden\"> import run {run}</span>", page, StringComparison.Ordinal);
        Assert.Contains($"Undo<span class=\"govuk-visually-hidden\"> import run {run}</span>", page, StringComparison.Ordinal);
        Assert.Contains("2024-04-essex-street.csv (", page, StringComparison.Ordinal);
        Assert.Contains("April 2023 to March 2024", await viewer.GetStringAsync("/"), StringComparison.Ordinal);

        var confirmed = await DemoSite.PostFormAsync(analyst, "/data", new() { ["Run"] = run }, "/data?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains($"Confirmed import run {run}", await analyst.GetStringAsync("/data"), StringComparison.Ordinal);
        Assert.Contains("May 2023 to April 2024", await viewer.GetStringAsync("/"), StringComparison.Ordinal);

        var asked = await DemoSite.PostFormAsync(analyst, "/data", new() { ["Run"] = run }, "/data?handler=Undo");
        var check = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        Assert.Contains("Check before you undo", check, StringComparison.Ordinal);
        Assert.Contains($"Undo import run {run}?", check, StringComparison.Ordinal);
        Assert.Contains("May 2023 to April 2024", await viewer.GetStringAsync("/"), StringComparison.Ordinal);

        var undone = await DemoSite.PostFormAsync(analyst, "/data", new() { ["Run"] = run, ["UndoStep"] = "confirm" }, "/data?handler=Undo");
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Contains("govuk-tag--grey\">undone</strong>", await analyst.GetStringAsync("/data"), StringComparison.Ordinal);
        Assert.Contains("April 2023 to March 2024", await viewer.GetStringAsync("/"), StringComparison.Ordinal);
        await using var db = site.Db();
        var april = new ReportingMonth(2024, 4);
        Assert.False(await db.Observations.IgnoreQueryFilters().AnyAsync(o => o.Kind == PeriodKind.Month && o.Period == april));
        Assert.Contains(await db.AuditEntries.Where(e => e.Entity == "ImportRuns").ToListAsync(), e => e.Actor.StartsWith("analyst (", StringComparison.Ordinal) && e.Changes.Contains("UndoneBy", StringComparison.Ordinal));

        var again = await DemoSite.PostFormAsync(analyst, "/data", new() { ["Run"] = run, ["UndoStep"] = "confirm" }, "/data?handler=Undo");
        Assert.Contains($"Import run {run} was already undone on ", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [GeneratedRegex("Recorded as import run ([0-9]+)\\.")]
    private static partial Regex RunNumber();
}
