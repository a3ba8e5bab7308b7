using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;

namespace Scrutineer.Domain.Notifications;

/// <summary>
/// One email to one account in the notification outbox. <see cref="Key"/> names the event and recipient (for example
/// "reminder:round-4:account-7"), and the store holds each key once, so however many times or on however many hosts the
/// notices are worked out, each is sent once. The text is OFFICIAL only: never commentary, never OFFICIAL-SENSITIVE.
/// Most go to an account; a unit's head and the plain addresses on a report schedule hold none (<see cref="AccountId"/>
/// null). A scheduled report pack carries the report as an attachment, its classification held beside it.
/// </summary>
public sealed class Notice
{
    /// <summary>Most attempts before a notice goes on the dead-letter list.</summary>
    public const int MostAttempts = 5;

    private Notice()
    {
        Key = "";
        Email = "";
        Subject = "";
        Body = "";
        Link = "";
    }

    /// <summary>A notice waiting to be sent.</summary>
    public Notice(string key, NoticeKind kind, int? accountId, string email, string subject, string body, string link, DateTimeOffset now)
    {
        Key = key;
        Kind = kind;
        AccountId = accountId;
        Email = email;
        Subject = subject;
        Body = body;
        Link = link;
        CreatedAt = now;
        State = NoticeState.Pending;
    }

    public long Id { get; private set; }

    /// <summary>The event and recipient; unique in the store.</summary>
    public string Key { get; private set; }

    public NoticeKind Kind { get; private set; }

    /// <summary>The recipient's account; null for a recipient who holds none (a unit's head, a plain address on a report schedule).</summary>
    public int? AccountId { get; private set; }

    /// <summary>The address it goes to, as it was when the notice was made.</summary>
    public string Email { get; private set; }

    public string Subject { get; private set; }

    /// <summary>The message as plain paragraphs (blank-line separated); the HTML part is built from it when sent.</summary>
    public string Body { get; private set; }

    /// <summary>The page the notice is about.</summary>
    public string Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public NoticeState State { get; private set; }

    /// <summary>How many times sending was tried.</summary>
    public int Attempts { get; private set; }

    /// <summary>The mail server's last refusal, for the dead-letter list.</summary>
    public string? LastError { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Until when (Unix milliseconds) one sender holds the notice; another takes it only after that.</summary>
    public long ClaimedUntil { get; private set; }

    /// <summary>The file name of the attached report, or null when nothing is attached.</summary>
    public string? AttachmentName { get; private set; }

    /// <summary>The attached report as written (PDF, Word or HTML), or null.</summary>
    public byte[]? Attachment { get; private set; }

    /// <summary>The classification the attached report is marked with (data, shown in the subject line), or null.</summary>
    public Classification? AttachmentClassification { get; private set; }

    /// <summary>The report schedule a report pack was sent for, or null; checked again before it is sent.</summary>
    public int? ReportScheduleId { get; private set; }

    /// <summary>Attaches <paramref name="content"/>, a report of schedule <paramref name="scheduleId"/> marked <paramref name="classification"/>.</summary>
    public Notice Attach(string name, byte[] content, Classification classification, int scheduleId)
    {
        AttachmentName = name;
        Attachment = content;
        AttachmentClassification = classification;
        ReportScheduleId = scheduleId;
        return this;
    }

    /// <summary>Records that the notice may no longer be sent (its recipient lost the right to it): on the dead-letter list with the reason.</summary>
    public void Withhold(string reason)
    {
        State = NoticeState.Dead;
        LastError = reason.Length > 1000 ? reason[..1000] : reason;
    }

    /// <summary>Whether it was sent in its account's daily digest (so the day's digest has gone).</summary>
    public bool InDigest { get; private set; }

    /// <summary>Records that the mail server accepted it, on its own or in its account's daily digest.</summary>
    public void Sent(DateTimeOffset now, bool inDigest = false)
    {
        Attempts++;
        State = NoticeState.Sent;
        SentAt = now;
        LastError = null;
        InDigest = inDigest;
    }

    /// <summary>Records a failed attempt: tried again after a back-off, or on the dead-letter list after <see cref="MostAttempts"/>.</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        State = Attempts >= MostAttempts ? NoticeState.Dead : NoticeState.Pending;
        ClaimedUntil = now.AddMinutes(Math.Pow(2, Attempts)).ToUnixTimeMilliseconds();
    }

    /// <summary>Takes the notice off the dead-letter list to be sent again at once, with a fresh count of attempts.</summary>
    /// <exception cref="DomainException">The notice is not on the dead-letter list.</exception>
    public void Retry()
    {
        if (State != NoticeState.Dead)
        {
            throw new DomainException($"Notice {Id} is {State.ToString().ToLowerInvariant()}, not on the dead-letter list: only those are sent again.");
        }

        State = NoticeState.Pending;
        Attempts = 0;
        ClaimedUntil = 0;
    }
}
