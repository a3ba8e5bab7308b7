namespace Scrutineer.Application.Accounts;

/// <summary>How long a signed-in session lasts: settings <c>Sessions:IdleTimeout</c> and <c>Sessions:AbsoluteLifetime</c>.</summary>
/// <param name="IdleTimeout">A session with no request for this long ends (default 30 minutes).</param>
/// <param name="AbsoluteLifetime">A session ends this long after sign-in however busy it is (default 8 hours).</param>
public sealed record SessionLimits(TimeSpan IdleTimeout, TimeSpan AbsoluteLifetime)
{
    /// <summary>30 minutes idle, 8 hours in all.</summary>
    public static SessionLimits Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(8));

    /// <summary>Both limits checked: positive, and the idle timeout no longer than the lifetime.</summary>
    /// <exception cref="ArgumentException">A limit of zero or less, or an idle timeout longer than the lifetime.</exception>
    public SessionLimits Checked() =>
        IdleTimeout <= TimeSpan.Zero || AbsoluteLifetime <= TimeSpan.Zero || IdleTimeout > AbsoluteLifetime
            ? throw new ArgumentException($"Sessions:IdleTimeout ({IdleTimeout}) and Sessions:AbsoluteLifetime ({AbsoluteLifetime}) must be above zero, the idle timeout no longer than the lifetime. Use hh:mm:ss, for example 00:30:00 and 08:00:00.")
            : this;
}
