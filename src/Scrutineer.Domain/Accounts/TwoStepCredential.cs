using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Accounts;

/// <summary>
/// An account's second sign-in step: the authenticator secret (kept protected: the store holds only what the web
/// application's data protection made of it), the last time step used (so no code is used twice), and the hashes of
/// the unused recovery codes. It counts once confirmed with a first right code.
/// </summary>
public sealed class TwoStepCredential
{
    private TwoStepCredential()
    {
        ProtectedSecret = "";
        RecoverySecrets = "";
    }

    /// <summary>Starts enrolment for <paramref name="accountId"/> with a protected secret; not yet confirmed.</summary>
    public TwoStepCredential(int accountId, string protectedSecret)
    {
        AccountId = accountId;
        ProtectedSecret = protectedSecret;
        RecoverySecrets = "";
    }

    /// <summary>The account (one credential each).</summary>
    public int AccountId { get; private set; }

    /// <summary>The authenticator secret as the data protection sealed it; never the secret itself.</summary>
    public string ProtectedSecret { get; private set; }

    /// <summary>When the first right code confirmed it; null while enrolment is under way.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>The last RFC 6238 step whose code was accepted; codes of that step or earlier are refused.</summary>
    public long LastUsedStep { get; private set; }

    /// <summary>SHA-256 hashes (hex) of the unused recovery codes, separated by spaces.</summary>
    public string RecoverySecrets { get; private set; }

    /// <summary>Whether enrolment is complete.</summary>
    public bool IsConfirmed => ConfirmedAt is not null;

    /// <summary>Recovery codes left.</summary>
    public int RecoveryCodesLeft => RecoverySecrets.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Completes enrolment with the step of the first right code and the hashes of new recovery codes.</summary>
    /// <exception cref="DomainException">Already confirmed.</exception>
    public void Confirm(DateTimeOffset now, long step, IEnumerable<string> recoveryHashes)
    {
        if (IsConfirmed)
        {
            throw new DomainException("Two-step sign-in is already set up for this account.");
        }

        ConfirmedAt = now;
        LastUsedStep = step;
        RecoverySecrets = string.Join(' ', recoveryHashes);
    }

    /// <summary>Records that the code of <paramref name="step"/> was used.</summary>
    public void UseStep(long step) => LastUsedStep = Math.Max(LastUsedStep, step);

    /// <summary>Uses up the recovery code with hash <paramref name="hash"/>; false when no unused code has it.</summary>
    public bool UseRecoveryCode(string hash)
    {
        var hashes = RecoverySecrets.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!hashes.Remove(hash))
        {
            return false;
        }

        RecoverySecrets = string.Join(' ', hashes);
        return true;
    }
}
