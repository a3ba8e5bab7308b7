namespace Scrutineer.Domain.Notifications;

/// <summary>How each kind of notice is named to the people who get it (the preferences page, <c>notify preview</c>).</summary>
public static class NoticeKindNames
{
    public static string Of(NoticeKind kind) => kind switch
    {
        NoticeKind.Reminder => "Reminders before a round's deadline",
        NoticeKind.DeadlineToday => "On a round's deadline day",
        NoticeKind.Overdue => "When your updates are overdue",
        NoticeKind.Escalation => "Units still overdue days after the deadline (analysts)",
        NoticeKind.Submitted => "Work submitted for your review (reviewers)",
        NoticeKind.Returned => "Your work returned to you",
        NoticeKind.Approved => "Your work approved",
        NoticeKind.Published => "A round published",
        NoticeKind.TasksPastDue => "Delivery tasks past due in strands you lead",
        NoticeKind.RoundOpened => "A round opened, with your updates and its deadline",
        NoticeKind.ReportPack => "Report packs an analyst sends you",
    };

    /// <summary>
    /// The kinds a person may turn off on Your notices: all but report packs, which go to the distribution list an
    /// analyst chose (to come off it, a person asks the analyst).
    /// </summary>
    public static IReadOnlyList<NoticeKind> Choosable { get; } = Enum.GetValues<NoticeKind>().Where(k => k != NoticeKind.ReportPack).ToList();
}
