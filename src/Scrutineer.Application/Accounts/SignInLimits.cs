using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Accounts;

/// <summary>When failed sign-ins lock an account: settings <c>SignIn:MaxFailures</c> and <c>SignIn:LockoutPeriod</c>.</summary>
/// <param name="MaxFailures">Failed sign-ins in a row that lock the account (default 5).</param>
/// <param name="LockoutPeriod">How long the lock lasts (default 15 minutes).</param>
public sealed record SignInLimits(int MaxFailures, TimeSpan LockoutPeriod)
{
    /// <summary>5 failures, 15 minutes.</summary>
    public static SignInLimits Default { get; } = new(UserAccount.MaxFailedSignIns, UserAccount.LockoutPeriod);

    /// <summary>The limits checked.</summary>
    /// <exception cref="ArgumentException">Fewer than 1 failure, or a lockout period of zero or less.</exception>
    public SignInLimits Checked() =>
        MaxFailures < 1 || LockoutPeriod <= TimeSpan.Zero
            ? throw new ArgumentException($"SignIn:MaxFailures ({MaxFailures}) must be 1 or more and SignIn:LockoutPeriod ({LockoutPeriod}) above zero, for example 5 and 00:15:00.")
            : this;
}
