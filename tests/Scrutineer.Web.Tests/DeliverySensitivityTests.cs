using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Delivery;
using Scrutineer.Domain.Delivery;

namespace Scrutineer.Web.Tests;

/// <summary>
/// Delivery tasks' OFFICIAL-SENSITIVE notes on the web: shown only where the need-to-know rule allows, set by those who
/// change the task's status, read from a workbook's sensitive-notes column, left out of exports for readers who may not
/// read them all; and a workbook whose OFFICIAL cells carry a marking refused with the cell named.
/// </summary>
public sealed partial class DeliverySensitivityTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    [Fact]
    public async Task TaskPage_SensitiveNote_OnlyForAllowedReaders_AndThePageIsMarked()
    {
        var (id, note) = await PlantNoteAsync(0);

        foreach (var user in new[] { "viewer", "contributor.north", "reviewer" })
        {
            var client = await site.SignInAsync(user);
            var page = await client.GetStringAsync($"/strategy/tasks/{id}");
            Assert.DoesNotContain(note, page, StringComparison.Ordinal);
            Assert.Equal("OFFICIAL", Marking(page));
        }

        var analyst = await site.SignInAsync("analyst");
        var shown = await analyst.GetStringAsync($"/strategy/tasks/{id}");
        Assert.Contains(note, shown, StringComparison.Ordinal);
        Assert.Equal("OFFICIAL-SENSITIVE", Marking(shown));
        Assert.Contains("This page is marked <strong>OFFICIAL-SENSITIVE</strong>", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskPage_ReviewerLeadingTheStrand_ReadsAndSetsTheNote_OtherStrandHidden()
    {
        var (mine, note) = await PlantNoteAsync(2);
        int other;
        await using (var db = site.Db())
        {
            var strands = await db.Strands.OrderBy(s => s.Position).Select(s => s.Id).ToListAsync();
            var account = await db.Accounts.SingleAsync(a => a.UserName == "reviewer.roads");
            account.Assign(Domain.Accounts.Role.Reviewer, [.. account.Scopes.Where(s => s.Kind != Domain.Accounts.ScopeKind.Strand), new Domain.Accounts.AccountScope(Domain.Accounts.ScopeKind.Strand, strands[0])]);
            var task = await db.DeliveryTasks.Where(t => t.Plan.StrandId != strands[0]).OrderBy(t => t.Id).FirstAsync();
            task.NoteSensitive("Other strand's note.");
            other = task.Id;
            await db.SaveChangesAsync();
        }

        var reviewer = await site.SignInAsync("reviewer.roads");
        var page = await reviewer.GetStringAsync($"/strategy/tasks/{mine}");
        var otherPage = await reviewer.GetStringAsync($"/strategy/tasks/{other}");
        var fields = await StatusFieldsAsync(mine);
        fields["SensitiveNote"] = "Replaced by the strand lead.";
        var saved = await DemoSite.PostFormAsync(reviewer, $"/strategy/tasks/{mine}", fields);

        Assert.Contains(note, page, StringComparison.Ordinal);
        Assert.Equal("OFFICIAL-SENSITIVE", Marking(page));
        Assert.DoesNotContain("Other strand", otherPage, StringComparison.Ordinal);
        Assert.Equal("OFFICIAL", Marking(otherPage));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var check = site.Db();
        Assert.Equal("Replaced by the strand lead.", (await check.DeliveryTasks.SingleAsync(t => t.Id == mine)).SensitiveNote);
    }

    [Fact]
    public async Task TaskPage_AtRiskWithoutRiskAndTextTooLong_EveryErrorAtOnceInFieldOrder_NothingSaved()
    {
        int id;
        await using (var db = site.Db())
        {
            id = await db.DeliveryTasks.Where(t => t.Status == DeliveryTaskStatus.Ongoing).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        }

        var analyst = await site.SignInAsync("analyst");
        var mitigation = new string('m', 4_001);
        var response = await DemoSite.PostFormAsync(analyst, $"/strategy/tasks/{id}", new()
        {
            ["Status"] = "at-risk", ["Risk"] = " ", ["Mitigation"] = mitigation, ["SensitiveNote"] = new string('n', 4_001),
        });
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var risk = html.IndexOf("<a href=\"#risk\">Enter the risk: a task at risk must say what might stop it being delivered</a>", StringComparison.Ordinal);
        var tooLong = html.IndexOf("<a href=\"#mitigation\">The mitigation must be 4,000 characters or less</a>", StringComparison.Ordinal);
        var note = html.IndexOf("<a href=\"#sensitivenote\">The OFFICIAL-SENSITIVE note must be 4,000 characters or less</a>", StringComparison.Ordinal);
        Assert.True(risk > 0 && tooLong > risk && note > tooLong, "all three errors, in field order");
        Assert.Contains($">{mitigation}</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("DeliveryTasks.", html, StringComparison.Ordinal);
        await using var check = site.Db();
        Assert.Equal(DeliveryTaskStatus.Ongoing, (await check.DeliveryTasks.SingleAsync(t => t.Id == id)).Status);

        var noStatus = System.Net.WebUtility.HtmlDecode(await (await DemoSite.PostFormAsync(analyst, $"/strategy/tasks/{id}", new() { ["Risk"] = "", ["Mitigation"] = mitigation })).Content.ReadAsStringAsync());
        Assert.Contains("<a href=\"#status\">Select the task's status</a>", noStatus, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#mitigation\">The mitigation must be 4,000 characters or less</a>", noStatus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskPage_AnalystSetsTheNote_SavedAndStatusKept()
    {
        int id;
        await using (var db = site.Db())
        {
            id = await db.DeliveryTasks.Where(t => t.Status == DeliveryTaskStatus.Ongoing && t.SensitiveNote == null).OrderByDescending(t => t.Id).Select(t => t.Id).FirstAsync();
        }

        var analyst = await site.SignInAsync("analyst");
        var form = await analyst.GetStringAsync($"/strategy/tasks/{id}");
        var response = await DemoSite.PostFormAsync(analyst, $"/strategy/tasks/{id}", new()
        {
            ["Status"] = "ongoing", ["Risk"] = "", ["Mitigation"] = "", ["SensitiveNote"] = "The source is a council officer.",
        });

        Assert.Contains("id=\"sensitivenote\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = site.Db();
        var task = await check.DeliveryTasks.SingleAsync(t => t.Id == id);
        Assert.Equal(("The source is a council officer.", DeliveryTaskStatus.Ongoing), (task.SensitiveNote, task.Status));
        var page = await analyst.GetStringAsync($"/strategy/tasks/{id}");
        Assert.Contains("OFFICIAL-SENSITIVE note is saved; the status stays ongoing.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ViewerGetsOfficialOnly_AnalystGetsTheNotesColumn()
    {
        var (_, note) = await PlantNoteAsync(1);
        var viewer = await site.SignInAsync("viewer");
        var analyst = await site.SignInAsync("analyst");

        var asViewer = await viewer.GetAsync("/strategy?handler=Export&format=csv");
        var asAnalyst = await analyst.GetAsync("/strategy?handler=Export&format=csv");
        var viewerCsv = await asViewer.Content.ReadAsStringAsync();
        var analystCsv = await asAnalyst.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, asViewer.StatusCode);
        Assert.Equal("delivery-plans-official.csv", asViewer.Content.Headers.ContentDisposition!.FileName);
        Assert.DoesNotContain(DeliveryExport.SensitiveNotesColumn, viewerCsv, StringComparison.Ordinal);
        Assert.DoesNotContain(Raw(note), viewerCsv, StringComparison.Ordinal);
        Assert.Equal("delivery-plans-official-sensitive.csv", asAnalyst.Content.Headers.ContentDisposition!.FileName);
        Assert.EndsWith($",{DeliveryExport.SensitiveNotesColumn}", analystCsv.Split("\r\n")[0], StringComparison.Ordinal);
        Assert.Contains(Raw(note), analystCsv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MarkingInAnOfficialCell_RefusedNamingFileSheetRowAndColumn_NothingImported()
    {
        var (sheets, plan) = await WorkbookAsync(withNotes: false);
        var planSheet = sheets.Single(s => s.Name == plan.Title);
        var rows = planSheet.Rows.Select(r => r.ToArray()).ToList();
        rows[4][1] = "Changed text that must not be imported";
        rows[5][1] = "Patrols at the hub (Official Sensitive - named officer)";
        var workbook = Write(sheets.Select(s => s == planSheet ? s with { Rows = rows } : s));
        var client = await site.SignInAsync("analyst");

        var response = await DemoSite.UploadAsync(client, "Delivery", ("plans.xlsx", workbook));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains(Html.Encode("plans.xlsx, sheet '"), html, StringComparison.Ordinal);
        Assert.Contains(Html.Encode("', row 6, column B (Task) contains the marking \"Official Sensitive\" on line 1."), html, StringComparison.Ordinal);
        Assert.Contains(Html.Encode("move that text into the OFFICIAL-SENSITIVE part and delete the marking. In a workbook the OFFICIAL-SENSITIVE part of a task is a column headed 'Sensitive notes'. Nothing was imported."), html, StringComparison.Ordinal);
        await using var db = site.Db();
        Assert.False(await db.DeliveryTasks.AnyAsync(t => t.Text == "Changed text that must not be imported"));
    }

    [Fact]
    public async Task Import_SensitiveNotesColumn_FillsTheNote()
    {
        var (sheets, plan) = await WorkbookAsync(withNotes: true);
        var planSheet = sheets.Single(s => s.Name == plan.Title);
        var rows = planSheet.Rows.Select(r => r.ToArray()).ToList();
        Assert.Equal(DeliveryExport.SensitiveNotesColumn, rows[3][^1]);
        rows[4][^1] = "OFFICIAL-SENSITIVE: the hotel named in the plan is under watch.";
        var workbook = Write(sheets.Select(s => s == planSheet ? s with { Rows = rows } : s));
        var client = await site.SignInAsync("analyst");

        var response = await DemoSite.UploadAsync(client, "Delivery", ("plans.xlsx", workbook));

        Assert.Contains("id=\"import-result\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = site.Db();
        var first = plan.Tasks[0];
        var stored = await db.DeliveryTasks.SingleAsync(t => t.PlanId == plan.Id && t.Stage == first.Stage && t.Number == first.Number);
        Assert.Equal("OFFICIAL-SENSITIVE: the hotel named in the plan is under watch.", stored.SensitiveNote);
    }

    /// <summary>The status form's fields as the task stands (status, risk and mitigation unchanged).</summary>
    private async Task<Dictionary<string, string>> StatusFieldsAsync(int id)
    {
        await using var db = site.Db();
        var task = await db.DeliveryTasks.SingleAsync(t => t.Id == id);
        return new() { ["Status"] = Web.Delivery.TaskLabels.Slug(task.Status), ["Risk"] = task.Risk ?? "", ["Mitigation"] = task.Mitigation ?? "" };
    }

    /// <summary>Gives a task of the first strand an OFFICIAL-SENSITIVE note; returns its identity and the note as a page shows it.</summary>
    private async Task<(int Id, string Note)> PlantNoteAsync(int fromEnd)
    {
        await using var db = site.Db();
        var strand = await db.Strands.OrderBy(s => s.Position).Select(s => s.Id).FirstAsync();
        var tasks = await db.DeliveryTasks.Where(t => t.Plan.StrandId == strand && t.SensitiveNote == null).OrderBy(t => t.Id).ToListAsync();
        var task = tasks[tasks.Count - 1 - fromEnd];
        var note = $"Sensitive note {Guid.NewGuid():N}: the named officer's deployment.";
        task.NoteSensitive(note);
        await db.SaveChangesAsync();
        return (task.Id, Html.Encode(note));
    }

    private async Task<(List<XlsxSheet> Sheets, DeliveryPlan Plan)> WorkbookAsync(bool withNotes)
    {
        await using var db = site.Db();
        var strategy = await DeliveryStore.LoadAsync(db, await DeliveryStore.FindStrategyAsync(db, null));
        var strand = strategy.Strands[^1];
        return (DeliveryExport.Sheets([strand], withNotes).ToList(), strand.Plans[0]);
    }

    private static byte[] Write(IEnumerable<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, sheets.ToList());
        return stream.ToArray();
    }

    private static string Raw(string encoded) => WebUtility.HtmlDecode(encoded);

    private static string Marking(string html) => TopMarking().Match(html) is { Success: true } m ? m.Groups[1].Value : "(none)";

    [GeneratedRegex("data-classification=\"([^\"]+)\"")]
    private static partial Regex TopMarking();
}
