namespace Scrutineer.Domain.Notifications;

/// <summary>Where a notice is in the outbox.</summary>
public enum NoticeState
{
    /// <summary>Waiting to be sent (or to be tried again).</summary>
    Pending,

    /// <summary>Accepted by the mail server.</summary>
    Sent,

    /// <summary>Given up on after the most attempts: on the dead-letter list for an administrator.</summary>
    Dead,
}
