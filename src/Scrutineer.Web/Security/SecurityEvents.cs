using System.Net;

namespace Scrutineer.Web.Security;

/// <summary>
/// The security events, as structured log events with fixed identities (4100–4199) so that a log platform can alert on
/// them. Each names the client address (<see cref="ClientAddress"/>) and the account, never a password or token.
/// Events that change something (sign-in, lockout, sessions ended, role changes) are also in the audit trail.
/// See docs/security.md for the list.
/// </summary>
public static partial class SecurityEvents
{
    /// <summary>The logger category every security event is written under.</summary>
    public const string Category = "Scrutineer.Security";

    [LoggerMessage(EventId = 4101, EventName = "SignInSucceeded", Level = LogLevel.Information, Message = "Sign-in succeeded for {Account} from {ClientAddress}")]
    public static partial void SignInSucceeded(this ILogger log, string account, string clientAddress);

    [LoggerMessage(EventId = 4102, EventName = "SignInFailed", Level = LogLevel.Warning, Message = "Sign-in failed for {Account} from {ClientAddress}: {Reason}")]
    public static partial void SignInFailed(this ILogger log, string account, string clientAddress, string reason);

    [LoggerMessage(EventId = 4103, EventName = "AccountLocked", Level = LogLevel.Warning, Message = "Account {Account} locked until {LockedUntil} after {Failures} failed sign-ins, the last from {ClientAddress}")]
    public static partial void AccountLocked(this ILogger log, string account, string clientAddress, int failures, DateTimeOffset lockedUntil);

    [LoggerMessage(EventId = 4104, EventName = "SignInThrottled", Level = LogLevel.Warning, Message = "Sign-in attempts from {ClientAddress} throttled on {Path}")]
    public static partial void SignInThrottled(this ILogger log, string clientAddress, string path);

    [LoggerMessage(EventId = 4105, EventName = "SignedOut", Level = LogLevel.Information, Message = "{Account} signed out from {ClientAddress}")]
    public static partial void SignedOut(this ILogger log, string account, string clientAddress);

    [LoggerMessage(EventId = 4106, EventName = "SessionRefused", Level = LogLevel.Information, Message = "Session cookie of {Account} refused from {ClientAddress}: ended, idle, expired or the account changed")]
    public static partial void SessionRefused(this ILogger log, string account, string clientAddress);

    [LoggerMessage(EventId = 4107, EventName = "SessionsEnded", Level = LogLevel.Information, Message = "{Actor} ended {Count} session(s) of {Account} from {ClientAddress}")]
    public static partial void SessionsEnded(this ILogger log, string actor, string account, int count, string clientAddress);

    [LoggerMessage(EventId = 4110, EventName = "RequestDenied", Level = LogLevel.Warning, Message = "{Method} {Path} answered {Status} to {Account} from {ClientAddress}")]
    public static partial void RequestDenied(this ILogger log, string method, string path, int status, string account, string clientAddress);

    [LoggerMessage(EventId = 4120, EventName = "ReportDownloaded", Level = LogLevel.Information, Message = "{Account} downloaded report {Report} ({Version} version, {Format}) from {ClientAddress}")]
    public static partial void ReportDownloaded(this ILogger log, string account, string report, string version, string format, string clientAddress);

    [LoggerMessage(EventId = 4130, EventName = "RoleChanged", Level = LogLevel.Warning, Message = "{Actor} changed the role of {Account} from {Before} to {After} from {ClientAddress}")]
    public static partial void RoleChanged(this ILogger log, string actor, string account, string before, string after, string clientAddress);

    [LoggerMessage(EventId = 4140, EventName = "TokenUsed", Level = LogLevel.Information, Message = "API token {TokenName} of {Account} used for {Method} {Path} from {ClientAddress}")]
    public static partial void TokenUsed(this ILogger log, string tokenName, string account, string method, string path, string clientAddress);

    /// <summary>
    /// The client's address: the connection's remote address, which the forwarded-headers middleware has replaced with
    /// the X-Forwarded-For address only when the connection came from a configured proxy (<c>Proxy:KnownProxies</c>,
    /// <c>Proxy:KnownNetworks</c>). "unknown" when there is none (in-process tests).
    /// </summary>
    public static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : "unknown";

    /// <summary>The signed-in account's user name, or "anonymous".</summary>
    public static string AccountOf(HttpContext context) =>
        context.User.FindFirst(Accounts.ScrutineerClaims.UserName)?.Value is { Length: > 0 } name ? name : "anonymous";

    /// <summary>The logger for security events.</summary>
    public static ILogger Log(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);

    internal static IPAddress? Parse(string value) => IPAddress.TryParse(value.Trim(), out var address) ? address : null;
}
