using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Notifications;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

/// <summary>
/// The notices of issue 16 built last, through the command line with a real SMTP server: a round opened tells each
/// contributor their updates and the deadline (and a refused opening tells nobody); a unit's head, who holds no
/// account, is told in escalations; scheduled report packs arrive once with the report attached, the full version
/// refused to a plain address, and a pack whose schedule went is withheld when its turn to be sent comes.
/// </summary>
public sealed partial class NotifyCommandTests
{
    [Fact]
    public async Task RoundOpen_TellsEachContributorTheirUpdatesAndTheDeadlineOnce_AndARefusedOpenTellsNobody()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        await using var smtp = await SmtpTestServer.StartAsync();

        var early = await Cli.RunAsync("round", "open", "--period", "Q1 2024/25", "--deadline", "2023-01-01", "--db", store.DbArgument);
        var twice = await Cli.RunAsync("round", "open", "--period", "Q4 2023/24", "--deadline", "2024-04-19", "--db", store.DbArgument);
        await using (var db = store.Open())
        {
            Assert.Equal(0, await db.Notices.CountAsync(n => n.Kind == NoticeKind.RoundOpened));
        }

        var opened = await Cli.RunAsync("round", "open", "--period", "Q1 2024/25", "--deadline", "2024-07-19", "--db", store.DbArgument);
        var first = await RunAsync(store, smtp, "notify", "run", "--today", "2024-01-15");
        var second = await RunAsync(store, smtp, "notify", "run", "--today", "2024-01-16");

        Assert.Equal(1, early.ExitCode);
        Assert.Equal("error: The deadline 1 January 2023 is before the last month of Q1 2024/25 begins.", early.Error.Trim());
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("The Q4 2023/24 round of 'Police and Crime Plan 2021-2024' is already open or was opened before.", twice.Error, StringComparison.Ordinal);
        Assert.True(opened.ExitCode == 0 && first.ExitCode == 0 && second.ExitCode == 0, opened.Error + first.Error + second.Error);
        var expected = await UpdatesToWriteAsync(store, "Q1 2024/25");
        Assert.True(expected.Count >= 2, "the demo's unit contributors should have updates to write in Q1 2024/25");
        Assert.Equal(["Domestic Abuse", "Sexual Crime, Child Abuse and Exploitation"], expected["omar.patel@demo-force.example"].Strands);
        var received = smtp.Received().Where(m => m.Subject!.StartsWith("Round open:", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), received.Select(To).Order(StringComparer.Ordinal));
        foreach (var message in received)
        {
            var (updates, strands) = expected[To(message)];
            var lines = updates.Concat(strands).ToList();
            Assert.Equal($"Round open: {Work(updates.Count, strands.Count)} for the Q1 2024/25 round due by Friday 19 July 2024", message.Subject);
            Assert.Contains($"The Q1 2024/25 round is open. You have {Work(updates.Count, strands.Count)} to write and submit by Friday 19 July 2024.", message.TextBody, StringComparison.Ordinal);
            Assert.Equal(lines, message.TextBody!.ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith("* ", StringComparison.Ordinal)).Select(l => l[2..]).ToList());
            Assert.Contains("http://127.0.0.1:5080/updates", message.TextBody, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(smtp.Received(), m => m.Subject!.StartsWith("Round open:", StringComparison.Ordinal) && m.Date > received.Max(r => r.Date).AddMinutes(10));
        Assert.Equal(received.Count, smtp.Received().Count(m => m.Subject!.StartsWith("Round open:", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Escalation_TellsEachUnitsHead_WhoHoldsNoAccount_AndSetHeadRefusesWhatIsNotAnAddress(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await Cli.DemoAsync(store);
        await using var smtp = await SmtpTestServer.StartAsync();
        var twelve = new Dictionary<string, string> { ["Notify:EscalateAfterWorkingDays"] = "12" };

        var bad = await Cli.RunAsync("unit", "set-head", "North LPA", "--email", "north head", "--db", store.DbArgument);
        var unknown = await Cli.RunAsync("unit", "set-head", "Atlantis", "--email", "head@example.police.uk", "--db", store.DbArgument);
        var set = await Cli.RunAsync("unit", "set-head", "north lpa", "--email", "north.head@example.police.uk", "--db", store.DbArgument);
        var cleared = await Cli.RunAsync("unit", "set-head", "SCD", "--email", "", "--db", store.DbArgument);
        var list = await Cli.RunAsync("unit", "list", "--format", "csv", "--db", store.DbArgument);
        var tuesday = await RunAsync(store, smtp, twelve, "notify", "run", "--today", "2024-05-07");
        var beforeWednesday = smtp.Received().Count;
        var wednesday = await RunAsync(store, smtp, twelve, "notify", "run", "--today", "2024-05-08");
        var again = await RunAsync(store, smtp, twelve, "notify", "run", "--today", "2024-05-09");

        Assert.Equal(1, bad.ExitCode);
        Assert.Equal("error: Enter an email address in the correct format, like name@example.police.uk (not 'north head').", bad.Error.Trim());
        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("error: No unit called 'Atlantis'. Units: ", unknown.Error.Trim(), StringComparison.Ordinal);
        Assert.Equal("The head of North Local Policing Area (North LPA) is told of overdue updates at north.head@example.police.uk.", set.Out.Trim());
        Assert.Equal("No head's address is held for Serious Crime Directorate (SCD): only the analysts are told of its overdue updates.", cleared.Out.Trim());
        Assert.Contains("North LPA,North Local Policing Area,", list.Out, StringComparison.Ordinal);
        Assert.Contains(",north.head@example.police.uk", list.Out, StringComparison.Ordinal);
        Assert.Contains(",head.svu@demo-force.example", list.Out, StringComparison.Ordinal);
        Assert.True(tuesday.ExitCode == 0 && wednesday.ExitCode == 0 && again.ExitCode == 0, tuesday.Error + wednesday.Error + again.Error);
        Assert.DoesNotContain(smtp.Received().Take(beforeWednesday), m => m.Subject!.StartsWith("Escalation:", StringComparison.Ordinal));

        int overdue;
        await using (var db = store.Open())
        {
            var round = await db.Rounds.SingleAsync(r => r.State == RoundState.Open);
            var status = await Application.QuarterlyUpdates.RoundStatus.ForAsync(db, round, new DateOnly(2024, 5, 8));
            overdue = status.Lines.Count(l => l.Overdue && l.Unit == "North LPA");
        }

        var escalations = smtp.Received().Where(m => m.Subject!.StartsWith("Escalation:", StringComparison.Ordinal)).ToList();
        var north = Assert.Single(escalations, m => To(m) == "north.head@example.police.uk");
        Assert.Equal($"Escalation: {overdue} update{(overdue == 1 ? "" : "s")} overdue for North Local Policing Area in the Q4 2023/24 round", north.Subject);
        Assert.Contains("Dear head of North Local Policing Area,", north.TextBody, StringComparison.Ordinal);
        Assert.Contains("ask a Scrutineer administrator to change the unit's head", north.TextBody, StringComparison.Ordinal);
        Assert.Equal(overdue, north.TextBody!.ReplaceLineEndings("\n").Split('\n').Count(l => l.StartsWith("* ", StringComparison.Ordinal)));
        Assert.Contains(escalations, m => To(m) == "head.svu@demo-force.example");
        Assert.DoesNotContain(escalations, m => To(m) == "head.scd@demo-force.example");
        Assert.Single(escalations, m => To(m) == "chris.ashworth@demo-force.example");
        Assert.Equal(escalations.Count, escalations.Select(To).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task ReportPack_OnPublication_ArrivesOnceWithItsAttachment_AndTheFullVersionToAPlainAddressIsRefused()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        await using var smtp = await SmtpTestServer.StartAsync();
        await PlantSensitiveAsync(store);
        await using (var db = store.Open())
        {
            (await db.Accounts.SingleAsync(a => a.UserName == "analyst")).AllowSensitive(true);
            await db.SaveChangesAsync();
        }

        var refused = await Cli.RunAsync("schedule", "add", "--report", "quarterly", "--version", "full", "--format", "html", "--to", "analyst", "press.office@example.org", "--on-publication", "--db", store.DbArgument);
        var viewer = await Cli.RunAsync("schedule", "add", "--report", "quarterly", "--version", "full", "--format", "html", "--to", "viewer", "--on-publication", "--db", store.DbArgument);
        var plain = await Cli.RunAsync("schedule", "add", "--report", "quarterly", "--version", "public", "--format", "html", "--to", "viewer", "press.office@example.org", "--on-publication", "--db", store.DbArgument);
        var full = await Cli.RunAsync("schedule", "add", "--report", "quarterly", "--version", "full", "--format", "html", "--to", "analyst", "--on-publication", "--db", store.DbArgument);
        var list = await Cli.RunAsync("schedule", "list", "--format", "csv", "--db", store.DbArgument);
        Assert.Equal(0, (await Cli.RunAsync("round", "close", "--period", "Q4 2023/24", "--db", store.DbArgument)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("round", "publish", "--period", "Q4 2023/24", "--accept-outstanding", "--db", store.DbArgument)).ExitCode);
        var first = await RunAsync(store, smtp, "notify", "run", "--today", "2024-01-15");
        var second = await RunAsync(store, smtp, "notify", "run", "--today", "2024-01-16");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("error: The full version of the quarterly report holds OFFICIAL-SENSITIVE text, so it goes only to accounts cleared to read it. "
            + "Not cleared: press.office@example.org (an email address, not an account). Schedule the public version, or send the full version to cleared accounts only.", refused.Error.Trim());
        Assert.Equal(1, viewer.ExitCode);
        Assert.Contains("Not cleared: viewer (not cleared to read OFFICIAL-SENSITIVE text).", viewer.Error, StringComparison.Ordinal);
        Assert.Equal("Scheduled report 1: quarterly report, public version, HTML, on each round's publication, to 2 recipients.", plain.Out.Trim());
        Assert.Equal("Scheduled report 2: quarterly report, full version, HTML, on each round's publication, to 1 recipient.", full.Out.Trim());
        Assert.Equal(3, list.Lines.Length);
        Assert.Contains("1,quarterly,public,html,on publication,viewer press.office@example.org,", list.Lines[1], StringComparison.Ordinal);
        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Error + second.Error);

        var packs = smtp.Received().Where(m => m.Subject!.StartsWith("Report pack:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["chris.ashworth@demo-force.example", "pat.quinn@demo-force.example", "press.office@example.org"], packs.Select(To).Order(StringComparer.Ordinal));
        foreach (var pack in packs.Where(p => To(p) != "chris.ashworth@demo-force.example"))
        {
            Assert.Equal("Report pack: Quarterly update on delivery against the We Wills, Q4 2023/24 (public version), attachment marked OFFICIAL", pack.Subject);
            var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(pack.Attachments));
            Assert.Equal("quarterly-2023-24-Q4-public.html", attachment.FileName);
            Assert.Equal("OFFICIAL", pack.Headers["X-Attachment-Classification"]);
            var html = Text(attachment);
            Assert.Contains("Quarterly update", html, StringComparison.Ordinal);
            Assert.DoesNotContain("CANARY", html, StringComparison.Ordinal);
        }

        var sensitive = Assert.Single(packs, p => To(p) == "chris.ashworth@demo-force.example");
        Assert.Equal("Report pack: Quarterly update on delivery against the We Wills, Q4 2023/24 (full version), attachment marked OFFICIAL-SENSITIVE", sensitive.Subject);
        var report = Assert.IsAssignableFrom<MimePart>(Assert.Single(sensitive.Attachments));
        Assert.Equal("quarterly-2023-24-Q4-full.html", report.FileName);
        Assert.Contains("CANARY", Text(report), StringComparison.Ordinal);
        Assert.All(packs, p => Assert.DoesNotContain("CANARY", p.TextBody + p.HtmlBody, StringComparison.Ordinal));
        Assert.All(packs, p => Assert.StartsWith("OFFICIAL", p.TextBody, StringComparison.Ordinal));
        Assert.Equal(3, smtp.Received().Count(m => m.Subject!.StartsWith("Report pack:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReportPack_OnADate_GoesThatDayOnce_APastDateIsRefused_AndARemovedSchedulesPackIsWithheld()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        await using var smtp = await SmtpTestServer.StartAsync();

        var past = await Cli.RunAsync("schedule", "add", "--report", "strategy", "--version", "public", "--format", "html", "--to", "viewer", "--on", "2024-01-01", "--db", store.DbArgument);
        var dated = await Cli.RunAsync("schedule", "add", "--report", "strategy", "--version", "public", "--format", "html", "--to", "viewer", "--on", "2024-01-16", "--db", store.DbArgument);
        var later = await Cli.RunAsync("schedule", "add", "--report", "quarterly", "--version", "public", "--format", "docx", "--to", "press.office@example.org", "--on", "2024-01-17", "--db", store.DbArgument);
        var monday = await RunAsync(store, smtp, "notify", "run", "--today", "2024-01-15");
        var afterMonday = smtp.Received().Count(m => m.Subject!.StartsWith("Report pack:", StringComparison.Ordinal));
        var tuesday = await RunAsync(store, smtp, "notify", "run", "--today", "2024-01-16");
        var wednesdayQueued = await Cli.RunAsync("notify", "run", "--today", "2024-01-17", "--db", store.DbArgument);
        var removed = await Cli.RunAsync("schedule", "remove", "2", "--db", store.DbArgument);
        var missing = await Cli.RunAsync("schedule", "remove", "2", "--db", store.DbArgument);
        var thursday = await RunAsync(store, smtp, "notify", "run", "--today", "2024-01-18");
        var dead = await Cli.RunAsync("notify", "list", "--state", "dead", "--format", "csv", "--db", store.DbArgument);

        Assert.Equal(1, past.ExitCode);
        Assert.Equal("error: The date to send it on, 1 January 2024, has passed. Give today or a later date.", past.Error.Trim());
        Assert.Equal("Scheduled report 1: strategy report, public version, HTML, on 16 January 2024, to 1 recipient.", dated.Out.Trim());
        Assert.True(later.ExitCode == 0 && monday.ExitCode == 0 && tuesday.ExitCode == 0 && wednesdayQueued.ExitCode == 0,
            later.Error + monday.Error + tuesday.Error + wednesdayQueued.Error);
        Assert.Equal(1, thursday.ExitCode);
        Assert.Contains("1 went on the dead-letter list", thursday.Error, StringComparison.Ordinal);
        Assert.Equal(0, afterMonday);
        var pack = Assert.Single(smtp.Received(), m => m.Subject!.StartsWith("Report pack:", StringComparison.Ordinal));
        Assert.Equal("pat.quinn@demo-force.example", To(pack));
        Assert.Equal("Report pack: Strategy scrutiny report, Q2 2023/24 (public version), attachment marked OFFICIAL", pack.Subject);
        Assert.Equal("strategy-2023-24-Q2-public.html", Assert.Single(pack.Attachments).ContentDisposition!.FileName);
        Assert.Contains("on 16 January 2024", pack.TextBody, StringComparison.Ordinal);
        Assert.Equal("Removed report schedule 2 (quarterly report, public version, DOCX, on 17 January 2024).", removed.Out.Trim());
        Assert.Equal("error: There is no report schedule 2. List them with: scrutineer schedule list", missing.Error.Trim());
        Assert.Contains("dead,report-pack,press.office@example.org,", dead.Out, StringComparison.Ordinal);
        Assert.Contains("Withheld: the report schedule was removed before the pack was sent.", dead.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPack_OnADateWithNoRoundPublished_TellsTheAnalystsWhyOnce_AndEmailsNobodyOnTheList()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var smtp = await SmtpTestServer.StartAsync();
        Assert.Equal(0, (await Cli.RunAsync("user", "add", "pam.analyst", "--role", "analyst", "--display-name", "Pam Analyst", "--password", "a-long-enough-password", "--db", store.DbArgument)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("user", "set-email", "pam.analyst", "pam.analyst@example.org", "--db", store.DbArgument)).ExitCode);
        var dated = await Cli.RunAsync("schedule", "add", "--report", "quarterly", "--version", "public", "--format", "pdf", "--to", "pam.analyst", "board@example.org", "--on", "2024-01-16", "--db", store.DbArgument);

        var due = await RunAsync(store, smtp, "notify", "run", "--today", "2024-01-16");
        var again = await RunAsync(store, smtp, "notify", "run", "--today", "2024-01-17");

        Assert.True(dated.ExitCode == 0 && due.ExitCode == 0 && again.ExitCode == 0, dated.Error + due.Error + again.Error);
        var told = Assert.Single(smtp.Received());
        Assert.Equal("pam.analyst@example.org", To(told));
        Assert.Equal("Scheduled report pack not sent: no round published by 16 January 2024", told.Subject);
        Assert.Contains("The scheduled report pack (quarterly report, public version, PDF, on 16 January 2024) was not sent: no round had been published by 16 January 2024",
            told.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nobody on its distribution list was emailed.", told.TextBody, StringComparison.Ordinal);
        Assert.Empty(told.Attachments);
        Assert.DoesNotContain(smtp.Received(), m => To(m) == "board@example.org");
    }

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    private static string Text(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return System.Text.Encoding.UTF8.GetString(content.ToArray());
    }

    /// <summary>
    /// Worked out here from the store, apart from the application: for each demo contributor with an email address and
    /// units, "commitment for unit" of every commitment of the round's plan their units answer for, in plan order.
    /// </summary>
    /// <summary>Each contributor's updates to write in the round, and the strands whose narratives they write, by email address.</summary>
    private static async Task<Dictionary<string, (List<string> Updates, List<string> Strands)>> UpdatesToWriteAsync(TestStore store, string period)
    {
        await using var db = store.Open();
        var round = (await db.Rounds.ToListAsync()).Single(r => r.Period.ToString() == period);
        var commitments = (await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit")
            .Where(c => c.Priority.PlanId == round.PlanId).ToListAsync()).OrderBy(c => c.Priority.Number).ThenBy(c => c.Number).ToList();
        var strands = await db.Strands.OrderBy(s => s.Position).Select(s => new { s.Id, s.Title }).ToListAsync();
        var result = new Dictionary<string, (List<string>, List<string>)>(StringComparer.Ordinal);
        foreach (var account in await db.Accounts.Where(a => a.Email != null && !a.IsDisabled && a.Role == Domain.Accounts.Role.Contributor).ToListAsync())
        {
            var lines = commitments.SelectMany(c => c.Units.Where(u => account.UnitIds.Contains(u.Id)).Select(u => $"{c.Priority.Number.ToString(CultureInfo.InvariantCulture)}.{c.Number.ToString(CultureInfo.InvariantCulture)} for {u.Name}")).ToList();
            var theirs = strands.Where(s => account.StrandIds.Contains(s.Id)).Select(s => s.Title).ToList();
            if (lines.Count + theirs.Count > 0)
            {
                result[account.Email!] = (lines, theirs);
            }
        }

        return result;
    }

    /// <summary>"3 updates", "2 strand narratives", "3 updates and 1 strand narrative", as the notices count work.</summary>
    private static string Work(int updates, int narratives) => string.Join(" and ", new[]
    {
        updates == 0 ? null : $"{updates} update{(updates == 1 ? "" : "s")}",
        narratives == 0 ? null : $"{narratives} strand narrative{(narratives == 1 ? "" : "s")}",
    }.OfType<string>());
}
