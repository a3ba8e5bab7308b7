using System.Net;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Demo;

namespace Scrutineer.Web.Tests;

/// <summary>The analysts' page for a plan's closure report foreword and executive summary.</summary>
public sealed class ClosureTextPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task ClosureText_Analyst_MarkingRefusedWithTheMessage_ThenSavedAndShown()
    {
        var client = await site.SignInAsync("analyst");
        int planId;
        await using (var db = site.Db())
        {
            planId = await db.Plans.Where(p => p.Title == DemoForce.PlanTitle).Select(p => p.Id).SingleAsync();
        }

        var page = await client.GetStringAsync("/reports/closure-text");
        Assert.Contains("When this plan began, the public told us", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/reports/closure-text\"", await client.GetStringAsync("/reports"), StringComparison.Ordinal);

        var refused = await DemoSite.PostFormAsync(client, "/reports/closure-text", new()
        {
            ["Plan"] = planId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Foreword"] = "A new foreword.",
            ["Summary"] = "Good progress.\n(OFFICIAL SENSITIVE) the operation's name.",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(
            WebUtility.HtmlEncode("The executive summary contains the marking \"OFFICIAL SENSITIVE\" on line 2. OFFICIAL text cannot carry a marking: move that text into the OFFICIAL-SENSITIVE part and delete the marking."),
            await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = site.Db())
        {
            Assert.StartsWith("When this plan began", (await db.ClosureReportTexts.SingleAsync(t => t.PlanId == planId)).Foreword, StringComparison.Ordinal);
        }

        var saved = await DemoSite.PostFormAsync(client, "/reports/closure-text", new()
        {
            ["Plan"] = planId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Foreword"] = "A new foreword.",
            ["Summary"] = "Good progress.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await client.GetStringAsync(saved.Headers.Location!.ToString());
        Assert.Contains(">A new foreword.</textarea>", after, StringComparison.Ordinal);
        Assert.Contains("The closure report text of " + DemoForce.PlanTitle + " has been saved.", after, StringComparison.Ordinal);
    }
}
