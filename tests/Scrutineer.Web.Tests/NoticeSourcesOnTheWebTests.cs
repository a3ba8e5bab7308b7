using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Notifications;
using Scrutineer.Testing;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The web's doors to the notices built last, with the server's own sender and a real SMTP server on 127.0.0.1: a
/// round opened on the Rounds page emails each contributor their updates and the deadline (a refused opening, none); an
/// administrator sets a unit's head on the administration page; an analyst schedules a report pack on its page (the
/// full version to a plain address refused in words) and the server emails it, attached, on its date.
/// </summary>
public sealed class NoticeSourcesOnTheWebTests : IAsyncLifetime
{
    private SmtpTestServer smtp = null!;
    private DemoSite site = null!;

    public async Task InitializeAsync()
    {
        smtp = await SmtpTestServer.StartAsync();
        site = DemoSite.On(DemoSite.DefaultProvider, new Dictionary<string, string>(smtp.Settings) { ["Notify:SendEverySeconds"] = "1" });
        await site.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task OpenRoundOnTheWeb_EachContributorIsEmailedTheirUpdatesAndTheDeadline_AndARefusedOpeningEmailsNobody()
    {
        int plan;
        await using (var db = site.Db())
        {
            plan = await db.Plans.Where(p => p.Title == Application.Demo.DemoForce.PlanTitle).Select(p => p.Id).SingleAsync();
        }

        var analyst = await site.SignInAsync("analyst");
        var refused = await DemoSite.PostFormAsync(analyst, "/rounds", Form(plan, "Q1 2024/25", "1", "1", "2023"));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        await using (var db = site.Db())
        {
            Assert.Equal(0, await db.Notices.CountAsync(n => n.Kind == NoticeKind.RoundOpened));
        }

        var opened = await DemoSite.PostFormAsync(analyst, "/rounds", Form(plan, "Q1 2024/25", "19", "7", "2024"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The deadline 1 January 2023 is before the last month of Q1 2024/25 begins.", WebUtility.HtmlDecode(refusedHtml), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var messages = await WaitForAsync(m => m.Subject!.StartsWith("Round open:", StringComparison.Ordinal), 3);
        Assert.Equal(["omar.patel@demo-force.example", "rita.hale@demo-force.example", "sam.okafor@demo-force.example"], messages.Select(To).Order(StringComparer.Ordinal));
        Assert.Equal("Round open: 2 strand narratives for the Q1 2024/25 round due by Friday 19 July 2024", messages.Single(x => To(x) == "omar.patel@demo-force.example").Subject);
        Assert.All(messages, m => Assert.EndsWith("for the Q1 2024/25 round due by Friday 19 July 2024", m.Subject, StringComparison.Ordinal));
        Assert.Contains(" for North Local Policing Area", messages.Single(x => To(x) == "rita.hale@demo-force.example").TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorSetsAUnitsHead_AndIsToldInGovUkWordsWhenTheAddressIsWrong()
    {
        int north;
        await using (var db = site.Db())
        {
            north = await db.Units.Where(u => u.ShortName == "North LPA").Select(u => u.Id).SingleAsync();
        }

        var admin = await site.SignInAsync("admin");
        var bad = await DemoSite.PostFormAsync(admin, "/admin", new() { ["HeadUnitId"] = Id(north), ["HeadEmail"] = "north head" }, "/admin?handler=UnitHead");
        var none = await DemoSite.PostFormAsync(admin, "/admin", new() { ["HeadEmail"] = "north.head@example.police.uk" }, "/admin?handler=UnitHead");
        var set = await DemoSite.PostFormAsync(admin, "/admin", new() { ["HeadUnitId"] = Id(north), ["HeadEmail"] = "north.head@example.police.uk" }, "/admin?handler=UnitHead");
        var page = WebUtility.HtmlDecode(await (await admin.GetAsync("/admin")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Enter an email address in the correct format, like name@example.police.uk (not 'north head').", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Select the unit", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("The head of North Local Policing Area (North LPA) is told of overdue updates at north.head@example.police.uk.", page, StringComparison.Ordinal);
        Assert.Contains("head.svu@demo-force.example", page, StringComparison.Ordinal);
        await using var check = site.Db();
        Assert.Equal("north.head@example.police.uk", await check.Units.Where(u => u.Id == north).Select(u => u.HeadEmail).SingleAsync());
    }

    [Fact]
    public async Task AnalystSchedulesAReportPack_TheFullVersionToAPlainAddressIsRefused_AndTheServerSendsItOnItsDate_PrintedByItsWarmChromium()
    {
        var pool = site.Factory.Services.GetRequiredService<ChromiumPool>();
        var startedBefore = pool.BrowsersStarted;
        var analyst = await site.SignInAsync("analyst");
        var viewer = await site.SignInAsync("viewer");

        var refused = await DemoSite.PostFormAsync(analyst, "/reports/schedules", Pack("full", "press.office@example.org"));
        var saved = await DemoSite.PostFormAsync(analyst, "/reports/schedules", Pack("public", "viewer\npress.office@example.org"));
        var listed = WebUtility.HtmlDecode(await (await analyst.GetAsync("/reports/schedules")).Content.ReadAsStringAsync());
        var denied = await viewer.GetAsync("/reports/schedules");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The full version of the quarterly report holds OFFICIAL-SENSITIVE text, so it goes only to accounts cleared to read it. "
            + "Not cleared: press.office@example.org (an email address, not an account).", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Scheduled: quarterly report, public version, PDF, on 22 April 2024.", listed, StringComparison.Ordinal);
        Assert.Contains("viewer, press.office@example.org", listed, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);

        var packs = await WaitForAsync(m => m.Subject!.StartsWith("Report pack:", StringComparison.Ordinal), 2);
        Assert.Equal(["pat.quinn@demo-force.example", "press.office@example.org"], packs.Select(To).Order(StringComparer.Ordinal));
        Assert.All(packs, p => Assert.Equal("Report pack: Quarterly update on delivery against the We Wills, Q2 2023/24 (public version), attachment marked OFFICIAL", p.Subject));
        Assert.All(packs, p => Assert.Equal("quarterly-2023-24-Q2-public.pdf", Assert.Single(p.Attachments).ContentDisposition!.FileName));
        // Printed by the server's own warm Chromium (one browser, the pool's), not one started for the pack.
        Assert.Equal(startedBefore + 1, pool.BrowsersStarted);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(2, smtp.Received().Count(m => m.Subject!.StartsWith("Report pack:", StringComparison.Ordinal)));
    }

    private static Dictionary<string, string> Form(int plan, string quarter, string day, string month, string year) => new()
    {
        ["PlanId"] = Id(plan), ["Quarter"] = quarter, ["Deadline.Day"] = day, ["Deadline.Month"] = month, ["Deadline.Year"] = year,
    };

    private static Dictionary<string, string> Pack(string version, string recipients) => new()
    {
        ["Report"] = "quarterly", ["Version"] = version, ["Format"] = "pdf", ["Recipients"] = recipients, ["When"] = "date",
        ["SendOn.Day"] = "22", ["SendOn.Month"] = "4", ["SendOn.Year"] = "2024",
    };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    private async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<MimeMessage, bool> which, int count)
    {
        var waited = Stopwatch.StartNew();
        while (smtp.Received().Count(which) < count && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(250);
        }

        return smtp.Received().Where(which).ToList();
    }
}
