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
    };
}
