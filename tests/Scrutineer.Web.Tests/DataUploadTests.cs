using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Delivery;
using Scrutineer.Application.Demo;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Web.Tests;

/// <summary>The Data page: uploads imported in one transaction, with the result or the error and its line; analysts only.</summary>
public sealed class DataUploadTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string StreetHeader = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    [Fact]
    public async Task PoliceUk_AnalystUploadsAMonth_CountsStoredAndResultShown()
    {
        var client = await site.SignInAsync("analyst");
        var csv = new StringBuilder(StreetHeader + "\n");
        for (var i = 0; i < 7; i++)
        {
            csv.Append($"id{i},2024-04,Essex Police,Essex Police,0.5,51.7,On or near High Street,E01021300,Basildon 001A,Burglary,Under investigation,\n");
        }

        csv.Append(",2024-04,Essex Police,Essex Police,0.5,51.7,On or near High Street,E01021300,Basildon 001A,Anti-social behaviour,,\n");

        var response = await DemoSite.UploadAsync(client, "PoliceUk", ("2024-04-essex-street.csv", Encoding.UTF8.GetBytes(csv.ToString())));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"import-result\"", html, StringComparison.Ordinal);
        Assert.Contains("8 rows from April 2024 to April 2024", html, StringComparison.Ordinal);
        // Seven crimes against the demo's thousands a month: stored, and held as provisional.
        Assert.Contains("Held as provisional: April 2024: All crime in Essex Police is 7", html, StringComparison.Ordinal);
        await using var db = site.Db();
        var april = new ReportingMonth(2024, 4);
        var burglary = await db.Observations.IgnoreQueryFilters().SingleAsync(o => o.Measure.Name == "Burglary" && o.Area.Name == "Essex Police" && o.Kind == PeriodKind.Month && o.Period == april);
        Assert.Equal(7, burglary.Value);
    }

    [Fact]
    public async Task PoliceUk_BadRow_ErrorWithFileAndLineAndNothingWritten()
    {
        var client = await site.SignInAsync("admin");
        var before = await CountAsync();
        var csv = StreetHeader + "\n"
            + "a1,2024-05,Essex Police,Essex Police,0.5,51.7,On or near X,E01021300,Basildon 001A,Burglary,,\n"
            + "a2,May 2024,Essex Police,Essex Police,0.5,51.7,On or near X,E01021300,Basildon 001A,Burglary,,\n";

        var response = await DemoSite.UploadAsync(client, "PoliceUk", ("2024-05-essex-street.csv", Encoding.UTF8.GetBytes(csv)));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("2024-05-essex-street.csv:3:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("scrutineer-upload-", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Measures_DefinitionsThenValues_Imported_BadLineNamed()
    {
        var client = await site.SignInAsync("analyst");
        var definitions = "name,unit,kind,better,definition,source\nCourt orders,orders,count,higher,Orders granted by the court,Court records\n";
        var values = "measure,area,period,value\nCourt orders,Essex Police,2024-01,12\nCourt orders,Essex Police,2024-02,15\n";
        var bad = "measure,area,period,value\nCourt orders,Essex Police,2024-03,9\nCourt orders,Essex Police,March,4\n";

        var ok = await DemoSite.UploadAsync(client, "Measures", ("defs.csv", Encoding.UTF8.GetBytes(definitions)), ("values.csv", Encoding.UTF8.GetBytes(values)));
        var failed = await DemoSite.UploadAsync(client, "Measures", ("more.csv", Encoding.UTF8.GetBytes(bad)));

        Assert.Contains("id=\"import-result\"", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var error = await failed.Content.ReadAsStringAsync();
        Assert.Contains("more.csv:3:", error, StringComparison.Ordinal);
        await using var db = site.Db();
        var stored = await db.Observations.Where(o => o.Measure.Name == "Court orders").Select(o => o.Value).ToListAsync();
        Assert.Equal([12m, 15m], stored.Order());
    }

    [Fact]
    public async Task Delivery_ReimportExportedWorkbook_NothingChangedAndNotesCounted()
    {
        var client = await site.SignInAsync("analyst");
        byte[] workbook;
        await using (var db = site.Db())
        {
            var strategy = await DeliveryStore.LoadAsync(db, await DeliveryStore.FindStrategyAsync(db, null));
            using var stream = new MemoryStream();
            XlsxWriter.Write(stream, DeliveryExport.Sheets([strategy.Strands[0]]));
            workbook = stream.ToArray();
        }

        var response = await DemoSite.UploadAsync(client, "Delivery", ("plan.xlsx", workbook));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"import-result\"", html, StringComparison.Ordinal);
        Assert.Contains("0 tasks created", html, StringComparison.Ordinal);
        Assert.Contains("id=\"import-notes\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_ReimportOverAStatusSetInScrutineer_ConflictListedAndTotalsTableAgreesWithTheSummary()
    {
        var client = await site.SignInAsync("analyst");
        byte[] workbook;
        string reference;
        await using (var db = site.Db())
        {
            var strategy = await DeliveryStore.LoadAsync(db, await DeliveryStore.FindStrategyAsync(db, null));
            using var stream = new MemoryStream();
            XlsxWriter.Write(stream, DeliveryExport.Sheets([strategy.Strands[1]]));
            workbook = stream.ToArray();

            var task = strategy.Strands[1].Plans[0].Tasks[0];
            reference = task.Reference;
            var today = DateOnly.FromDateTime(DemoSettings.DemoToday.Date);
            Assert.True(task.Status == Domain.Delivery.DeliveryTaskStatus.AtRisk
                ? task.ChangeStatus(Domain.Delivery.DeliveryTaskStatus.Ongoing, today, "web: Chris Ashworth")
                : task.ChangeStatus(Domain.Delivery.DeliveryTaskStatus.AtRisk, today, "web: Chris Ashworth", "Partner withdrew."));
            await db.SaveChangesAsync();
        }

        var response = await DemoSite.UploadAsync(client, "Delivery", ("plan.xlsx", workbook));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("1 status conflicts", html, StringComparison.Ordinal);
        Assert.Matches($@"<td class=""govuk-table__cell"">{reference}</td>\s*<td class=""govuk-table__cell"">conflict</td>\s*<td class=""govuk-table__cell"">status: ", html);
        var summary = System.Text.RegularExpressions.Regex.Match(html, @"(\d+) tasks created, (\d+) updated, (\d+) unchanged; (\d+) status changes recorded, (\d+) status conflicts");
        Assert.True(summary.Success, "no summary line");
        string[] rows = ["Tasks created", "Updated", "Unchanged", "Status changes recorded", "Status conflicts"];
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Matches($@"<th scope=""row"" class=""govuk-table__header"">{rows[i]}</th>\s*<td class=""govuk-table__cell govuk-table__cell--numeric"">{summary.Groups[i + 1].Value}</td>", html);
        }
    }

    [Fact]
    public async Task Delivery_NotAWorkbook_ErrorNamingTheFile()
    {
        var client = await site.SignInAsync("analyst");

        var response = await DemoSite.UploadAsync(client, "Delivery", ("broken.xlsx", "this is not a zip"u8.ToArray()));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("broken.xlsx", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PoliceUk", "notes.txt", "expected .csv files")]
    [InlineData("Measures", "", "Choose at least one file")]
    public async Task Upload_WrongOrNoFile_FormError(string handler, string name, string expected)
    {
        var client = await site.SignInAsync("analyst");

        var response = name.Length == 0 ? await DemoSite.UploadAsync(client, handler) : await DemoSite.UploadAsync(client, handler, (name, "x"u8.ToArray()));

        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("contributor.north")]
    [InlineData("reviewer")]
    public async Task Data_OtherRoles_Denied(string user)
    {
        var client = await site.SignInAsync(user);

        var page = await client.GetAsync("/data");
        var post = await client.PostAsync("/data?handler=Measures", new MultipartFormDataContent());

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/access-denied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
    }

    private async Task<int> CountAsync()
    {
        await using var db = site.Db();
        return await db.Observations.CountAsync();
    }
}
