using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Plans;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Tests;

namespace Scrutineer.Reliability.Web.Tests;

/// <summary>
/// Script typed or imported by one person never runs in another's browser: commentary and review comments, uploaded
/// file names, and imported delivery-workbook and plan-file cells holding script are shown encoded on every page that
/// shows them, never as markup.
/// </summary>
public sealed partial class SafeRenderingTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Script = "<script>alert(1)</script>";

    private const string Image = "\"><img src=x onerror=alert(1)>";

    [Fact]
    public async Task Commentary_ScriptInCommentaryAndReviewComment_EncodedOnEveryPageThatShowsIt()
    {
        var (write, updateId, reviewer) = await WritableNorthUpdateAsync();
        var north = await site.SignInAsync("contributor.north");
        var text = $"Progress {Script} this quarter.\n\n{Image}\n\n- bullet {Script}";

        var saved = await WriteAsync(north, write, text, "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await AssertSafeAsync(north, write, both: true);
        var submitted = await WriteAsync(north, write, text, "submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        await AssertSafeAsync(north, write, both: true);

        var id = await updateId();
        var review = await site.SignInAsync(reviewer);
        await AssertSafeAsync(review, $"/review/{id}", both: true);
        await AssertNoMarkupAsync(review, "/review");
        var returned = await DemoSite.PostFormAsync(review, $"/review/{id}", new() { ["Decision"] = "return", ["Comment"] = $"Rewrite {Script} {Image}" });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        // The returned update: the reviewer's comment in the banner and the history, the commentary in the form.
        await AssertSafeAsync(north, write, both: true);
        var analyst = await site.SignInAsync("analyst");
        await AssertSafeAsync(analyst, $"/rounds/updates/{id}", both: true);
        await AssertNoMarkupAsync(north, "/updates");
        await AssertNoMarkupAsync(analyst, write.Split('/')[3] is var round ? $"/rounds/{round}" : "");
        var json = await analyst.GetStringAsync("/api/updates");
        Assert.Contains("alert(1)", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UploadedFileNames_ScriptInTheName_EncodedInTheResult()
    {
        var analyst = await site.SignInAsync("analyst");

        // A name with the wrong extension is listed in the error; a .csv that fails to import is named in its message.
        var wrongKind = await UploadAsync(analyst, "Measures", (Image + ".txt", "x"u8.ToArray()));
        var broken = await UploadAsync(analyst, "Measures", ($"{Image}.csv", "not,a,measures,file\n1,2"u8.ToArray()));
        var delivery = await UploadAsync(analyst, "Delivery", ($"{Image}.xlsx", "not a workbook"u8.ToArray()));

        foreach (var response in new[] { wrongKind, broken, delivery })
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
            AssertSafe(html, "/data", script: false, image: true);
        }
    }

    [Fact]
    public async Task ImportedCells_ScriptInDeliveryTaskAndPlanFile_EncodedOnStrategyAndPlanPages()
    {
        var analyst = await site.SignInAsync("analyst");
        var csv = "4P plan - Prevent: safe rendering\n"
            + "Strand,Task,How will this be delivered?,Who,When,Task No\n"
            + $"Prevent,Task {Script},\"Deliver {Image.Replace("\"", "\"\"", StringComparison.Ordinal)}\",DI Test,2024,97\n";
        var imported = await UploadAsync(analyst, "Delivery", ("safe-rendering.csv", Encoding.UTF8.GetBytes(csv)));
        var result = await imported.Content.ReadAsStringAsync();
        Assert.True(imported.StatusCode == HttpStatusCode.OK && !result.Contains("govuk-error-summary", StringComparison.Ordinal), result);
        AssertSafe(result, "/data", script: false, image: false);

        int task;
        await using (var db = site.Db())
        {
            task = await db.DeliveryTasks.Where(t => t.Text.Contains("alert(1)")).Select(t => t.Id).SingleAsync();
        }

        await AssertSafeAsync(analyst, "/strategy/tasks?owner=DI%20Test", both: false);
        await AssertSafeAsync(analyst, $"/strategy/tasks/{task}", both: true);

        var yaml = $"""
            plan:
              title: 'Plan {Script}'
              first_year: 2030/31
              last_year: 2032/33
            units:
              - {"{"} short: XSS, name: '{Image} unit', kind: team {"}"}
            priorities:
              - number: 1
                title: 'Priority {Script}'
                objective: '{Image}'
                commitments:
                  - we_will: 'Commit {Script} and {Image}'
                    who: [XSS]
            """;
        int plan, commitment;
        await using (var db = site.Db())
        {
            await PlanImporter.ImportAsync(db, PlanFileReader.Read(new StringReader(yaml), "safe-rendering.yaml"), "safe-rendering.yaml");
            plan = (await db.Plans.ToListAsync()).Single(p => p.FirstYear.StartYear == 2030).Id;
            commitment = await db.Commitments.Where(c => c.Priority.PlanId == plan).Select(c => c.Id).SingleAsync();
        }

        await AssertSafeAsync(analyst, $"/priorities?plan={plan}", both: true);
        await AssertSafeAsync(analyst, $"/priorities/commitments/{commitment}", both: true);
        var admin = await site.SignInAsync("admin");
        await AssertSafeAsync(admin, "/admin", both: true);
    }

    [Fact]
    public async Task ImportedMeasureName_ScriptInTheName_EncodedInTheChartsDrawnAsSvg()
    {
        // The insights charts are the one place the pages write markup themselves (SVG, through Html.Raw).
        var analyst = await site.SignInAsync("analyst");
        var name = $"Orders {Script} {Image}";
        var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var definitions = $"name,unit,kind,better,definition,source\n{quoted},orders,count,higher,Orders {Script},Court {Image}\n";
        var values = new StringBuilder("measure,area,period,value\n");
        for (var month = 1; month <= 12; month++)
        {
            values.Append(System.Globalization.CultureInfo.InvariantCulture, $"{quoted},Essex Police,2023-{month:00},{10 + month}\n");
        }

        var imported = await UploadAsync(analyst, "Measures", ("defs.csv", Encoding.UTF8.GetBytes(definitions)), ("values.csv", Encoding.UTF8.GetBytes(values.ToString())));
        var result = await imported.Content.ReadAsStringAsync();
        Assert.True(!result.Contains("govuk-error-summary", StringComparison.Ordinal), result);

        var page = $"/insights?measure={Uri.EscapeDataString(name)}&area=Essex%20Police&to=2023-12";
        await AssertSafeAsync(analyst, page, both: true);
        var html = await analyst.GetStringAsync(page);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Matches("<title[^>]*>[^<]*&lt;script&gt;alert\\(1\\)&lt;/script&gt;", html);
    }

    /// <summary>GETs <paramref name="page"/> and checks it holds the encoded payloads (both, or at least the script) and no raw markup from them.</summary>
    private static async Task AssertSafeAsync(HttpClient client, string page, bool both)
    {
        var response = await client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
        AssertSafe(html, page, script: true, image: both);
    }

    /// <summary>GETs a page that lists records without their text: it may leave the payloads out, but must not show them raw.</summary>
    private static async Task AssertNoMarkupAsync(HttpClient client, string page)
    {
        var response = await client.GetAsync(page);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
        AssertSafe(await response.Content.ReadAsStringAsync(), page, script: false, image: false);
    }

    private static void AssertSafe(string html, string page, bool script, bool image)
    {
        Assert.False(RawPayload().IsMatch(html), $"{page} shows a payload as markup: {RawPayload().Match(html).Value}");
        if (script)
        {
            Assert.True(html.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", StringComparison.Ordinal), $"{page} does not show the script encoded");
        }

        if (image)
        {
            Assert.True(html.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", StringComparison.Ordinal), $"{page} does not show the image tag encoded");
        }
    }

    /// <summary>
    /// A north update the contributor can write in the open round (not started, draft or returned), the page address,
    /// its identity once written, and the reviewer whose priorities hold it.
    /// </summary>
    private async Task<(string Write, Func<Task<int>> Id, string Reviewer)> WritableNorthUpdateAsync()
    {
        await using var db = site.Db();
        var round = await db.Rounds.SingleAsync(r => r.State == RoundState.Open);
        var unit = await db.Units.SingleAsync(u => u.ShortName == "North LPA");
        var busy = await db.Updates.Where(u => u.RoundId == round.Id && u.UnitId == unit.Id && (u.State == UpdateState.Submitted || u.State == UpdateState.Approved))
            .Select(u => u.CommitmentId).ToListAsync();
        var commitments = await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit").Where(c => c.Priority.PlanId == round.PlanId).ToListAsync();
        var commitment = commitments.Where(c => c.IsResponsible(unit) && !busy.Contains(c.Id)).OrderBy(c => c.Id).First();
        var (roundId, commitmentId, unitId) = (round.Id, commitment.Id, unit.Id);
        return ($"/updates/write/{roundId}/{commitmentId}/{unitId}", IdAsync, commitment.Priority.Number <= 6 ? "reviewer" : "reviewer.roads");

        async Task<int> IdAsync()
        {
            await using var read = site.Db();
            return await read.Updates.Where(u => u.RoundId == roundId && u.CommitmentId == commitmentId && u.UnitId == unitId).Select(u => u.Id).SingleAsync();
        }
    }

    /// <summary>Posts the update write form with the version it was opened at.</summary>
    private static async Task<HttpResponseMessage> WriteAsync(HttpClient client, string page, string text, string action)
    {
        var html = await client.GetStringAsync(page);
        return await client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value,
            ["Version"] = Version().Match(html).Groups[1].Value,
            ["Commentary"] = text,
            ["Status"] = nameof(DeliveryStatus.OnTrack),
            ["action"] = action,
        }));
    }

    /// <summary>Uploads files to a Data page form; a file name is sent as RFC 5987 <c>filename*</c> so that quotes and angle brackets arrive as typed.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string handler, params (string Name, byte[] Bytes)[] files)
    {
        var page = await client.GetStringAsync("/data");
        var form = new MultipartFormDataContent { { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"files\"", FileName = "\"upload\"", FileNameStar = name };
            form.Add(content);
        }

        return await client.PostAsync($"/data?handler={handler}", form);
    }

    /// <summary>Markup a payload would make if shown raw.</summary>
    [GeneratedRegex("<script>alert|<img src=x", RegexOptions.IgnoreCase)]
    private static partial Regex RawPayload();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex Version();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
