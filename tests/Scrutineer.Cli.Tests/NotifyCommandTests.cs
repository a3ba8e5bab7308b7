using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

/// <summary>
/// <c>notify run</c> on the demo with a real SMTP server on 127.0.0.1 (aiosmtpd): reminders to contributors naming their
/// updates, once; escalation on the right working day with the bank holiday skipped; two hosts at once send each email
/// once. The command runs as its own process, with its mail settings in the environment as an operator would set them.
/// </summary>
public sealed partial class NotifyCommandTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Run_DayBeforeTheDeadline_EachContributorOneReminderNamingTheirUpdates_AndASecondRunSendsNothing(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await Cli.DemoAsync(store);
        await using var smtp = await SmtpTestServer.StartAsync();
        await PlantSensitiveAsync(store);

        var first = await RunAsync(store, smtp, "notify", "run", "--today", "2024-04-18");
        var second = await RunAsync(store, smtp, "notify", "run", "--today", "2024-04-18");

        Assert.True(first.ExitCode == 0, first.Error);
        var all = smtp.Received();
        var received = all.Where(m => m.Subject!.StartsWith("Reminder:", StringComparison.Ordinal)).ToList();
        var expected = await OutstandingByContributorAsync(store);
        Assert.True(expected.Count >= 2, "the demo should have contributors with updates outstanding in Q4 2023/24");
        Assert.True(expected.Values.Any(e => e.Narratives.Count > 0), "the demo's strand lead should have a strand narrative outstanding in Q4 2023/24");
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), received.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        foreach (var message in received)
        {
            var (updates, narratives) = expected[message.To.Mailboxes.Single().Address];
            var commitments = updates.Concat(narratives).ToList();
            var count = commitments.Count;
            Assert.Equal($"Reminder: {Work(updates.Count, narratives.Count)} for the Q4 2023/24 round due by Friday 19 April 2024", message.Subject);
            Assert.Equal(narratives.Count > 0, message.TextBody!.Contains(narratives.Count == 1 ? "The strand narrative is:" : "The strand narratives are:", StringComparison.Ordinal));
            Assert.NotNull(message.TextBody);
            Assert.NotNull(message.HtmlBody);
            foreach (var line in commitments)
            {
                Assert.Contains("* " + line, message.TextBody, StringComparison.Ordinal);
                Assert.Contains("<li>" + System.Net.WebUtility.HtmlEncode(line), message.HtmlBody, StringComparison.Ordinal);
            }

            Assert.Equal(count, message.TextBody.Split('\n').Count(l => l.StartsWith("* ", StringComparison.Ordinal)));
            Assert.Contains("http://127.0.0.1:5080/updates", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("You are getting this email because", message.TextBody, StringComparison.Ordinal);
            Assert.StartsWith("OFFICIAL", message.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("CANARY", message.TextBody + message.HtmlBody, StringComparison.Ordinal);
        }

        Assert.All(all.Where(m => !m.Subject!.StartsWith("Reminder:", StringComparison.Ordinal)), m => Assert.StartsWith("Past due:", m.Subject, StringComparison.Ordinal));
        Assert.Contains($"Queued {all.Count} notices due on Thursday 18 April 2024.", first.Out, StringComparison.Ordinal);
        Assert.Contains($"Sent {all.Count} notices through 127.0.0.1:{smtp.Port}.", first.Out, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("Nothing new is due on Thursday 18 April 2024.", second.Out, StringComparison.Ordinal);
        Assert.Equal(all.Count, smtp.Received().Count);
    }

    [Fact]
    public async Task Run_Escalation_ArrivesOnTheTwelfthWorkingDayAfterTheDeadline_SkippingTheMayBankHoliday()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        await using var smtp = await SmtpTestServer.StartAsync();
        var twelve = new Dictionary<string, string> { ["Notify:EscalateAfterWorkingDays"] = "12" };

        // Deadline Friday 19 April 2024; twelve working days on, with Monday 6 May a bank holiday, is Wednesday 8 May.
        var tuesday = await RunAsync(store, smtp, twelve, "notify", "run", "--today", "2024-05-07");
        var afterTuesday = smtp.Received();
        var wednesday = await RunAsync(store, smtp, twelve, "notify", "run", "--today", "2024-05-08");
        var escalations = smtp.Received().Where(m => m.Subject!.StartsWith("Escalation:", StringComparison.Ordinal)).ToList();

        Assert.True(tuesday.ExitCode == 0 && wednesday.ExitCode == 0, tuesday.Error + wednesday.Error);
        Assert.DoesNotContain(afterTuesday, m => m.Subject!.StartsWith("Escalation:", StringComparison.Ordinal));
        Assert.Contains(afterTuesday, m => m.Subject!.StartsWith("Overdue:", StringComparison.Ordinal));
        var analyst = Assert.Single(escalations, m => !m.To.Mailboxes.Single().Address.StartsWith("head.", StringComparison.Ordinal));
        Assert.Equal("chris.ashworth@demo-force.example", analyst.To.Mailboxes.Single().Address);
        Assert.Matches(@"^Escalation: \d+ updates and 3 strand narratives overdue in the Q4 2023/24 round$", analyst.Subject);
        Assert.Contains("The strand narratives are:\n", analyst.TextBody, StringComparison.Ordinal);
        Assert.Contains("* Sexual Crime, Child Abuse and Exploitation (returned)\n", analyst.TextBody, StringComparison.Ordinal);
        Assert.Contains("whose deadline was Friday 19 April 2024", analyst.TextBody, StringComparison.Ordinal);
        Assert.Contains("North Local Policing Area:", analyst.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TwoHostsAtOnceOnPostgreSql_EachEmailSentOnce()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        await Cli.DemoAsync(store);
        await using var smtp = await SmtpTestServer.StartAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => RunAsync(store, smtp, "notify", "run", "--today", "2024-04-23")));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Error));
        var keys = smtp.Received().Select(m => m.Headers["X-Scrutineer-Notice"]).ToList();
        Assert.NotEmpty(keys);
        Assert.Equal(keys.Distinct(StringComparer.Ordinal).Count(), keys.Count);
        await using var db = store.Open();
        Assert.Equal(keys.Count, await db.Notices.CountAsync());
        Assert.All(await db.Notices.ToListAsync(), n => Assert.Equal(1, n.Attempts));
    }

    [Fact]
    public async Task Run_OnASaturdayOrWithoutAMailServer_SaysWhatItDid()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);

        var saturday = await Cli.RunAsync("notify", "run", "--today", "2024-04-20", "--db", store.DbArgument);
        var off = await Cli.RunAsync("notify", "run", "--today", "2024-04-18", "--db", store.DbArgument);
        var list = await Cli.RunAsync("notify", "list", "--state", "pending", "--format", "csv", "--db", store.DbArgument);

        Assert.Contains("Nothing new is due on Saturday 20 April 2024. It is not a working day in England and Wales (a weekend or bank holiday)", saturday.Out, StringComparison.Ordinal);
        Assert.Matches(@"Queued (\d+) notices due on Thursday 18 April 2024\.", off.Out);
        var queued = int.Parse(System.Text.RegularExpressions.Regex.Match(off.Out, @"Queued (\d+)").Groups[1].Value);
        Assert.Contains($"Email is off (Smtp__Host is not set): {queued} notices wait in the outbox.", off.Out, StringComparison.Ordinal);
        Assert.Equal(queued, list.Lines.Length - 1);
        Assert.Contains("pending,reminder,rita.hale@demo-force.example", string.Join('\n', list.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MailSettingNotANumber_RefusedWithTheSettingNamed()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var smtp = await SmtpTestServer.StartAsync();

        var run = await RunAsync(store, smtp, new Dictionary<string, string> { ["Smtp:Port"] = "twenty-five" }, "notify", "run", "--today", "2024-04-18");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: Smtp:Port must be a port number from 1 to 65535, not 'twenty-five'.", run.Error.Trim());
    }

    [Fact]
    public async Task Submit_TellsTheReviewersOfItsPriority_AndARefusedSubmitTellsNobody()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        await using var smtp = await SmtpTestServer.StartAsync();
        int draft, submitted;
        await using (var db = store.Open())
        {
            var round = await db.Rounds.SingleAsync(r => r.State == RoundState.Open);
            draft = await db.Updates.Where(u => u.RoundId == round.Id && u.State == UpdateState.Draft && u.Commitment.Priority.Number <= 6).Select(u => u.Id).FirstAsync();
            submitted = await db.Updates.Where(u => u.RoundId == round.Id && u.State == UpdateState.Submitted).Select(u => u.Id).FirstAsync();
        }

        var refused = await Cli.RunAsync("update", "submit", submitted.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", store.DbArgument);
        var accepted = await Cli.RunAsync("update", "submit", draft.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", store.DbArgument);
        var sent = await RunAsync(store, smtp, "notify", "run", "--today", "2024-04-10");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("only a draft or returned update can be submitted", refused.Error, StringComparison.Ordinal);
        Assert.True(accepted.ExitCode == 0, accepted.Error);
        Assert.True(sent.ExitCode == 0, sent.Error);
        var message = Assert.Single(smtp.Received(), m => m.Subject!.StartsWith("Waiting for your review:", StringComparison.Ordinal));
        Assert.Equal("dana.mensah@demo-force.example", message.To.Mailboxes.Single().Address);
        Assert.StartsWith("Waiting for your review: The update on ", message.Subject, StringComparison.Ordinal);
        Assert.Contains("was submitted for review by", message.TextBody, StringComparison.Ordinal);
        // The link opens the update itself, not the list.
        Assert.Contains($"http://127.0.0.1:5080/review/{draft}\n", message.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_ReturnAndApprove_TellTheUnitsWriters_WithTheOfficialCommentOnly()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        await using var smtp = await SmtpTestServer.StartAsync();
        int id;
        string writer, page;
        UpdateState state;
        await using (var db = store.Open())
        {
            var round = await db.Rounds.SingleAsync(r => r.State == RoundState.Open);
            var writers = (await db.Accounts.Where(a => a.Role == Domain.Accounts.Role.Contributor).ToListAsync())
                .SelectMany(a => a.UnitIds.Select(u => (Unit: u, a.Email))).ToList();
            var updates = await db.Updates.Where(u => u.RoundId == round.Id && u.State != UpdateState.Approved)
                .OrderBy(u => u.Id).Select(u => new { u.Id, u.UnitId, u.State }).ToListAsync();
            var update = updates.First(u => writers.Any(w => w.Unit == u.UnitId));
            (id, writer, state) = (update.Id, writers.First(w => w.Unit == update.UnitId).Email!, update.State);
            var commitment = await db.Updates.Where(u => u.Id == id).Select(u => u.CommitmentId).SingleAsync();
            page = $"http://127.0.0.1:5080/updates/write/{round.Id}/{commitment}/{update.UnitId}";
        }

        var number = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (state != UpdateState.Submitted)
        {
            Assert.Equal(0, (await Cli.RunAsync("update", "submit", number, "--db", store.DbArgument)).ExitCode);
        }

        var returned = await Cli.RunAsync("update", "return", number, "--comment", "Say which wards the patrols covered.", "--sensitive-comment", "CANARY the named informant", "--db", store.DbArgument);
        var again = await Cli.RunAsync("update", "submit", number, "--db", store.DbArgument);
        var approved = await Cli.RunAsync("update", "approve", number, "--db", store.DbArgument);
        var sent = await RunAsync(store, smtp, "notify", "run", "--today", "2024-04-10");

        Assert.True(returned.ExitCode == 0 && again.ExitCode == 0 && approved.ExitCode == 0 && sent.ExitCode == 0, returned.Error + again.Error + approved.Error + sent.Error);
        var messages = smtp.Received();
        var back = Assert.Single(messages, m => m.Subject!.StartsWith("Returned to you: The update on ", StringComparison.Ordinal));
        Assert.Equal(writer, back.To.Mailboxes.Single().Address);
        Assert.Contains("The reviewer said:\nSay which wards the patrols covered.", back.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var ok = Assert.Single(messages, m => m.Subject!.StartsWith("Approved: The update on ", StringComparison.Ordinal));
        Assert.Equal(writer, ok.To.Mailboxes.Single().Address);
        // Each links to the update's own page.
        Assert.Contains($"Change it on Scrutineer:\n{page}\n", back.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"See it on Scrutineer:\n{page}\n", ok.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.All(messages, m => Assert.DoesNotContain("CANARY", m.TextBody + m.HtmlBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_TellsEveryAccountWithAnAddress_OnceWithinTheWeek()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        await using var smtp = await SmtpTestServer.StartAsync();

        // The test clock stands at Friday 12 January 2024: the round is published that day.
        Assert.Equal(0, (await Cli.RunAsync("round", "close", "--period", "Q4 2023/24", "--db", store.DbArgument)).ExitCode);
        var publish = await Cli.RunAsync("round", "publish", "--period", "Q4 2023/24", "--accept-outstanding", "--db", store.DbArgument);
        var monday = await RunAsync(store, smtp, "notify", "run", "--today", "2024-01-15");
        var tuesday = await RunAsync(store, smtp, "notify", "run", "--today", "2024-01-16");

        Assert.True(publish.ExitCode == 0, publish.Error);
        Assert.True(monday.ExitCode == 0 && tuesday.ExitCode == 0, monday.Error + tuesday.Error);
        int withAddress;
        await using (var db = store.Open())
        {
            withAddress = await db.Accounts.CountAsync(a => a.Email != null && !a.IsDisabled);
        }

        var messages = smtp.Received().Where(m => m.Subject!.StartsWith("Published:", StringComparison.Ordinal)).ToList();
        Assert.Equal(withAddress, messages.Count);
        Assert.All(messages, m => Assert.Equal("Published: the Q4 2023/24 round", m.Subject));
        Assert.Equal(withAddress, messages.Select(m => m.To.Mailboxes.Single().Address).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("was published on Friday 12 January 2024", messages[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("Nothing new is due on Tuesday 16 January 2024.", tuesday.Out, StringComparison.Ordinal);
        Assert.All(smtp.Received().Where(m => !m.Subject!.StartsWith("Published:", StringComparison.Ordinal)), m => Assert.StartsWith("Past due:", m.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_DeliveryTasksPastDue_TellTheirStrandLeadOnceAMonth()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        await using var smtp = await SmtpTestServer.StartAsync();
        var today = new DateOnly(2024, 4, 10);
        int pastDue;
        await using (var db = store.Open())
        {
            var lead = await db.Accounts.SingleAsync(a => a.UserName == "lead.strand");
            var tasks = await db.DeliveryTasks.Include(t => t.Plan).Where(t => t.Status != Domain.Delivery.DeliveryTaskStatus.Complete && t.DuplicateOf == null).ToListAsync();
            pastDue = tasks.Count(t => lead.StrandIds.Contains(t.Plan.StrandId) && t.Due.Date is { } due && due < today);
        }

        var first = await RunAsync(store, smtp, "notify", "run", "--today", "2024-04-10");
        var again = await RunAsync(store, smtp, "notify", "run", "--today", "2024-04-11");

        Assert.True(pastDue > 0, "the demo's strand lead should have delivery tasks past due on 10 April 2024");
        Assert.True(first.ExitCode == 0 && again.ExitCode == 0, first.Error + again.Error);
        var message = Assert.Single(smtp.Received());
        Assert.Equal("omar.patel@demo-force.example", message.To.Mailboxes.Single().Address);
        Assert.Equal($"Past due: {pastDue} delivery tasks in your strands' delivery plans", message.Subject);
        Assert.Contains("Nothing new is due on Thursday 11 April 2024.", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Preferences_AKindTurnedOffIsNotQueued_AndADigestAccountGetsOneEmailForAllItsNotices()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        await using var smtp = await SmtpTestServer.StartAsync();
        await using (var db = store.Open())
        {
            (await db.Accounts.SingleAsync(a => a.UserName == "contributor.north")).ChooseNotices([], digest: true);
            (await db.Accounts.SingleAsync(a => a.UserName == "contributor.scd")).ChooseNotices([Domain.Notifications.NoticeKind.Reminder], digest: false);
            await db.SaveChangesAsync();
        }

        // Queued with email off on Thursday and Friday (the deadline), then sent on Saturday, when nothing new is due.
        var thursday = await Cli.RunAsync("notify", "run", "--today", "2024-04-18", "--db", store.DbArgument);
        var friday = await Cli.RunAsync("notify", "run", "--today", "2024-04-19", "--db", store.DbArgument);
        // The digest goes from Notify:DigestTime (UK time) on: midnight, so the run sends it whatever the hour.
        var saturday = await RunAsync(store, smtp, new Dictionary<string, string> { ["Notify__DigestTime"] = "00:00" }, "notify", "run", "--today", "2024-04-20");

        Assert.True(thursday.ExitCode == 0 && friday.ExitCode == 0 && saturday.ExitCode == 0, thursday.Error + friday.Error + saturday.Error);
        var messages = smtp.Received();
        var north = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "rita.hale@demo-force.example");
        Assert.Equal("Your Scrutineer notices: 2", north.Subject);
        Assert.Contains("REMINDER: 1 UPDATE FOR THE Q4 2023/24 ROUND", north.TextBody, StringComparison.Ordinal);
        Assert.Contains("DUE TODAY: 1 UPDATE FOR THE Q4 2023/24 ROUND", north.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, north.Headers.Count(h => h.Field == "X-Scrutineer-Notice"));
        var scd = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "sam.okafor@demo-force.example");
        Assert.StartsWith("Due today: ", scd.Subject, StringComparison.Ordinal);
        Assert.Contains($"Sent {messages.Sum(m => m.Headers.Count(h => h.Field == "X-Scrutineer-Notice"))} notices through", saturday.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(messages, m => m.Subject!.StartsWith("Reminder:", StringComparison.Ordinal) && m.To.Mailboxes.Single().Address == "sam.okafor@demo-force.example");
    }

    [Fact]
    public async Task Preview_ShowsTheEmailWithoutQueuingIt_AndSaysWhenNothingIsDue()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);

        var reminder = await Cli.RunAsync("notify", "preview", "--event", "reminder", "--to", "contributor.north", "--today", "2024-04-18", "--db", store.DbArgument);
        var early = await Cli.RunAsync("notify", "preview", "--event", "reminder", "--to", "contributor.north", "--today", "2024-04-08", "--db", store.DbArgument);
        var unknown = await Cli.RunAsync("notify", "preview", "--event", "birthday", "--to", "contributor.north", "--db", store.DbArgument);
        var submitted = await Cli.RunAsync("notify", "preview", "--event", "submitted", "--to", "reviewer", "--db", store.DbArgument);
        var approved = await Cli.RunAsync("notify", "preview", "--event", "approved", "--to", "contributor.north", "--db", store.DbArgument);
        var opened = await Cli.RunAsync("notify", "preview", "--event", "round-opened", "--to", "contributor.north", "--db", store.DbArgument);
        var pack = await Cli.RunAsync("notify", "preview", "--event", "report-pack", "--to", "contributor.north", "--db", store.DbArgument);

        Assert.True(submitted.ExitCode == 0, submitted.Error);
        Assert.StartsWith("(No 'Work submitted for your review (reviewers)' notice has been made for reviewer yet. This example is built from the latest work in their scope; nothing is saved or sent.)", submitted.Out, StringComparison.Ordinal);
        Assert.Contains("Subject: Waiting for your review: ", submitted.Out, StringComparison.Ordinal);
        Assert.Contains("was submitted for review by", submitted.Out, StringComparison.Ordinal);
        Assert.Contains("Subject: Approved: ", approved.Out, StringComparison.Ordinal);
        Assert.Contains("It will be published with the round.", approved.Out, StringComparison.Ordinal);
        Assert.Contains("Subject: Round open: ", opened.Out, StringComparison.Ordinal);
        Assert.Contains("No notice of the kind", pack.Out, StringComparison.Ordinal);

        Assert.True(reminder.ExitCode == 0, reminder.Error);
        Assert.Equal("To: rita.hale@demo-force.example", reminder.Lines[0]);
        Assert.Equal("Subject: Reminder: 1 update for the Q4 2023/24 round due by Friday 19 April 2024", reminder.Lines[1]);
        Assert.Contains("Dear Rita Hale,", reminder.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing of that kind is due for contributor.north on Monday 8 April 2024.", early.Out, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("--event 'birthday' is not a notice. Give reminder, deadline-today, overdue,", unknown.Error, StringComparison.Ordinal);
        await using var db = store.Open();
        Assert.Equal(0, await db.Notices.CountAsync());
    }

    /// <summary>Commentary marked OFFICIAL-SENSITIVE on every update, which no email may carry.</summary>
    private static async Task PlantSensitiveAsync(TestStore store)
    {
        await using var db = store.Open();
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Updates" SET "SensitiveCommentary" = 'CANARY sensitive text'""");
    }

    /// <summary>
    /// Worked out here from the store, apart from the application: for each demo contributor with an email address, the
    /// "commitment for unit (state)" of each update of its units in the open round that is not submitted or approved.
    /// </summary>
    /// <summary>Each contributor's updates and strand narratives not yet submitted in the open round, by email address, as the reminder lists them.</summary>
    private static async Task<Dictionary<string, (List<string> Updates, List<string> Narratives)>> OutstandingByContributorAsync(TestStore store)
    {
        await using var db = store.Open();
        var round = await db.Rounds.Include(r => r.Plan).SingleAsync(r => r.State == RoundState.Open);
        var commitments = await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit")
            .Where(c => c.Priority.PlanId == round.PlanId).ToListAsync();
        var updates = await db.Updates.Where(u => u.RoundId == round.Id).Select(u => new { u.CommitmentId, u.UnitId, u.State }).ToListAsync();
        var accounts = await db.Accounts.Where(a => a.Email != null && !a.IsDisabled).ToListAsync();
        var narratives = await db.StrandNarratives.Where(n => n.RoundId == round.Id).ToDictionaryAsync(n => n.StrandId, n => n.State);
        var strands = await db.Strands.OrderBy(s => s.Position).Select(s => new { s.Id, s.Title }).ToListAsync();
        var result = new Dictionary<string, (List<string>, List<string>)>(StringComparer.Ordinal);
        foreach (var account in accounts.Where(a => a.Role == Domain.Accounts.Role.Contributor))
        {
            var lines = new List<string>();
            foreach (var commitment in commitments.OrderBy(c => c.Priority.Number).ThenBy(c => c.Id))
            {
                foreach (var unit in commitment.Units.Where(u => account.UnitIds.Contains(u.Id)))
                {
                    var state = updates.SingleOrDefault(u => u.CommitmentId == commitment.Id && u.UnitId == unit.Id)?.State;
                    if (state is null or UpdateState.Draft or UpdateState.Returned)
                    {
                        lines.Add($"{commitment.Reference} for {unit.Name} ({state switch { null => "not started", UpdateState.Draft => "draft", _ => "returned to you" }})");
                    }
                }
            }

            var theirs = strands.Where(s => account.StrandIds.Contains(s.Id))
                .Select(s => (s.Title, State: narratives.TryGetValue(s.Id, out var state) ? state : (UpdateState?)null))
                .Where(s => s.State is null or UpdateState.Draft or UpdateState.Returned)
                .Select(s => $"{s.Title} ({s.State switch { null => "not started", UpdateState.Draft => "draft", _ => "returned to you" }})")
                .ToList();
            if (lines.Count + theirs.Count > 0)
            {
                result[account.Email!] = (lines, theirs);
            }
        }

        return result;
    }

    private static Task<CliRun> RunAsync(TestStore store, SmtpTestServer smtp, params string[] args) => RunAsync(store, smtp, new Dictionary<string, string>(), args);

    /// <summary>Runs the built command line as its own process with the mail server's settings (and <paramref name="extra"/>) in its environment.</summary>
    private static async Task<CliRun> RunAsync(TestStore store, SmtpTestServer smtp, IReadOnlyDictionary<string, string> extra, params string[] args)
    {
        var host = Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "scrutineer.dll"));
        foreach (var arg in args.Concat(["--db", store.DbArgument]))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in smtp.Settings.Concat(extra))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("scrutineer did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
