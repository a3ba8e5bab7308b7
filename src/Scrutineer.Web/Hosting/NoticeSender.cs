using Scrutineer.Application.Data;
using Scrutineer.Application.Notifications;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Common;

namespace Scrutineer.Web.Hosting;

/// <summary>
/// The web server's sender: every <c>Notify:SendEverySeconds</c> (default 300; 0 turns it off) it does what
/// <c>notify run</c> does — queues the notices due today and sends the outbox. Safe on every instance at once: each
/// notice is queued once (its key is unique) and claimed by one sender (decision 0151). Off while email is off.
/// Scheduled PDF packs print through the server's warm <see cref="ChromiumPool"/>, in the same queue as downloads.
/// </summary>
public sealed class NoticeSender(IServiceScopeFactory scopes, IConfiguration configuration, NotifySettings notify, TimeProvider clock, ChromiumPool chromium, ILogger<NoticeSender> log) : BackgroundService
{
    public const string Setting = "Notify:SendEverySeconds";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var smtp = SmtpSettings.Read(key => configuration[key]);
        var every = configuration.GetValue(Setting, 300);
        if (!smtp.IsOn || every <= 0)
        {
            log.LogInformation("Notices are not sent by this server ({Reason}); notify run can send them.", smtp.IsOn ? Setting + " is 0" : "Smtp:Host is not set");
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(every), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ScrutineerDb>();
                var queued = await NoticesDue.QueueAsync(db, UkClock.Today(clock), notify, clock.GetUtcNow(), stoppingToken, chromium);
                var (sent, failed, dead) = await MailDelivery.SendDueAsync(db, smtp, notify, clock, stoppingToken);
                if (queued + sent + failed + dead > 0)
                {
                    log.LogInformation("Notices: {Queued} queued, {Sent} sent, {Failed} to try again, {Dead} given up", queued, sent, failed, dead);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Sending notices failed; trying again in {Seconds} s", every);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
