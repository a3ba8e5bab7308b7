using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Accounts;

/// <summary>Who may sign in with a local user name and password (setting <c>SignIn:LocalAccounts</c>).</summary>
public enum LocalSignIn
{
    /// <summary>Every enabled account (the default).</summary>
    All,

    /// <summary>Break-glass only: administrators, for when the identity provider is unavailable.</summary>
    Administrators,

    /// <summary>Nobody: everyone signs in through the identity provider.</summary>
    Off,
}

/// <summary>The rule for <see cref="LocalSignIn"/>.</summary>
public static class LocalSignInRule
{
    /// <summary>Whether an account with <paramref name="role"/> may sign in with its password under <paramref name="setting"/>.</summary>
    public static bool Allows(this LocalSignIn setting, Role role) => setting switch
    {
        LocalSignIn.All => true,
        LocalSignIn.Administrators => role == Role.Administrator,
        LocalSignIn.Off => false,
    };

    /// <summary>The message for a refused password sign-in.</summary>
    public static string Refusal(this LocalSignIn setting) => setting == LocalSignIn.Administrators
        ? "Sign-in with a password is kept for administrators. Use “Sign in with your organisation account”."
        : "Sign-in with a password is switched off. Use “Sign in with your organisation account”.";
}
