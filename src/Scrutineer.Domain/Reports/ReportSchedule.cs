using System.Globalization;
using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Reports;

/// <summary>
/// A report an analyst has scheduled to go by email to a distribution list: a kind of report (its catalogue name, for
/// example "quarterly"), a version and a format, sent on each round's publication or once on a date. Recipients are
/// accounts (by identity) and plain addresses. Which version a list may have is the application's rule, checked when
/// the schedule is made and again when it is sent.
/// </summary>
public sealed class ReportSchedule
{
    private ReportSchedule()
    {
        Report = "";
        Format = "";
        Recipients = "";
        CreatedBy = "";
    }

    /// <summary>A schedule.</summary>
    /// <exception cref="DomainException">No recipient; a date trigger without a date, or a date on a publication trigger.</exception>
    public ReportSchedule(string report, ReportVersion version, string format, IEnumerable<int> accountIds, IEnumerable<string> addresses, ReportTrigger trigger, DateOnly? sendOn, string createdBy, DateTimeOffset now)
    {
        var accounts = accountIds.Distinct().Order().ToList();
        var plain = addresses.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (accounts.Count == 0 && plain.Count == 0)
        {
            throw new DomainException("A report schedule needs at least one recipient: a user name or an email address.");
        }

        if ((trigger == ReportTrigger.OnDate) != sendOn.HasValue)
        {
            throw new DomainException(trigger == ReportTrigger.OnDate ? "Give the date the report is sent on." : "A report sent on publication takes no date.");
        }

        Report = report;
        Version = version;
        Format = format;
        Recipients = string.Join('\n', accounts.Select(id => "account:" + id.ToString(CultureInfo.InvariantCulture)).Concat(plain));
        Trigger = trigger;
        SendOn = sendOn;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    /// <summary>The kind of report, as the report catalogue names it ("quarterly", "strategy", "closure").</summary>
    public string Report { get; private set; }

    public ReportVersion Version { get; private set; }

    /// <summary>The format, as the report catalogue names it ("pdf", "docx", "html").</summary>
    public string Format { get; private set; }

    /// <summary>The distribution list as stored: "account:ID" lines and plain addresses, one a line.</summary>
    public string Recipients { get; private set; }

    public ReportTrigger Trigger { get; private set; }

    /// <summary>The date a date-triggered pack goes; null on publication.</summary>
    public DateOnly? SendOn { get; private set; }

    /// <summary>Who scheduled it.</summary>
    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The accounts on the list.</summary>
    public IReadOnlyList<int> AccountIds => Lines().Where(l => l.StartsWith("account:", StringComparison.Ordinal))
        .Select(l => int.Parse(l["account:".Length..], CultureInfo.InvariantCulture)).ToList();

    /// <summary>The plain addresses on the list (people without an account).</summary>
    public IReadOnlyList<string> Addresses => Lines().Where(l => !l.StartsWith("account:", StringComparison.Ordinal)).ToList();

    private string[] Lines() => Recipients.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
