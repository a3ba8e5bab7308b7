using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Notifications;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Notifications;

/// <summary>
/// Works out the round notices due on a working day and puts them in the outbox, each event and recipient once (its key
/// is unique in the store, so a second run, or a run on another host, adds nothing). For every open round:
/// <list type="bullet">
/// <item>from <see cref="NotifySettings.ReminderWorkingDays"/> working days before the deadline, one reminder to each
/// contributor whose units have updates not yet submitted, naming them;</item>
/// <item>on the deadline day, one more;</item>
/// <item>after it, one saying they are overdue;</item>
/// <item>from <see cref="NotifySettings.EscalateAfterWorkingDays"/> working days after it, one to each analyst naming the
/// units still overdue.</item>
/// </list>
/// Nothing is queued on a weekend or bank holiday (<see cref="WorkingDays"/>); accounts that are disabled or have no email
/// address get nothing. The text names commitments and units only: never commentary.
/// </summary>
public static class NoticesDue
{
    /// <summary>Queues what is due on <paramref name="today"/>; returns how many notices were added.</summary>
    public static async Task<int> QueueAsync(ScrutineerDb db, DateOnly today, NotifySettings settings, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (!WorkingDays.IsWorkingDay(today))
        {
            return 0;
        }

        var rounds = await db.Rounds.AsNoTracking().Where(r => r.State == RoundState.Open).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        if (rounds.Count == 0)
        {
            return 0;
        }

        var accounts = (await db.Accounts.AsNoTracking().Where(a => !a.IsDisabled && a.Email != null).ToListAsync(cancellationToken))
            .OrderBy(a => a.Id).ToList();
        var unitIds = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.ShortName, u => u.Id, StringComparer.Ordinal, cancellationToken);
        var added = 0;
        foreach (var round in rounds)
        {
            var status = await RoundStatus.ForAsync(db, round, today, cancellationToken);
            var outstanding = status.Lines.Where(l => l.Outstanding).ToList();
            if (outstanding.Count == 0)
            {
                continue;
            }

            var kind = KindOn(round, today, settings);
            if (kind is { } due)
            {
                foreach (var contributor in accounts.Where(a => a.Role == Role.Contributor))
                {
                    var theirs = outstanding.Where(l => unitIds.TryGetValue(l.Unit, out var id) && contributor.UnitIds.Contains(id)).ToList();
                    if (theirs.Count > 0)
                    {
                        added += await AddAsync(db, ToContributor(due, round, contributor, theirs, settings, now), cancellationToken);
                    }
                }
            }

            if (today > round.Deadline && WorkingDays.Between(round.Deadline, today) >= settings.EscalateAfterWorkingDays)
            {
                foreach (var analyst in accounts.Where(a => a.Role == Role.Analyst))
                {
                    added += await AddAsync(db, ToAnalyst(round, analyst, status, settings, now), cancellationToken);
                }
            }
        }

        return added;
    }

    /// <summary>Which contributor notice a day of the round calls for, if any.</summary>
    public static NoticeKind? KindOn(ReportingRound round, DateOnly today, NotifySettings settings) =>
        today == round.Deadline ? NoticeKind.DeadlineToday
        : today > round.Deadline ? NoticeKind.Overdue
        : WorkingDays.Between(today, round.Deadline) <= settings.ReminderWorkingDays ? NoticeKind.Reminder
        : null;

    private static Notice ToContributor(NoticeKind kind, ReportingRound round, UserAccount to, IReadOnlyList<RoundStatusLine> lines, NotifySettings settings, DateTimeOffset now)
    {
        var count = Updates(lines.Count);
        var deadline = round.Deadline.ToString("dddd d MMMM yyyy", EnGb.Culture);
        var (subject, opening) = kind switch
        {
            NoticeKind.Reminder => ($"Reminder: {count} for the {round.Period} round due by {deadline}",
                $"You have {count} for the {round.Period} round that {(lines.Count == 1 ? "has" : "have")} not been submitted. The deadline is {deadline}."),
            NoticeKind.DeadlineToday => ($"Due today: {count} for the {round.Period} round",
                $"Today, {deadline}, is the deadline for the {round.Period} round. You have {count} that {(lines.Count == 1 ? "has" : "have")} not been submitted."),
            _ => ($"Overdue: {count} for the {round.Period} round",
                $"The deadline for the {round.Period} round was {deadline}. You have {count} that {(lines.Count == 1 ? "has" : "have")} not been submitted, so {(lines.Count == 1 ? "it is" : "they are")} overdue."),
        };
        var body = string.Join("\n\n",
            $"Dear {to.DisplayName},",
            opening,
            (lines.Count == 1 ? "The update is:" : "The updates are:") + "\n" + string.Join('\n', lines.Select(l => $"* {l.Commitment} for {l.UnitName} ({Describe(l.State)})")),
            "Write and submit them on Scrutineer:\n" + settings.Link("/updates"),
            $"You are getting this email because you write quarterly updates for {string.Join(", ", lines.Select(l => l.UnitName).Distinct(StringComparer.Ordinal))}. "
                + "To stop getting these emails, ask your Scrutineer administrator.");
        return new Notice($"{Key(kind)}:round-{round.Id}:account-{to.Id}", kind, to.Id, to.Email!, subject, body, settings.Link("/updates"), now);
    }

    private static Notice ToAnalyst(ReportingRound round, UserAccount to, RoundStatus status, NotifySettings settings, DateTimeOffset now)
    {
        var units = status.OverdueUnits;
        var deadline = round.Deadline.ToString("dddd d MMMM yyyy", EnGb.Culture);
        var total = units.Sum(u => u.Overdue);
        var body = string.Join("\n\n",
            $"Dear {to.DisplayName},",
            $"{units.Count.ToString(CultureInfo.InvariantCulture)} unit{(units.Count == 1 ? " has" : "s have")} {Updates(total)} still overdue for the {round.Period} round, "
                + $"whose deadline was {deadline}.",
            "Units with overdue updates:\n" + string.Join('\n', units.Select(u => $"* {u.Name}: {Updates(u.Overdue)}")),
            "See the round and chase them on Scrutineer:\n" + settings.Link($"/rounds/{round.Id}"),
            $"You are getting this email because you are an analyst and updates are overdue {settings.EscalateAfterWorkingDays} working days after the deadline. "
                + "To stop getting these emails, ask your Scrutineer administrator.");
        return new Notice($"escalation:round-{round.Id}:account-{to.Id}", NoticeKind.Escalation, to.Id, to.Email!,
            $"Escalation: {Updates(total)} overdue in the {round.Period} round", body, settings.Link($"/rounds/{round.Id}"), now);
    }

    /// <summary>Adds the notice unless its key is already in the outbox; 1 when added.</summary>
    private static Task<int> AddAsync(ScrutineerDb db, Notice notice, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO "Notices" ("Key", "Kind", "AccountId", "Email", "Subject", "Body", "Link", "CreatedAt", "State", "Attempts", "ClaimedUntil")
            VALUES ({notice.Key}, {notice.Kind.ToString()}, {notice.AccountId}, {notice.Email}, {notice.Subject}, {notice.Body}, {notice.Link},
                    {notice.CreatedAt}, {NoticeState.Pending.ToString()}, 0, 0)
            ON CONFLICT ("Key") DO NOTHING
            """, cancellationToken);

    private static string Key(NoticeKind kind) => kind switch
    {
        NoticeKind.Reminder => "reminder",
        NoticeKind.DeadlineToday => "deadline",
        NoticeKind.Overdue => "overdue",
        NoticeKind.Escalation => "escalation",
        NoticeKind.Submitted => "submitted",
    };

    private static string Updates(int count) => count == 1 ? "1 update" : $"{count.ToString(CultureInfo.InvariantCulture)} updates";

    private static string Describe(UpdateState? state) => state switch
    {
        null => "not started",
        UpdateState.Draft => "draft",
        UpdateState.Returned => "returned to you",
        _ => state.Value.ToString().ToLowerInvariant(),
    };
}
