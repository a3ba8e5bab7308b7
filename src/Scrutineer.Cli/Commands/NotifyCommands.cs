using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Notifications;
using Scrutineer.Application.Reports;
using Scrutineer.Cli.Output;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Notifications;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Cli.Commands;

/// <summary>
/// <c>scrutineer notify run [--today YYYY-MM-DD]</c> queues the notices due and sends the outbox over SMTP (safe from
/// cron, and on two hosts at once); <c>notify list [--state pending|sent|dead]</c> shows the outbox; <c>notify retry
/// [--id N]</c> puts notices from the dead-letter list back in it.
/// </summary>
internal static class NotifyCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var notify = new Command("notify", "Email reminders and escalations: work out what is due, send it, preview it, and list the outbox.") { Run(context), List(context), Preview(context), Retry(context) };
        yield return notify;
    }

    private static Command Run(CliContext context)
    {
        var today = new Option<string?>("--today") { Description = "Work out what is due as of this date, YYYY-MM-DD (default: today in the UK)." };
        var command = new Command("run", "Queue the reminders, deadline, overdue and escalation emails due today (each once), then send what waits in the outbox. "
            + "Mail server: Smtp__Host, Smtp__Port, Smtp__Security, Smtp__User, Smtp__Password, Smtp__From in the environment.") { today };
        command.SetAction(async (parse, ct) =>
        {
            var smtp = SmtpSettings.FromEnvironment();
            var settings = NotifySettings.FromEnvironment();
            var day = parse.GetValue(today) is { } t ? CliOptions.ParseDate(t, "--today") : UkClock.Today(context.Clock);
            // Each notice is queued once: a mistyped year would spend a round's reminders and escalations for good.
            AtMostAYearAhead(day, context.Clock);
            await using var db = await context.OpenStoreAsync(parse, ct);
            await using var chromium = new ChromiumPool(PdfPrintLimits.Default with { Prints = 1 }); // one browser for every PDF pack of the run, started only if one is due
            var queued = await NoticesDue.QueueAsync(db, day, settings, context.Clock.GetUtcNow(), ct, chromium);
            var dayText = day.ToString("dddd d MMMM yyyy", EnGb.Culture);
            await context.Out.WriteLineAsync(queued > 0 ? $"Queued {Notices(queued)} due on {dayText}."
                : WorkingDays.IsWorkingDay(day) ? $"Nothing new is due on {dayText}."
                : $"Nothing new is due on {dayText}. It is not a working day in England and Wales (a weekend or bank holiday), so no reminders or packs are worked out for it.");
            if (!smtp.IsOn)
            {
                var waiting = await db.Notices.CountAsync(n => n.State == NoticeState.Pending, ct);
                await context.Out.WriteLineAsync($"Email is off (Smtp__Host is not set): {Notices(waiting)} {(waiting == 1 ? "waits" : "wait")} in the outbox.");
                return 0;
            }

            var (sent, failed, dead) = await MailDelivery.SendDueAsync(db, smtp, settings, context.Clock, ct);
            await context.Out.WriteLineAsync($"Sent {Notices(sent)} through {smtp.Host}:{smtp.Port}.");
            if (failed + dead > 0)
            {
                await context.Error.WriteLineAsync($"{Notices(failed)} could not be sent and will be tried again; {dead} went on the dead-letter list. "
                    + (failed > 0 ? "See why: scrutineer notify list --state pending" : "See why: scrutineer notify list --state dead"));
                return 1;
            }

            return 0;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var state = new Option<NoticeState?>("--state") { Description = "Only notices in this state: pending, sent or dead." };
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first.", DefaultValueFactory = _ => 50 };
        var format = Listing.FormatOption();
        var command = new Command("list", "List the notification outbox, newest first: what was sent to whom, what waits, and the dead-letter list.") { state, limit, format };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(limit) < 1)
            {
                throw new CliException($"--limit must be 1 or more, not {parse.GetValue(limit)}.");
            }

            await using var db = await context.OpenStoreAsync(parse, ct);
            var query = db.Notices.AsNoTracking();
            if (parse.GetValue(state) is { } only)
            {
                query = query.Where(n => n.State == only);
            }

            var notices = await query.OrderByDescending(n => n.Id).Take(parse.GetValue(limit)).ToListAsync(ct);
            var listing = new Listing("Id", "State", "Kind", "To", "Subject", "Created", "Sent", "Attempts", "Last error");
            foreach (var n in notices)
            {
                listing.Add(n.Id, n.State.ToString().ToLowerInvariant(), CliOptions.Kebab(n.Kind.ToString()), n.Email, n.Subject, n.CreatedAt.ToString("yyyy-MM-dd HH:mm", EnGb.Culture),
                    n.SentAt?.ToString("yyyy-MM-dd HH:mm", EnGb.Culture) ?? "", n.Attempts, n.LastError ?? "");
            }

            listing.Write(context.Out, parse.GetValue(format));
            return 0;
        });
        return command;
    }

    private static Command Retry(CliContext context)
    {
        var id = new Option<int?>("--id") { Description = "Only this notice (its Id in notify list); default: every notice on the dead-letter list." };
        var command = new Command("retry", "Put notices from the dead-letter list back in the outbox, once their cause is mended; the next notify run sends them.") { id };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var count = await DeadLetters.RetryAsync(db, parse.GetValue(id), ct);
            await context.Out.WriteLineAsync(count == 0
                ? "The dead-letter list is empty: nothing to send again."
                : $"{Notices(count)} back in the outbox: the next 'scrutineer notify run' sends {(count == 1 ? "it" : "them")}.");
            return 0;
        });
        return command;
    }

    private static Command Preview(CliContext context)
    {
        var kind = new Option<NoticeKind>("--event")
        {
            Description = "Which notice: reminder, deadline-today, overdue, escalation, submitted, returned, approved, published, tasks-past-due, round-opened or report-pack.",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                var match = Enum.GetValues<NoticeKind>().Where(k => string.Equals(k.ToString(), text.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)).ToList();
                if (match.Count == 1)
                {
                    return match[0];
                }

                result.AddError($"--event '{text}' is not a notice. Give reminder, deadline-today, overdue, escalation, submitted, returned, approved, published, tasks-past-due, round-opened or report-pack.");
                return default;
            },
        };
        var to = new Option<string>("--to") { Description = "The user name of the person it would go to.", Required = true };
        var today = new Option<string?>("--today") { Description = "As of this date, YYYY-MM-DD (default: today in the UK)." };
        var command = new Command("preview", "Show the email a person would get for a notice, without sending or queuing anything.") { kind, to, today };
        command.SetAction(async (parse, ct) =>
        {
            var day = parse.GetValue(today) is { } t ? CliOptions.ParseDate(t, "--today") : UkClock.Today(context.Clock);
            AtMostAYearAhead(day, context.Clock);
            await using var db = await context.OpenStoreAsync(parse, ct);
            var account = await Application.Accounts.AccountAdministration.FindAsync(db, parse.GetValue(to), ct);
            var which = parse.GetValue(kind);
            var dayText = day.ToString("dddd d MMMM yyyy", EnGb.Culture);
            Notice? notice;
            if (which is NoticeKind.Submitted or NoticeKind.Returned or NoticeKind.Approved or NoticeKind.RoundOpened or NoticeKind.ReportPack)
            {
                notice = await db.Notices.AsNoTracking().Where(n => n.AccountId == account.Id && n.Kind == which).OrderByDescending(n => n.Id).FirstOrDefaultAsync(ct);
                if (notice is null)
                {
                    // None made yet: an example by the same rule, from the latest work in the account's scope (never saved).
                    notice = await NoticeExamples.BuildAsync(db, account, which, NotifySettings.FromEnvironment(), context.Clock.GetUtcNow(), ct);
                    if (notice is null)
                    {
                        await context.Out.WriteLineAsync(account.Email is null
                            ? $"Nothing: {account.UserName} has no email address, so no notices are made for them (user set-email)."
                            : !account.Wants(which) ? $"Nothing: {account.UserName} has turned '{NoticeKindNames.Of(which)}' notices off."
                            : $"No notice of the kind '{NoticeKindNames.Of(which)}' has been made for {account.UserName} yet, and nothing in their scope to show one from: it is made when the change happens.");
                        return 0;
                    }

                    await context.Out.WriteLineAsync($"(No '{NoticeKindNames.Of(which)}' notice has been made for {account.UserName} yet. This example is built from the latest work in their scope; nothing is saved or sent.)");
                }
            }
            else
            {
                var due = await NoticesDue.PreviewAsync(db, day, NotifySettings.FromEnvironment(), context.Clock.GetUtcNow(), ct);
                notice = due.FirstOrDefault(n => n.AccountId == account.Id && n.Kind == which);
                if (notice is null)
                {
                    await context.Out.WriteLineAsync(account.Email is null
                        ? $"Nothing: {account.UserName} has no email address, so no notices are made for them (user set-email)."
                        : $"Nothing of that kind is due for {account.UserName} on {dayText}.");
                    return 0;
                }
            }

            if (!account.Wants(which))
            {
                await context.Out.WriteLineAsync($"({account.UserName} has turned these notices off, so it would not be sent.)");
            }

            var message = MailDelivery.Message(notice, SmtpSettings.FromEnvironment());
            await context.Out.WriteLineAsync($"To: {notice.Email}");
            await context.Out.WriteLineAsync($"Subject: {notice.Subject}");
            await context.Out.WriteLineAsync();
            await context.Out.WriteLineAsync(message.TextBody);
            return 0;
        });
        return command;
    }

    /// <exception cref="CliException"><paramref name="day"/> is more than a year after today.</exception>
    private static void AtMostAYearAhead(DateOnly day, TimeProvider clock)
    {
        var latest = UkClock.Today(clock).AddYears(1);
        if (day > latest)
        {
            throw new CliException($"--today {day.ToString("d MMMM yyyy", EnGb.Culture)} is more than a year ahead: give a day up to {latest.ToString("d MMMM yyyy", EnGb.Culture)}.");
        }
    }

    private static string Notices(int count) => count == 1 ? "1 notice" : $"{count} notices";
}
