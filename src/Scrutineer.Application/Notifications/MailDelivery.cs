using System.Net;
using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Notifications;

namespace Scrutineer.Application.Notifications;

/// <summary>
/// Sends the outbox's pending notices over SMTP. Each notice is first claimed with one conditional update (pending, and
/// not held by another sender), so two hosts sending at once never send the same notice twice; a refused notice is tried
/// again after a back-off and goes on the dead-letter list after <see cref="Notice.MostAttempts"/> attempts.
/// </summary>
public static class MailDelivery
{
    /// <summary>How long a sender holds a notice it has claimed before another may take it.</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    /// <summary>Sends what is due; returns how many were sent, failed (to be tried again) and given up.</summary>
    /// <remarks>
    /// An account that chose the daily digest gets its notices (report packs apart) in one email a day: from
    /// <see cref="NotifySettings.DigestAt"/> UK time, once no digest has gone to it that day; what comes after waits for the
    /// next day's. Whether a digest went today is read from the outbox itself (a notice sent in a digest is marked so;
    /// one sent on its own, before the account chose the digest, does not count), so two senders agree.
    /// </remarks>
    public static async Task<(int Sent, int Failed, int Dead)> SendDueAsync(ScrutineerDb db, SmtpSettings smtp, NotifySettings settings, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (!smtp.IsOn)
        {
            return (0, 0, 0);
        }

        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var local = UkClock.Local(now);
        var digestTime = TimeOnly.FromTimeSpan(local.TimeOfDay) >= settings.DigestAt;
        // A sent notice keeps the claim it was sent under (its claim time + Hold): claimed since midnight means sent today.
        var sentTodayFrom = (local - local.TimeOfDay).ToUnixTimeMilliseconds() + (long)Hold.TotalMilliseconds;
        var digests = (await db.Accounts.AsNoTracking().Where(a => a.DailyDigest).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        var digestSentToday = digests.Count == 0 ? [] : (await db.Notices.AsNoTracking()
            .Where(n => n.State == NoticeState.Sent && n.InDigest && n.AccountId != null && digests.Contains(n.AccountId.Value) && n.ClaimedUntil >= sentTodayFrom)
            .Select(n => n.AccountId!.Value).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var waiting = digests.Where(id => !digestTime || digestSentToday.Contains(id)).ToList();
        var due = await db.Notices.AsNoTracking()
            .Where(n => n.State == NoticeState.Pending && n.ClaimedUntil <= nowMs
                && (n.AttachmentName != null || n.AccountId == null || !waiting.Contains(n.AccountId.Value)))
            .OrderBy(n => n.Id).Select(n => new { n.Id, n.AccountId, Attached = n.AttachmentName != null }).Take(1000).ToListAsync(cancellationToken);
        int sent = 0, failed = 0, dead = 0;
        using var client = new SmtpClient();

        // One email per notice, or one per digest account holding all of its notices due; a report pack always on its own.
        bool Digested(int? accountId, bool attached) => !attached && accountId is { } id && digests.Contains(id);
        var batches = due.Where(n => !Digested(n.AccountId, n.Attached)).Select(n => (Ids: new[] { n.Id }, Digest: false))
            .Concat(due.Where(n => Digested(n.AccountId, n.Attached)).GroupBy(n => n.AccountId).Select(g => (Ids: g.Select(n => n.Id).ToArray(), Digest: true)));
        foreach (var (batch, isDigest) in batches)
        {
            var notices = new List<Notice>();
            foreach (var id in batch)
            {
                var claimedUntil = clock.GetUtcNow().Add(Hold).ToUnixTimeMilliseconds();
                var claimed = await db.Notices
                    .Where(n => n.Id == id && n.State == NoticeState.Pending && n.ClaimedUntil <= nowMs)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntil, claimedUntil), cancellationToken);
                if (claimed == 1)
                {
                    var notice = await db.Notices.SingleAsync(n => n.Id == id, cancellationToken);
                    if (await ReportPacks.WithheldBecauseAsync(db, notice, cancellationToken) is { } reason)
                    {
                        notice.Withhold(reason);
                        dead++;
                    }
                    else
                    {
                        notices.Add(notice);
                    }
                }
            }

            if (notices.Count == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            try
            {
                if (!client.IsConnected)
                {
                    await ConnectAsync(client, smtp, cancellationToken);
                }

                await client.SendAsync(notices.Count == 1 ? Message(notices[0], smtp) : Digest(notices, smtp), cancellationToken);
                notices.ForEach(n => n.Sent(clock.GetUtcNow(), isDigest));
                sent += notices.Count;
            }
            catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
                or SslHandshakeException or ParseException or System.Net.Sockets.SocketException or IOException or TimeoutException
                or NotSupportedException)
            {
                // NotSupportedException: the server offers no STARTTLS, or no authentication, where the settings ask for it.
                foreach (var notice in notices)
                {
                    notice.Failed(Why(ex, smtp), clock.GetUtcNow());
                    if (notice.State == NoticeState.Dead)
                    {
                        dead++;
                    }
                    else
                    {
                        failed++;
                    }
                }

                if (client.IsConnected && ex is not SmtpCommandException)
                {
                    await client.DisconnectAsync(quit: false, CancellationToken.None);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }

        return (sent, failed, dead);
    }

    /// <summary>Why a send failed, on one line (MailKit adds pages of advice to some messages).</summary>
    private static string Why(Exception ex, SmtpSettings smtp)
    {
        var first = ex.Message.Split('\n', 2)[0].Trim();
        return ex switch
        {
            NotSupportedException => $"{first} Check Smtp:Security (StartTls, Tls, or None for a relay on the same machine) and Smtp:User.",
            System.Net.Sockets.SocketException => $"Could not connect to the mail server {smtp.Host}:{smtp.Port}: {first.TrimEnd('.').ToLowerInvariant()}. Check Smtp:Host and Smtp:Port, and that the server is running.",
            AuthenticationException => $"The mail server {smtp.Host}:{smtp.Port} refused the sign-in: {first} Check Smtp:User and Smtp:Password.",
            SslHandshakeException => $"The secure connection to the mail server {smtp.Host}:{smtp.Port} failed: {first} Check Smtp:Security.",
            SmtpCommandException command => $"The mail server refused the email ({(int)command.StatusCode}): {first}",
            _ => $"The email could not be sent: {first}",
        };
    }

    /// <summary>One email holding several notices to one account (its daily digest), each under its subject.</summary>
    public static MimeMessage Digest(IReadOnlyList<Notice> notices, SmtpSettings smtp)
    {
        var subject = $"Your Scrutineer notices: {notices.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var body = string.Join("\n\n", notices.Select(n => n.Subject.ToUpperInvariant() + "\n\n" + string.Join("\n\n", n.Body.Split("\n\n").Skip(1))));
        var digest = new Notice("digest:" + string.Join('+', notices.Select(n => n.Key)), notices[0].Kind, notices[0].AccountId, notices[0].Email, subject,
            notices[0].Body.Split("\n\n")[0] + "\n\nThis is your daily digest of Scrutineer notices. To get each one as it comes, change your notice settings on Scrutineer.\n\n" + body,
            notices[0].Link, notices[0].CreatedAt);
        var message = Message(digest, smtp);
        message.Headers.Remove("X-Scrutineer-Notice");
        foreach (var notice in notices)
        {
            message.Headers.Add("X-Scrutineer-Notice", notice.Key);
        }

        return message;
    }

    /// <summary>The email: a plain part and an HTML part in the GOV.UK Notify manner, marked OFFICIAL.</summary>
    public static MimeMessage Message(Notice notice, SmtpSettings smtp)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(notice.Email));
        message.Subject = notice.Subject;
        message.MessageId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(notice.Key)))[..32] + "@scrutineer";
        message.Headers.Add("X-Scrutineer-Notice", notice.Key);
        message.Headers.Add("X-Classification", "OFFICIAL");
        var body = new BodyBuilder
        {
            TextBody = "OFFICIAL\n\n" + notice.Body + "\n\nOFFICIAL\n",
            HtmlBody = Html(notice),
        };
        if (notice is { Attachment: { } content, AttachmentName: { } name, AttachmentClassification: { } marking })
        {
            // The report keeps its own marking on every page; the header carries it as data beside the subject line's words.
            message.Headers.Add("X-Attachment-Classification", marking.Marking());
            body.Attachments.Add(name, content, ContentType.Parse(AttachmentType(name)));
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The media type of an attached report, by its file name's extension (the catalogue's formats).</summary>
    private static string AttachmentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".html" => "text/html; charset=utf-8",
        _ => "application/octet-stream",
    };

    private static async Task ConnectAsync(SmtpClient client, SmtpSettings smtp, CancellationToken cancellationToken)
    {
        client.Timeout = 30_000;
        var options = smtp.Security switch
        {
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, options, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        }
    }

    /// <summary>The body as simple HTML: paragraphs, "* " lines as a list, addresses as links; every word escaped.</summary>
    private static string Html(Notice notice)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(notice.Subject))
            .Append("</title></head><body style=\"font-family: Arial, sans-serif; font-size: 19px; line-height: 1.3; color: #0b0c0c; margin: 0;\">")
            .Append("<p style=\"margin: 0; padding: 10px 15px; background: #0b0c0c; color: #ffffff; font-weight: bold;\">OFFICIAL</p>")
            .Append("<div style=\"padding: 0 15px; max-width: 580px;\">");
        foreach (var paragraph in notice.Body.Split("\n\n"))
        {
            var lines = paragraph.Split('\n');
            var items = lines.Where(l => l.StartsWith("* ", StringComparison.Ordinal)).ToList();
            var text = lines.Where(l => !l.StartsWith("* ", StringComparison.Ordinal)).ToList();
            foreach (var line in text)
            {
                html.Append(line.StartsWith("http", StringComparison.Ordinal)
                    ? $"<p><a href=\"{WebUtility.HtmlEncode(line)}\" style=\"color: #1d70b8;\">{WebUtility.HtmlEncode(line)}</a></p>"
                    : $"<p>{WebUtility.HtmlEncode(line)}</p>");
            }

            if (items.Count > 0)
            {
                html.Append("<ul>");
                foreach (var item in items)
                {
                    html.Append("<li>").Append(WebUtility.HtmlEncode(item[2..])).Append("</li>");
                }

                html.Append("</ul>");
            }
        }

        return html.Append("</div><p style=\"margin: 0; padding: 10px 15px; background: #0b0c0c; color: #ffffff; font-weight: bold;\">OFFICIAL</p></body></html>").ToString();
    }
}
