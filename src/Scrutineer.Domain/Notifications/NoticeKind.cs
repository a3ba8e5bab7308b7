namespace Scrutineer.Domain.Notifications;

/// <summary>Why a notice was sent.</summary>
public enum NoticeKind
{
    /// <summary>Updates not yet submitted, a few working days before the round's deadline.</summary>
    Reminder,

    /// <summary>Updates not yet submitted on the deadline day.</summary>
    DeadlineToday,

    /// <summary>Updates not submitted by the deadline.</summary>
    Overdue,

    /// <summary>A unit's updates still overdue some working days after the deadline, to the analysts.</summary>
    Escalation,

    /// <summary>An update or strand narrative submitted, to the reviewers in its scope.</summary>
    Submitted,

    /// <summary>An update or strand narrative returned, to the people who write it, with the reviewer's OFFICIAL comment.</summary>
    Returned,

    /// <summary>An update or strand narrative approved, to the people who write it.</summary>
    Approved,

    /// <summary>A round published, to every account with an email address.</summary>
    Published,

    /// <summary>Delivery tasks past their due date, to their strand's leads.</summary>
    TasksPastDue,

    /// <summary>A round opened, to each contributor with updates to write in it: their updates and the deadline.</summary>
    RoundOpened,

    /// <summary>A scheduled report pack, to its distribution list; sent whatever the recipient's preferences (the analyst chose them).</summary>
    ReportPack,
}
