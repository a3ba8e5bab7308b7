using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Plans;
using Scrutineer.Domain.Imports;

namespace Scrutineer.Web.Tests;

/// <summary>Administrators download a plan as its plan file and import plan files from the administration page.</summary>
public sealed partial class AdminPlansTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task PlanFile_Download_IsWhatTheCommandLineExports()
    {
        var admin = await site.SignInAsync("admin");
        var (id, title) = await CurrentPlanAsync();

        var response = await admin.GetAsync($"/admin?handler=PlanFile&id={id}");
        string expected;
        await using (var db = site.Db())
        {
            expected = await PlanFileWriter.WriteAsync(db, title);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".yaml", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin?handler=PlanFile&id=99999")).StatusCode);
    }

    [Fact]
    public async Task PlanUpload_ValidFileWithNewTitle_AddsThePlan()
    {
        var admin = await site.SignInAsync("admin");
        var (id, title) = await CurrentPlanAsync();
        var file = await admin.GetStringAsync($"/admin?handler=PlanFile&id={id}");
        var renamed = file.Replace($"title: {title}", "title: Police and Crime Plan rehearsal copy", StringComparison.Ordinal);
        Assert.NotEqual(file, renamed);

        var response = await UploadAsync(admin, "rehearsal.yaml", renamed);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = site.Db();
        var plan = await db.Plans.Include(p => p.Priorities).ThenInclude(p => p.Commitments).SingleAsync(p => p.Title == "Police and Crime Plan rehearsal copy");
        Assert.Equal(12, plan.Priorities.Count);
        Assert.Equal(59, plan.Priorities.Sum(p => p.Commitments.Count));
        var page = await admin.GetStringAsync("/admin");
        Assert.Contains("Police and Crime Plan rehearsal copy imported from rehearsal.yaml: 12 priorities, 59 commitments", page, StringComparison.Ordinal);
        var runs = (await Scrutineer.Application.Imports.ImportRuns.ListAsync(db)).Where(r => r.Kind == Scrutineer.Domain.Imports.ImportRunKind.Plan).ToList();
        var run = Assert.Single(runs, r => r.Files.Any(f => f.Name == "rehearsal.yaml"));
        var bytes = System.Text.Encoding.UTF8.GetBytes(renamed);
        Assert.Equal(Scrutineer.Domain.Imports.ImportedFile.Of("rehearsal.yaml", bytes), Assert.Single(run.Files));
        Assert.Equal("admin (Alex Morgan)", run.By);
        Assert.StartsWith("Plan 'Police and Crime Plan rehearsal copy': 12 priorities, 59 commitments;", run.Wrote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanUpload_UnknownUnit_ListsTheLineAndWritesNothing()
    {
        var admin = await site.SignInAsync("admin");
        var before = await PlanCountAsync();
        const string bad = "plan:\n  title: Broken plan\n  first_year: 2024/25\n  last_year: 2025/26\nunits:\n  - { short: A, name: Alpha, kind: force }\npriorities:\n  - number: 1\n    title: One\n    objective: Do one thing well.\n    commitments:\n      - we_will: do it\n        who: [B]\n";

        var response = await UploadAsync(admin, "broken.yaml", bad);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("broken.yaml was not imported (nothing was written)", html, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:13: priorities[0].commitments[0].who: unit &#x27;B&#x27; is not one of the units listed", html, StringComparison.Ordinal);
        Assert.Equal(before, await PlanCountAsync());
    }

    [Fact]
    public async Task PlanUpload_NotAPlanFile_RefusedWithMessage()
    {
        var admin = await site.SignInAsync("admin");

        var html = await (await UploadAsync(admin, "notes.txt", "hello")).Content.ReadAsStringAsync();

        Assert.Contains("notes.txt: expected a plan file (.yaml or .yml).", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("contributor.north")]
    [InlineData("viewer")]
    public async Task PlanUploadAndDownload_OtherRoles_Refused(string user)
    {
        var client = await site.SignInAsync(user);
        var before = await PlanCountAsync();
        var (id, _) = await CurrentPlanAsync();

        var download = await client.GetAsync($"/admin?handler=PlanFile&id={id}");
        var upload = await UploadAsync(client, "other.yaml", "plan:\n  title: Not allowed\n", tokenPage: "/");

        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        Assert.StartsWith("/account/access-denied", download.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.StartsWith("/account/access-denied", upload.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(before, await PlanCountAsync());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, string text, string tokenPage = "/admin")
    {
        var page = await client.GetStringAsync(tokenPage);
        var token = Token().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { content, "planFile", name } };
        return await client.PostAsync("/admin?handler=Plan", form);
    }

    private async Task<(int Id, string Title)> CurrentPlanAsync()
    {
        await using var db = site.Db();
        var plan = await db.Plans.OrderByDescending(p => p.LastYear).Select(p => new { p.Id, p.Title }).FirstAsync();
        return (plan.Id, plan.Title);
    }

    private async Task<int> PlanCountAsync()
    {
        await using var db = site.Db();
        return await db.Plans.CountAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
