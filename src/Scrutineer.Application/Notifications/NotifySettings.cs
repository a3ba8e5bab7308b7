using System.Globalization;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Notifications;

/// <summary>
/// When reminders go: <c>Notify:ReminderWorkingDays</c> (reminders start this many working days before the deadline;
/// default 3), <c>Notify:EscalateAfterWorkingDays</c> (analysts are told of units still overdue this many working days
/// after it; default 5), <c>Notify:SiteUrl</c> (the address links in emails start with; default the address the web
/// server listens on when it names a host, else http://127.0.0.1:5080) and
/// <c>Notify:DigestTime</c> (the UK time of day, HH:mm, from which each daily digest goes; default 07:00).
/// </summary>
public sealed record NotifySettings(int ReminderWorkingDays, int EscalateAfterWorkingDays, Uri SiteUrl, TimeOnly DigestAt)
{
    /// <summary>Reads the settings through <paramref name="setting"/>.</summary>
    /// <param name="setting">Reads one setting by its key.</param>
    /// <param name="listening">The addresses the web server listens on (its <c>urls</c>, ";"-separated), the site address when none is set; null outside the web server.</param>
    /// <exception cref="DomainException">A value that is not a whole number of days, or a site address that is not absolute.</exception>
    public static NotifySettings Read(Func<string, string?> setting, string? listening = null) => new(
        Days(setting, "Notify:ReminderWorkingDays", 3),
        Days(setting, "Notify:EscalateAfterWorkingDays", 5),
        Uri.TryCreate(setting("Notify:SiteUrl") is { Length: > 0 } url ? url : Named(listening) ?? "http://127.0.0.1:5080", UriKind.Absolute, out var site)
            ? site
            : throw new DomainException($"Notify:SiteUrl must be the site's full address, like https://scrutineer.example.police.uk, not '{setting("Notify:SiteUrl")}'."),
        setting("Notify:DigestTime") is not { Length: > 0 } time ? new TimeOnly(7, 0)
            : TimeOnly.TryParseExact(time.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at
            : throw new DomainException($"Notify:DigestTime must be a time of day in the UK as HH:mm, like 07:00, not '{time}'."));

    /// <summary>The settings from the environment (<c>Notify__ReminderWorkingDays</c> and so on).</summary>
    public static NotifySettings FromEnvironment() => Read(key => Environment.GetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal)));

    /// <summary>The first of the listening addresses that names a host a reader can reach (not 0.0.0.0, [::], * or +); null when none does.</summary>
    private static string? Named(string? listening) =>
        (listening ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(u => Uri.TryCreate(u.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                && uri.Host is not ("wildcard" or "0.0.0.0" or "[::]"));

    /// <summary>The full address of a page of the site.</summary>
    public string Link(string path) => new Uri(SiteUrl, path).ToString();

    private static int Days(Func<string, string?> setting, string key, int fallback)
    {
        var text = setting(key);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 30
            ? days
            : throw new DomainException($"{key} must be a whole number of working days from 1 to 30, not '{text}'.");
    }
}
