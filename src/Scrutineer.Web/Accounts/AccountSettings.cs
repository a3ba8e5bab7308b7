using System.Globalization;
using Scrutineer.Application.Accounts;

namespace Scrutineer.Web.Accounts;

/// <summary>
/// Reads the session and sign-in settings (appsettings.json, environment variables such as
/// <c>Sessions__IdleTimeout=00:20:00</c>, or <c>--Sessions:IdleTimeout</c>); a value that is not a time or number stops
/// the site at start-up with the setting named. See docs/security.md.
/// </summary>
internal static class AccountSettings
{
    public static SessionLimits Sessions(IConfiguration config) =>
        new SessionLimits(
            Time(config, "Sessions:IdleTimeout", SessionLimits.Default.IdleTimeout),
            Time(config, "Sessions:AbsoluteLifetime", SessionLimits.Default.AbsoluteLifetime)).Checked();

    public static SignInLimits SignIn(IConfiguration config) =>
        new SignInLimits(
            Number(config, "SignIn:MaxFailures", SignInLimits.Default.MaxFailures),
            Time(config, "SignIn:LockoutPeriod", SignInLimits.Default.LockoutPeriod)).Checked();

    public static TimeSpan Time(IConfiguration config, string key, TimeSpan fallback) =>
        config[key] is not { Length: > 0 } text ? fallback
            : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
            : throw new InvalidOperationException($"The setting {key} is \"{text}\", which is not a length of time. Use hh:mm:ss, for example 00:30:00.");

    public static int Number(IConfiguration config, string key, int fallback) =>
        config[key] is not { Length: > 0 } text ? fallback
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
            : throw new InvalidOperationException($"The setting {key} is \"{text}\", which is not a whole number. Use digits only, for example 5.");
}
