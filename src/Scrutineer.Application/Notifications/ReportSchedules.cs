using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Reports;
using Scrutineer.Application.Security;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Notifications;

/// <summary>
/// Analysts schedule a report from the catalogue (kind, version, format) to a distribution list, sent on each round's
/// publication or once on a date (<see cref="ReportPacks"/> sends them). The one rule of who may have which version is
/// <see cref="Refusal"/>: the public version goes to anyone; the full version only when every recipient is an account
/// cleared to read OFFICIAL-SENSITIVE text (<see cref="ReportCatalogue.MayRead"/>, which asks <see cref="NeedToKnow"/>);
/// a plain address never is. It is checked when the schedule is made and again when each pack is queued and sent.
/// </summary>
public static class ReportSchedules
{
    /// <summary>What a schedule says, in words: "quarterly report, public version, PDF, on each publication".</summary>
    public static string Describe(ReportSchedule schedule) =>
        $"{schedule.Report} report, {VersionName(schedule.Version)} version, {schedule.Format.ToUpperInvariant()}, "
        + (schedule.Trigger == ReportTrigger.OnPublication ? "on each round's publication" : "on " + schedule.SendOn!.Value.ToString("d MMMM yyyy", EnGb.Culture));

    /// <summary>"public" or "full", as the catalogue and its download links name the versions.</summary>
    public static string VersionName(ReportVersion version) => version == ReportVersion.Full ? "full" : "public";

    /// <summary>
    /// Schedules <paramref name="report"/> (a catalogue kind: quarterly, strategy, closure) in <paramref name="version"/>
    /// (public or full) and <paramref name="format"/> (pdf, docx, html) to <paramref name="to"/> (user names and email
    /// addresses), on publication (<paramref name="sendOn"/> null) or on a date from <paramref name="today"/> on; saves it.
    /// </summary>
    /// <exception cref="DomainException">Any part not understood, an unknown or unreachable account, or the full version to a list not every member of which is cleared.</exception>
    public static async Task<ReportSchedule> AddAsync(ScrutineerDb db, string? report, string? version, string? format, IReadOnlyList<string> to, DateOnly? sendOn, string actor, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var kind = ReportCatalogue.Find(report?.Trim().ToLowerInvariant())
            ?? throw new DomainException($"'{report}' is not a report. Give {string.Join(", ", ReportCatalogue.Kinds.Select(k => k.Slug))}.");
        var chosenVersion = (version?.Trim().ToLowerInvariant()) switch
        {
            "public" => ReportVersion.Public,
            "full" => ReportVersion.Full,
            _ => throw new DomainException($"'{version}' is not a version of the report. Give public or full."),
        };
        var chosenFormat = ReportCatalogue.Formats.FirstOrDefault(f => string.Equals(f.ToString(), format?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (string.IsNullOrWhiteSpace(format) || !string.Equals(chosenFormat.ToString(), format.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException($"'{format}' is not a format of the report. Give {string.Join(", ", ReportCatalogue.Formats.Select(f => f.ToString().ToLowerInvariant()))}.");
        }

        if (DateProblem(sendOn, today) is { } late)
        {
            throw new DomainException(late);
        }

        var (accounts, addresses, problems) = await RecipientsAsync(db, to, cancellationToken);
        if (problems.Count > 0)
        {
            throw new DomainException(string.Join(" ", problems));
        }

        if (Refusal(kind, chosenVersion, accounts, addresses) is { } refusal)
        {
            throw new DomainException(refusal);
        }

        var schedule = new ReportSchedule(kind.Slug, chosenVersion, chosenFormat.ToString().ToLowerInvariant(), accounts.Select(a => a.Id), addresses,
            sendOn is null ? ReportTrigger.OnPublication : ReportTrigger.OnDate, sendOn, actor, now);
        db.ReportSchedules.Add(schedule);
        await db.SaveChangesAsync(cancellationToken);
        return schedule;
    }

    /// <summary>Why a pack cannot be sent on <paramref name="sendOn"/>: the day has passed; null when it can (or none is given).</summary>
    public static string? DateProblem(DateOnly? sendOn, DateOnly today) => sendOn is { } day && day < today
        ? $"The date to send it on, {day.ToString("d MMMM yyyy", EnGb.Culture)}, has passed. Give today or a later date."
        : null;

    /// <summary>
    /// The accounts and email addresses <paramref name="to"/> names, and why each entry that cannot be sent to cannot
    /// (no such account, a disabled one, one with no email address, an address in the wrong format), in the order given,
    /// so a form can show every problem at once.
    /// </summary>
    public static async Task<(List<UserAccount> Accounts, List<string> Addresses, List<string> Problems)> RecipientsAsync(
        ScrutineerDb db, IReadOnlyList<string> to, CancellationToken cancellationToken = default)
    {
        var accounts = new List<UserAccount>();
        var addresses = new List<string>();
        var problems = new List<string>();
        foreach (var entry in to.Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            try
            {
                if (entry.Contains('@', StringComparison.Ordinal))
                {
                    addresses.Add(UserAccount.NormaliseEmail(entry)!);
                    continue;
                }

                var account = await Accounts.AccountAdministration.FindAsync(db, entry, cancellationToken);
                if (account.IsDisabled || account.Email is null)
                {
                    problems.Add($"The account {account.UserName} {(account.IsDisabled ? "is disabled" : "has no email address (user set-email)")}, so a report cannot be sent to it.");
                    continue;
                }

                accounts.Add(account);
            }
            catch (DomainException ex)
            {
                problems.Add(ex.Message);
            }
        }

        return (accounts, addresses, problems);
    }

    /// <summary>Removes schedule <paramref name="id"/>; packs already queued for it are withheld when their turn to be sent comes.</summary>
    /// <exception cref="DomainException">No such schedule.</exception>
    public static async Task<ReportSchedule> RemoveAsync(ScrutineerDb db, int id, CancellationToken cancellationToken = default)
    {
        var schedule = await db.ReportSchedules.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new DomainException($"There is no report schedule {id.ToString(CultureInfo.InvariantCulture)}. List them with: scrutineer schedule list");
        db.ReportSchedules.Remove(schedule);
        await db.SaveChangesAsync(cancellationToken);
        return schedule;
    }

    /// <summary>Every schedule, oldest first, with its recipients in words (user names and addresses).</summary>
    public static async Task<IReadOnlyList<(ReportSchedule Schedule, IReadOnlyList<string> Recipients)>> ListAsync(ScrutineerDb db, CancellationToken cancellationToken = default)
    {
        var schedules = await db.ReportSchedules.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var ids = schedules.SelectMany(s => s.AccountIds).Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.UserName, cancellationToken);
        return schedules.Select(s => (s, (IReadOnlyList<string>)s.AccountIds.Select(id => names.TryGetValue(id, out var name) ? name : $"(account {id.ToString(CultureInfo.InvariantCulture)}, removed)")
            .Concat(s.Addresses).ToList())).ToList();
    }

    /// <summary>
    /// Why <paramref name="version"/> of <paramref name="kind"/> may not go to this list, or null when it may: the full
    /// version needs every recipient to be an enabled account cleared to read it (<see cref="ReportCatalogue.MayRead"/>).
    /// </summary>
    public static string? Refusal(ReportCatalogue.Kind kind, ReportVersion version, IReadOnlyList<UserAccount> accounts, IReadOnlyList<string> addresses)
    {
        if (version == ReportVersion.Public)
        {
            return null;
        }

        var notCleared = addresses.Select(a => $"{a} (an email address, not an account)")
            .Concat(accounts.Where(a => a.IsDisabled || !ReportCatalogue.MayRead(Reader.Of(a), version))
                .Select(a => $"{a.UserName} ({(a.IsDisabled ? "disabled" : "not cleared to read OFFICIAL-SENSITIVE text")})"))
            .ToList();
        return notCleared.Count == 0
            ? null
            : $"The full version of the {kind.Slug} report holds OFFICIAL-SENSITIVE text, so it goes only to accounts cleared to read it. "
                + $"Not cleared: {string.Join(", ", notCleared)}. Schedule the public version, or send the full version to cleared accounts only.";
    }
}
