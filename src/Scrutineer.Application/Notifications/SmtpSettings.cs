using System.Globalization;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Notifications;

/// <summary>
/// Where notices are sent: <c>Smtp:Host</c>, <c>Smtp:Port</c> (default 587), <c>Smtp:Security</c> (<c>StartTls</c>,
/// the default; <c>Tls</c> for port 465; <c>None</c> only for a relay on the same machine), <c>Smtp:User</c> and
/// <c>Smtp:Password</c> (authentication when a user is set), <c>Smtp:From</c>. In the environment the colon is a double
/// underscore (<c>Smtp__Host</c>). Null host: email is off and notices wait in the outbox.
/// </summary>
public sealed record SmtpSettings(string? Host, int Port, SmtpSecurity Security, string? User, string? Password, string From)
{
    /// <summary>Reads the settings through <paramref name="setting"/> (a configuration key such as "Smtp:Host" → its value).</summary>
    /// <exception cref="DomainException">A port that is not a number, a security mode that is not known, or a sender that is not an email address.</exception>
    public static SmtpSettings Read(Func<string, string?> setting)
    {
        var host = setting("Smtp:Host");
        var portText = setting("Smtp:Port");
        var port = 587;
        if (!string.IsNullOrWhiteSpace(portText) && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new DomainException($"Smtp:Port must be a port number from 1 to 65535, not '{portText}'.");
        }

        var securityText = setting("Smtp:Security");
        var security = SmtpSecurity.StartTls;
        if (!string.IsNullOrWhiteSpace(securityText) && !Enum.TryParse(securityText, ignoreCase: true, out security))
        {
            throw new DomainException($"Smtp:Security must be StartTls, Tls or None, not '{securityText}'.");
        }

        var from = setting("Smtp:From") is { Length: > 0 } given ? given.Trim() : "Scrutineer <scrutineer@localhost>";
        if (!MimeKit.MailboxAddress.TryParse(from, out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new DomainException($"Smtp:From must be an email address, such as 'Scrutineer <scrutineer@force.police.uk>', not '{from}'.");
        }

        return new SmtpSettings(string.IsNullOrWhiteSpace(host) ? null : host.Trim(), port, security, setting("Smtp:User"), setting("Smtp:Password"), from);
    }

    /// <summary>The settings from the environment (<c>Smtp__Host</c> and so on), as the command line reads them.</summary>
    public static SmtpSettings FromEnvironment() => Read(key => Environment.GetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal)));

    /// <summary>Whether email is configured.</summary>
    public bool IsOn => Host is not null;
}

/// <summary>How the connection to the mail server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which must succeed (port 587).</summary>
    StartTls,

    /// <summary>TLS from the start (port 465).</summary>
    Tls,

    /// <summary>No TLS: only for a mail relay on the same machine.</summary>
    None,
}
