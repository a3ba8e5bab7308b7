using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Reports;
using Scrutineer.Application.Security;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Notifications;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Notifications;

/// <summary>
/// Puts the scheduled report packs that are due in the outbox, each schedule and trigger once: for a schedule on
/// publication, each round published in the seven days to today and since the schedule was made; for one on a date,
/// the latest round published by that date, on the date (or the first working day after it, within the week); when no
/// round was published by then, the analyst who made the schedule is told why nothing went. The
/// report is written by the catalogue's renderers and attached; its marking is in the subject line and the email's own
/// text is OFFICIAL. The version is checked against the list again here (<see cref="ReportSchedules.Refusal"/>): a
/// list no longer cleared gets no report, only a withheld notice on the dead-letter list saying why; and again just
/// before sending (<see cref="WithheldBecauseAsync"/>).
/// </summary>
public static class ReportPacks
{
    /// <summary>Queues the packs due on <paramref name="today"/>, PDFs printed through <paramref name="chromium"/> when given; returns how many notices were added.</summary>
    public static async Task<int> QueueAsync(ScrutineerDb db, DateOnly today, NotifySettings settings, DateTimeOffset now, CancellationToken cancellationToken = default, ChromiumPool? chromium = null)
    {
        var schedules = await db.ReportSchedules.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        if (schedules.Count == 0)
        {
            return 0;
        }

        var published = (await db.Rounds.AsNoTracking().Include(r => r.Plan).Where(r => r.State == RoundState.Published).ToListAsync(cancellationToken))
            .Where(r => UkClock.DateOf(r.PublishedAt!.Value) <= today).ToList();
        var added = 0;
        foreach (var schedule in schedules)
        {
            if (schedule.Trigger == ReportTrigger.OnDate && schedule.SendOn is { } day && day <= today && day > today.AddDays(-7)
                && !published.Any(r => UkClock.DateOf(r.PublishedAt!.Value) <= day))
            {
                added += await QueueNothingToSendAsync(db, schedule, day, settings, now, cancellationToken);
                continue;
            }

            var due = schedule.Trigger == ReportTrigger.OnPublication
                ? published.Where(r => r.PublishedAt >= schedule.CreatedAt && UkClock.DateOf(r.PublishedAt!.Value) > today.AddDays(-7))
                    .OrderBy(r => r.Id).Select(r => (Round: r, Key: $"report-pack:schedule-{Id(schedule.Id)}:round-{Id(r.Id)}")).ToList()
                : schedule.SendOn is { } on && on <= today && on > today.AddDays(-7)
                    && published.Where(r => UkClock.DateOf(r.PublishedAt!.Value) <= on).OrderByDescending(r => r.Period).ThenByDescending(r => r.Id).FirstOrDefault() is { } latest
                    ? [(latest, $"report-pack:schedule-{Id(schedule.Id)}:{on:yyyy-MM-dd}")]
                    : [];
            foreach (var (round, key) in due)
            {
                added += await QueueOneAsync(db, schedule, round, key, settings, now, chromium, cancellationToken);
            }
        }

        return added;
    }

    /// <summary>
    /// Why a claimed report pack may not be sent now, or null when it may: its schedule was removed, or the full version
    /// goes to a recipient no longer cleared to read it (a plain address never is).
    /// </summary>
    public static async Task<string?> WithheldBecauseAsync(ScrutineerDb db, Notice notice, CancellationToken cancellationToken = default)
    {
        if (notice.ReportScheduleId is not { } id)
        {
            return null;
        }

        var schedule = await db.ReportSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (schedule is null)
        {
            return "Withheld: the report schedule was removed before the pack was sent.";
        }

        var account = notice.AccountId is { } accountId ? await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken) : null;
        var refusal = ReportSchedules.Refusal(ReportCatalogue.Find(schedule.Report)!, schedule.Version,
            account is null ? [] : [account], account is null ? [notice.Email] : []);
        return refusal is null ? null : "Withheld: " + refusal;
    }

    private static async Task<int> QueueOneAsync(ScrutineerDb db, ReportSchedule schedule, ReportingRound round, string key, NotifySettings settings, DateTimeOffset now, ChromiumPool? chromium, CancellationToken cancellationToken)
    {
        var kind = ReportCatalogue.Find(schedule.Report) ?? throw new DomainException($"Report schedule {Id(schedule.Id)} names no report the catalogue offers ('{schedule.Report}').");
        var ids = schedule.AccountIds;
        var accounts = (await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken)).OrderBy(a => a.Id).ToList();
        var recipients = accounts.Where(a => !a.IsDisabled && a.Email is not null).Select(a => (Account: (UserAccount?)a, Email: a.Email!, Key: $"{key}:account-{Id(a.Id)}"))
            .Concat(schedule.Addresses.Select(a => (Account: (UserAccount?)null, Email: a, Key: $"{key}:to-{Hash(a)}")))
            .ToList();
        var keys = recipients.Select(r => r.Key).ToList();
        var queued = await db.Notices.AsNoTracking().Where(n => keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(cancellationToken);
        var waiting = recipients.Where(r => !queued.Contains(r.Key, StringComparer.Ordinal)).ToList();
        if (waiting.Count == 0)
        {
            return 0;
        }

        var entry = new ReportCatalogue.Entry(kind, Enum.Parse<ReportFormat>(schedule.Format, ignoreCase: true), schedule.Version);
        var version = ReportSchedules.VersionName(schedule.Version);
        var refusal = ReportSchedules.Refusal(kind, schedule.Version, accounts, schedule.Addresses);
        byte[]? content = null;
        var classification = Classification.Official;
        if (refusal is null)
        {
            using var output = new MemoryStream();
            var reader = schedule.Version == ReportVersion.Full ? Reader.Operator : Reader.Public;
            var document = await ReportCatalogue.WriteAsync(db, entry, round.Period, reader, now, output, round.Plan.Title, cancellationToken, chromium: chromium);
            content = output.ToArray();
            classification = document.Classification;
        }

        var added = 0;
        var scheduledBy = await ActorNames.OfAsync(db, schedule.CreatedBy, cancellationToken);
        foreach (var (account, email, recipientKey) in waiting)
        {
            var body = string.Join("\n\n",
                account is null ? "Hello," : $"Dear {account.DisplayName},",
                $"{kind.Name}, for the {round.Period} round ({version} version) is attached as {(schedule.Format.Equals("html", StringComparison.OrdinalIgnoreCase) ? "an" : "a")} {schedule.Format.ToUpperInvariant()} file. "
                    + $"The attachment is marked {classification.Marking()}: handle it as its marking requires.",
                "Read the reports on Scrutineer:\n" + settings.Link("/reports"),
                $"You are getting this email because {scheduledBy} put you on the distribution list of a scheduled report ({ReportSchedules.Describe(schedule)}). "
                    + "To come off it, ask the Performance Analysis Unit to change the schedule.");
            var notice = new Notice(recipientKey, NoticeKind.ReportPack, account?.Id, email,
                $"Report pack: {kind.Name}, {round.Period} ({version} version), attachment marked {classification.Marking()}", body, settings.Link("/reports"), now);
            if (content is null)
            {
                notice.Withhold("Withheld: " + refusal);
            }
            else
            {
                notice.Attach(entry.FileName(round.Period).Replace('/', '-'), content, classification, schedule.Id);
            }

            added += await NoticesDue.AddAsync(db, account, notice, cancellationToken);
        }

        return added;
    }

    /// <summary>
    /// A dated pack that has no round to report on (none published by its date) tells the analyst who scheduled it why
    /// nothing went, once, rather than sending nothing in silence; every analyst when that account can no longer be reached.
    /// </summary>
    private static async Task<int> QueueNothingToSendAsync(ScrutineerDb db, ReportSchedule schedule, DateOnly day, NotifySettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var accounts = await db.Accounts.AsNoTracking().Where(a => !a.IsDisabled && a.Email != null && (a.UserName == schedule.CreatedBy || a.Role == Role.Analyst))
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var to = accounts.Where(a => a.UserName == schedule.CreatedBy).ToList() is { Count: > 0 } creator ? creator : accounts.Where(a => a.Role == Role.Analyst).ToList();
        var kind = ReportCatalogue.Find(schedule.Report);
        var added = 0;
        foreach (var account in to)
        {
            var body = string.Join("\n\n",
                $"Dear {account.DisplayName},",
                $"The scheduled report pack ({ReportSchedules.Describe(schedule)}) was not sent: no round had been published by {day.ToString("d MMMM yyyy", EnGb.Culture)}, "
                    + $"so there was no {kind?.Name ?? schedule.Report} to send. Nobody on its distribution list was emailed.",
                "To send it, publish the round and then schedule the report again on a later date, or on each round's publication:\n" + settings.Link("/reports/schedules"),
                "You are getting this email because you scheduled the report pack, or are an analyst and the account that scheduled it can no longer be reached.");
            var notice = new Notice($"report-pack:schedule-{Id(schedule.Id)}:{day:yyyy-MM-dd}:nothing-to-send:account-{Id(account.Id)}", NoticeKind.ReportPack, account.Id, account.Email!,
                $"Scheduled report pack not sent: no round published by {day.ToString("d MMMM yyyy", EnGb.Culture)}", body, settings.Link("/reports/schedules"), now);
            added += await NoticesDue.AddAsync(db, account, notice, cancellationToken);
        }

        return added;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Hash(string address) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.ToLowerInvariant())))[..16];
}
