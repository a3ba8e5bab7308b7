namespace Scrutineer.Domain.Accounts;

/// <summary>Why a signed-in session ended.</summary>
public enum SessionEnd
{
    /// <summary>The account signed out of this session.</summary>
    SignedOut,

    /// <summary>The account, or an administrator, ended this session from the list of sessions.</summary>
    Revoked,

    /// <summary>The account signed out of every session at once.</summary>
    SignedOutEverywhere,

    /// <summary>The account's password, role, scopes or enabled state changed after the session began.</summary>
    AccountChanged,

    /// <summary>No request came within the idle timeout.</summary>
    Idle,

    /// <summary>The session reached its absolute lifetime.</summary>
    Expired,
}
