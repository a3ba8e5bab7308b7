using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Reports;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Delivery;
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
/// Also: a round published in the last seven days tells every account (once); delivery tasks past their due date and
/// not complete tell their strand's leads (contributors holding the strand), once a month.
/// Nothing is queued on a weekend or bank holiday (<see cref="WorkingDays"/>); accounts that are disabled or have no email
/// address get nothing. The text names commitments and units only: never commentary.
/// </summary>
public static class NoticesDue
{
    /// <summary>
    /// Queues what is due on <paramref name="today"/>; returns how many notices were added. Report packs in PDF print
    /// through <paramref name="chromium"/> when given (the web server's warm pool), else a Chromium started for them.
    /// </summary>
    public static async Task<int> QueueAsync(ScrutineerDb db, DateOnly today, NotifySettings settings, DateTimeOffset now, CancellationToken cancellationToken = default, ChromiumPool? chromium = null) =>
        await WorkOutAsync(db, today, settings, now, (to, notice) => AddAsync(db, to, notice, cancellationToken), cancellationToken)
        + (WorkingDays.IsWorkingDay(today) ? await ReportPacks.QueueAsync(db, today, settings, now, cancellationToken, chromium) : 0);

    /// <summary>What is due on <paramref name="today"/>, whether or not already queued or turned off, without queuing anything (<c>notify preview</c>).</summary>
    public static async Task<IReadOnlyList<Notice>> PreviewAsync(ScrutineerDb db, DateOnly today, NotifySettings settings, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var due = new List<Notice>();
        await WorkOutAsync(db, today, settings, now, (_, notice) => { due.Add(notice); return Task.FromResult(1); }, cancellationToken);
        return due;
    }

    private static async Task<int> WorkOutAsync(ScrutineerDb db, DateOnly today, NotifySettings settings, DateTimeOffset now, Func<UserAccount?, Notice, Task<int>> add, CancellationToken cancellationToken)
    {
        if (!WorkingDays.IsWorkingDay(today))
        {
            return 0;
        }

        var rounds = await db.Rounds.AsNoTracking().Where(r => r.State == RoundState.Open).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var accounts = (await db.Accounts.AsNoTracking().Where(a => !a.IsDisabled && a.Email != null).ToListAsync(cancellationToken))
            .OrderBy(a => a.Id).ToList();
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.ShortName, StringComparer.Ordinal, cancellationToken);
        var unitIds = units.ToDictionary(u => u.Key, u => u.Value.Id, StringComparer.Ordinal);
        var added = 0;
        foreach (var round in rounds)
        {
            var status = await RoundStatus.ForAsync(db, round, today, cancellationToken);
            var outstanding = status.Lines.Where(l => l.Outstanding).ToList();
            var narratives = await NarrativesToWrite.ForAsync(db, round, cancellationToken);
            if (outstanding.Count == 0 && narratives.Count == 0)
            {
                continue;
            }

            var kind = KindOn(round, today, settings);
            if (kind is { } due)
            {
                foreach (var contributor in accounts.Where(a => a.Role == Role.Contributor))
                {
                    var theirs = outstanding.Where(l => unitIds.TryGetValue(l.Unit, out var id) && contributor.UnitIds.Contains(id)).ToList();
                    var strands = narratives.Where(n => contributor.StrandIds.Contains(n.StrandId)).ToList();
                    if (theirs.Count + strands.Count > 0)
                    {
                        added += await add(contributor, ToContributor(due, round, contributor, theirs, strands, settings, now));
                    }
                }
            }

            if (today > round.Deadline && WorkingDays.Between(round.Deadline, today) >= settings.EscalateAfterWorkingDays)
            {
                foreach (var analyst in accounts.Where(a => a.Role == Role.Analyst))
                {
                    added += await add(analyst, ToAnalyst(round, analyst, status, narratives, settings, now));
                }

                foreach (var (shortName, _, _) in status.OverdueUnits)
                {
                    if (units.TryGetValue(shortName, out var unit) && unit.HeadEmail is not null)
                    {
                        added += await add(null, ToUnitHead(round, unit, status.Lines.Where(l => l.Overdue && l.Unit == shortName).ToList(), settings, now));
                    }
                }
            }
        }

        added += await PublishedAsync(db, today, accounts, settings, now, add, cancellationToken);
        added += await TasksPastDueAsync(db, today, accounts, settings, now, add, cancellationToken);
        return added;
    }

    /// <summary>Every account is told of a round published in the seven days to <paramref name="today"/>, once.</summary>
    private static async Task<int> PublishedAsync(ScrutineerDb db, DateOnly today, IReadOnlyList<UserAccount> accounts, NotifySettings settings, DateTimeOffset now, Func<UserAccount?, Notice, Task<int>> add, CancellationToken cancellationToken)
    {
        var published = (await db.Rounds.AsNoTracking().Where(r => r.State == RoundState.Published).ToListAsync(cancellationToken))
            .Where(r => r.PublishedAt is { } at && UkClock.DateOf(at) <= today && UkClock.DateOf(at) > today.AddDays(-7))
            .OrderBy(r => r.Id).ToList();
        var added = 0;
        foreach (var round in published)
        {
            foreach (var to in accounts)
            {
                var body = string.Join("\n\n",
                    $"Dear {to.DisplayName},",
                    $"The {round.Period} round was published on {UkClock.DateOf(round.PublishedAt!.Value).ToString("dddd d MMMM yyyy", EnGb.Culture)}. "
                        + "Its approved updates and the board reports built from them are ready to read.",
                    "Read the reports on Scrutineer:\n" + settings.Link("/reports"),
                    "You are getting this email because you have a Scrutineer account. To change which emails you get, or get them as one daily digest, go to:\n" + settings.Link("/account/notices"));
                added += await add(to, new Notice($"published:round-{round.Id}:account-{to.Id}", NoticeKind.Published, to.Id, to.Email!,
                    $"Published: the {round.Period} round", body, settings.Link("/reports"), now));
            }
        }

        return added;
    }

    /// <summary>Each strand lead is told, once a month, of its strands' delivery tasks past their due date and not complete.</summary>
    private static async Task<int> TasksPastDueAsync(ScrutineerDb db, DateOnly today, IReadOnlyList<UserAccount> accounts, NotifySettings settings, DateTimeOffset now, Func<UserAccount?, Notice, Task<int>> add, CancellationToken cancellationToken)
    {
        var leads = accounts.Where(a => a.Role == Role.Contributor && a.StrandIds.Count > 0).ToList();
        if (leads.Count == 0)
        {
            return 0;
        }

        var tasks = (await db.DeliveryTasks.AsNoTracking().Include(t => t.Plan).ThenInclude(p => p.Strand)
                .Where(t => t.Status != DeliveryTaskStatus.Complete && t.DuplicateOf == null).ToListAsync(cancellationToken))
            .Where(t => t.IsPastDue(today))
            .OrderBy(t => t.Due.Date).ThenBy(t => t.Id).ToList();
        var added = 0;
        foreach (var lead in leads)
        {
            var theirs = tasks.Where(t => lead.StrandIds.Contains(t.Plan.StrandId)).ToList();
            if (theirs.Count == 0)
            {
                continue;
            }

            var body = string.Join("\n\n",
                $"Dear {lead.DisplayName},",
                $"{Tasks(theirs.Count)} in the delivery plans of the strands you lead {(theirs.Count == 1 ? "is" : "are")} past {(theirs.Count == 1 ? "its" : "their")} due date and not complete:",
                string.Join('\n', theirs.Take(50).Select(t => $"* {t.Plan.Strand.Title}: task {t.Number.ToString(CultureInfo.InvariantCulture)}, due {t.Due.Date!.Value.ToString("d MMMM yyyy", EnGb.Culture)}"))
                    + (theirs.Count > 50 ? $"\n* and {(theirs.Count - 50).ToString(CultureInfo.InvariantCulture)} more" : ""),
                "Update their status on Scrutineer:\n" + settings.Link("/strategy"),
                "You are getting this email because you lead these strands. To change which emails you get, or get them as one daily digest, go to:\n" + settings.Link("/account/notices"));
            added += await add(lead, new Notice($"tasks-past-due:{today:yyyy-MM}:account-{lead.Id}", NoticeKind.TasksPastDue, lead.Id, lead.Email!,
                $"Past due: {Tasks(theirs.Count)} in your strands' delivery plans", body, settings.Link("/strategy"), now));
        }

        return added;
    }

    private static string Tasks(int count) => count == 1 ? "1 delivery task" : $"{count.ToString(CultureInfo.InvariantCulture)} delivery tasks";

    /// <summary>Which contributor notice a day of the round calls for, if any.</summary>
    public static NoticeKind? KindOn(ReportingRound round, DateOnly today, NotifySettings settings) =>
        today == round.Deadline ? NoticeKind.DeadlineToday
        : today > round.Deadline ? NoticeKind.Overdue
        : WorkingDays.Between(today, round.Deadline) <= settings.ReminderWorkingDays ? NoticeKind.Reminder
        : null;

    private static Notice ToContributor(NoticeKind kind, ReportingRound round, UserAccount to, IReadOnlyList<RoundStatusLine> lines,
        IReadOnlyList<NarrativesToWrite.Line> narratives, NotifySettings settings, DateTimeOffset now)
    {
        var total = lines.Count + narratives.Count;
        var count = Work(lines.Count, narratives.Count);
        var deadline = round.Deadline.ToString("dddd d MMMM yyyy", EnGb.Culture);
        var (subject, opening) = kind switch
        {
            NoticeKind.Reminder => ($"Reminder: {count} for the {round.Period} round due by {deadline}",
                $"You have {count} for the {round.Period} round that {(total == 1 ? "has" : "have")} not been submitted. The deadline is {deadline}."),
            NoticeKind.DeadlineToday => ($"Due today: {count} for the {round.Period} round",
                $"Today, {deadline}, is the deadline for the {round.Period} round. You have {count} that {(total == 1 ? "has" : "have")} not been submitted."),
            _ => ($"Overdue: {count} for the {round.Period} round",
                $"The deadline for the {round.Period} round was {deadline}. You have {count} that {(total == 1 ? "has" : "have")} not been submitted, so {(total == 1 ? "it is" : "they are")} overdue."),
        };
        var body = string.Join("\n\n", new[]
            {
                $"Dear {to.DisplayName},",
                opening,
                lines.Count == 0 ? null
                    : (lines.Count == 1 ? "The update is:" : "The updates are:") + "\n" + string.Join('\n', lines.Select(l => $"* {l.Commitment} for {l.UnitName} ({Describe(l.State)})")),
                NarrativeList(narratives, n => $"* {n.Strand} ({Describe(n.State)})"),
                (total == 1 ? "Write and submit it on Scrutineer:\n" : "Write and submit them on Scrutineer:\n") + settings.Link("/updates"),
                $"You are getting this email because you write {Writes(lines.Select(l => l.UnitName).ToList(), narratives.Select(n => n.Strand).ToList())}. "
                    + "To change which emails you get, or get them as one daily digest, go to:\n" + settings.Link("/account/notices"),
            }.OfType<string>());
        return new Notice($"{Key(kind)}:round-{round.Id}:account-{to.Id}", kind, to.Id, to.Email!, subject, body, settings.Link("/updates"), now);
    }

    /// <summary>"3 updates", "1 strand narrative", "3 updates and 1 strand narrative".</summary>
    internal static string Work(int updates, int narratives) =>
        narratives == 0 ? Updates(updates)
        : (updates == 0 ? "" : Updates(updates) + " and ") + (narratives == 1 ? "1 strand narrative" : $"{narratives.ToString(CultureInfo.InvariantCulture)} strand narratives");

    /// <summary>The paragraph listing the strand narratives to write, or null when there are none.</summary>
    internal static string? NarrativeList<T>(IReadOnlyList<T> narratives, Func<T, string> line) =>
        narratives.Count == 0 ? null
            : (narratives.Count == 1 ? "The strand narrative is:" : "The strand narratives are:") + "\n" + string.Join('\n', narratives.Select(line));

    /// <summary>Why a writer is told: "quarterly updates for A and B", "the strand narrative of C", or both.</summary>
    internal static string Writes(IReadOnlyList<string> units, IReadOnlyList<string> strands)
    {
        var parts = new List<string>();
        if (units.Count > 0)
        {
            parts.Add("quarterly updates for " + EnGb.List(units.Distinct(StringComparer.Ordinal).ToList()));
        }

        if (strands.Count > 0)
        {
            parts.Add((strands.Count == 1 ? "the strand narrative of " : "the strand narratives of ") + EnGb.List(strands.Distinct(StringComparer.Ordinal).ToList()));
        }

        return string.Join(", and ", parts);
    }

    private static Notice ToAnalyst(ReportingRound round, UserAccount to, RoundStatus status, IReadOnlyList<NarrativesToWrite.Line> narratives, NotifySettings settings, DateTimeOffset now)
    {
        var units = status.OverdueUnits;
        var deadline = round.Deadline.ToString("dddd d MMMM yyyy", EnGb.Culture);
        var total = units.Sum(u => u.Overdue);
        var overdue = new List<string>();
        if (units.Count > 0)
        {
            overdue.Add($"{units.Count.ToString(CultureInfo.InvariantCulture)} unit{(units.Count == 1 ? " has" : "s have")} {Updates(total)} still overdue");
        }

        if (narratives.Count > 0)
        {
            overdue.Add($"{Work(0, narratives.Count)} {(narratives.Count == 1 ? "is" : "are")} still not submitted");
        }

        var body = string.Join("\n\n", new[]
            {
                $"Dear {to.DisplayName},",
                $"{string.Join(", and ", overdue)} for the {round.Period} round, whose deadline was {deadline}.",
                units.Count == 0 ? null : "Units with overdue updates:\n" + string.Join('\n', units.Select(u => $"* {u.Name}: {Updates(u.Overdue)}")),
                NarrativeList(narratives, n => $"* {n.Strand} ({(n.State == UpdateState.Returned ? "returned" : Describe(n.State))})"),
                "See the round and chase them on Scrutineer:\n" + settings.Link($"/rounds/{round.Id}"),
                $"You are getting this email because you are an analyst and work is overdue {settings.EscalateAfterWorkingDays} working days after the deadline. "
                    + "To change which emails you get, or get them as one daily digest, go to:\n" + settings.Link("/account/notices"),
            }.OfType<string>());
        return new Notice($"escalation:round-{round.Id}:account-{to.Id}", NoticeKind.Escalation, to.Id, to.Email!,
            $"Escalation: {Work(total, narratives.Count)} overdue in the {round.Period} round", body, settings.Link($"/rounds/{round.Id}"), now);
    }

    /// <summary>
    /// To the head of <paramref name="unit"/>, who holds no account: the unit's updates still overdue. Sent whatever any
    /// preference says (a head has no notice settings); to stop them an administrator removes the head's address.
    /// </summary>
    private static Notice ToUnitHead(ReportingRound round, Domain.Plans.Unit unit, IReadOnlyList<RoundStatusLine> lines, NotifySettings settings, DateTimeOffset now)
    {
        var deadline = round.Deadline.ToString("dddd d MMMM yyyy", EnGb.Culture);
        var body = string.Join("\n\n",
            $"Dear head of {unit.Name},",
            $"{unit.Name} has {Updates(lines.Count)} for the {round.Period} round still not submitted {settings.EscalateAfterWorkingDays.ToString(CultureInfo.InvariantCulture)} working days after its deadline, {deadline}. "
                + "The Performance Analysis Unit has been told too.",
            (lines.Count == 1 ? "The overdue update is:" : "The overdue updates are:") + "\n" + string.Join('\n', lines.Select(l => $"* {l.Commitment} {l.CommitmentText} ({Describe(l.State)})")),
            (lines.Count == 1 ? "Please ask the person who writes it to submit it on Scrutineer:\n" : "Please ask the people who write them to submit them on Scrutineer:\n") + settings.Link("/updates"),
            $"You are getting this email because you are recorded as the head of {unit.Name} in Scrutineer. "
                + "To stop these emails, or to have them sent to someone else, ask a Scrutineer administrator to change the unit's head.");
        return new Notice($"escalation:round-{round.Id}:unit-{unit.Id}-head", NoticeKind.Escalation, null, unit.HeadEmail!,
            $"Escalation: {Updates(lines.Count)} overdue for {unit.Name} in the {round.Period} round", body, settings.Link("/updates"), now);
    }

    /// <summary>
    /// Adds the notice unless its key is already in the outbox or its recipient (an account) turned its kind off; 1 when
    /// added. A recipient without an account has no preferences to turn anything off.
    /// </summary>
    internal static async Task<int> AddAsync(ScrutineerDb db, UserAccount? to, Notice notice, CancellationToken cancellationToken) =>
        to is not null && notice.Kind != NoticeKind.ReportPack && !to.Wants(notice.Kind) ? 0 : await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO "Notices" ("Key", "Kind", "AccountId", "Email", "Subject", "Body", "Link", "CreatedAt", "State", "Attempts", "ClaimedUntil", "LastError",
                                   "AttachmentName", "Attachment", "AttachmentClassification", "ReportScheduleId")
            VALUES ({notice.Key}, {notice.Kind.ToString()}, {notice.AccountId}, {notice.Email}, {notice.Subject}, {notice.Body}, {notice.Link},
                    {notice.CreatedAt}, {notice.State.ToString()}, 0, 0, {notice.LastError},
                    {notice.AttachmentName}, {notice.Attachment}, {notice.AttachmentClassification?.ToString()}, {notice.ReportScheduleId})
            ON CONFLICT ("Key") DO NOTHING
            """, cancellationToken);

    private static string Key(NoticeKind kind) => kind switch
    {
        NoticeKind.Reminder => "reminder",
        NoticeKind.DeadlineToday => "deadline",
        NoticeKind.Overdue => "overdue",
        NoticeKind.Escalation => "escalation",
        NoticeKind.Submitted => "submitted",
        NoticeKind.Returned => "returned",
        NoticeKind.Approved => "approved",
        NoticeKind.Published => "published",
        NoticeKind.TasksPastDue => "tasks-past-due",
        NoticeKind.RoundOpened => "opened",
        NoticeKind.ReportPack => "report-pack",
    };

    internal static string Updates(int count) => count == 1 ? "1 update" : $"{count.ToString(CultureInfo.InvariantCulture)} updates";

    internal static string Describe(UpdateState? state) => state switch
    {
        null => "not started",
        UpdateState.Draft => "draft",
        UpdateState.Returned => "returned to you",
        _ => state.Value.ToString().ToLowerInvariant(),
    };
}
