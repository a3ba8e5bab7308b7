using Scrutineer.Domain.Common;
using Scrutineer.Domain.Notifications;

namespace Scrutineer.Domain.Accounts;

/// <summary>
/// A local sign-in: user name, display name, password hash, one <see cref="Role"/> and, for contributors and
/// reviewers, the units, priorities or strands the role is limited to. Repeated failed sign-ins lock the account.
/// </summary>
/// <remarks>
/// The password hash is produced and checked outside the domain (ASP.NET Core Identity's password hasher); the
/// account only stores it. <see cref="Stamp"/> rises whenever the role, scopes, password or enabled state change, so
/// that sessions issued before the change are refused.
/// </remarks>
public sealed class UserAccount
{
    /// <summary>Failed sign-ins in a row that lock the account.</summary>
    public const int MaxFailedSignIns = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);

    private readonly List<AccountScope> scopes = [];

    private UserAccount()
    {
        UserName = "";
        DisplayName = "";
        PasswordHash = "";
    }

    /// <summary>Creates an enabled account.</summary>
    /// <exception cref="DomainException">Blank or malformed user name, blank display name, or scopes that do not suit the role.</exception>
    public UserAccount(string userName, string displayName, Role role, string passwordHash, DateTimeOffset now, IEnumerable<AccountScope>? scopes = null)
    {
        UserName = NormaliseUserName(userName);
        DisplayName = Required(displayName, "display name");
        PasswordHash = Required(passwordHash, "password");
        CreatedAt = now;
        Assign(role, scopes ?? []);
        Stamp = 1;
    }

    /// <summary>Store identity.</summary>
    public int Id { get; private set; }

    /// <summary>Sign-in name, lower case: letters, digits, dots, hyphens, underscores and at most one "@".</summary>
    public string UserName { get; private set; }

    /// <summary>Name shown on pages and recorded as author or reviewer, for example "Priya Shah".</summary>
    public string DisplayName { get; private set; }

    /// <summary>The password hash (never the password).</summary>
    public string PasswordHash { get; private set; }

    /// <summary>What the account may do.</summary>
    public Role Role { get; private set; }

    /// <summary>Failed sign-ins since the last success or lockout.</summary>
    public int FailedSignIns { get; private set; }

    /// <summary>Sign-in is refused until this moment (UTC); null when not locked.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>
    /// Whether the account may read OFFICIAL-SENSITIVE text: within its scope for contributors and reviewers, everywhere
    /// for analysts, administrators and viewers. Held by default by every role but viewer; a viewer holds it only once an
    /// administrator grants it (<see cref="AllowSensitive"/>). A change of role sets it back to the new role's default.
    /// </summary>
    public bool ReadsSensitive { get; private set; }

    /// <summary>A disabled account cannot sign in.</summary>
    public bool IsDisabled { get; private set; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the account last signed in successfully.</summary>
    public DateTimeOffset? LastSignInAt { get; private set; }

    /// <summary>Rises on every change to role, scopes, password or enabled state; sessions carry it and are refused once it moves.</summary>
    public int Stamp { get; private set; }

    /// <summary>
    /// The password is a one-time password (issued by <see cref="IssueOneTimePassword"/>): after signing in the account
    /// may do nothing but choose its own password.
    /// </summary>
    public bool MustChangePassword { get; private set; }

    /// <summary>Where the account's notices are emailed; none when null (its notices are then kept in the store only).</summary>
    public string? Email { get; private set; }

    /// <summary>The kinds of notice the account has turned off, as stored: their names, comma-separated, in kind order.</summary>
    public string MutedNotices { get; private set; } = "";

    /// <summary>Whether the account's notices come together in one email each time notices are sent (a daily digest when sent daily).</summary>
    public bool DailyDigest { get; private set; }

    /// <summary>The kinds of notice the account has turned off.</summary>
    public IReadOnlySet<NoticeKind> Muted => MutedNotices.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(n => Enum.TryParse<NoticeKind>(n, out var kind) ? kind : (NoticeKind?)null).OfType<NoticeKind>().ToHashSet();

    /// <summary>Whether the account wants notices of <paramref name="kind"/>.</summary>
    public bool Wants(NoticeKind kind) => !Muted.Contains(kind);

    /// <summary>Sets which kinds of notice the account gets, and whether they come as a digest.</summary>
    public void ChooseNotices(IEnumerable<NoticeKind> muted, bool digest)
    {
        MutedNotices = string.Join(',', muted.Where(Enum.IsDefined).Distinct().Order().Select(k => k.ToString()));
        DailyDigest = digest;
    }

    /// <summary>The units, priorities or strands the role is limited to.</summary>
    public IReadOnlyList<AccountScope> Scopes => scopes.OrderBy(s => s.Kind).ThenBy(s => s.TargetId).ToList();

    /// <summary>Identities of the units in scope.</summary>
    public IReadOnlyList<int> UnitIds => ScopeIds(ScopeKind.Unit);

    /// <summary>Identities of the priorities in scope.</summary>
    public IReadOnlyList<int> PriorityIds => ScopeIds(ScopeKind.Priority);

    /// <summary>Identities of the strands in scope.</summary>
    public IReadOnlyList<int> StrandIds => ScopeIds(ScopeKind.Strand);

    /// <summary>Whether sign-in is refused at <paramref name="now"/> because of repeated failures.</summary>
    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a failed sign-in; the <see cref="MaxFailedSignIns"/>th in a row locks the account for <see cref="LockoutPeriod"/>.</summary>
    public void RecordFailedSignIn(DateTimeOffset now)
    {
        if (IsLockedOut(now))
        {
            return;
        }

        FailedSignIns++;
        if (FailedSignIns >= MaxFailedSignIns)
        {
            LockedUntil = now + LockoutPeriod;
            FailedSignIns = 0;
        }
    }

    /// <summary>Records a successful sign-in, clearing the failure count.</summary>
    /// <exception cref="DomainException">The account is disabled or locked.</exception>
    public void RecordSignIn(DateTimeOffset now)
    {
        if (IsDisabled)
        {
            throw new DomainException("This account is disabled. Ask an administrator to enable it.");
        }

        if (IsLockedOut(now))
        {
            throw new DomainException("This account is locked after too many failed sign-ins. Try again later or ask an administrator to unlock it.");
        }

        FailedSignIns = 0;
        LockedUntil = null;
        LastSignInAt = now;
    }

    /// <summary>Clears a lockout (an administrator's action).</summary>
    public void Unlock()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }

    /// <summary>Replaces the password hash with one the account's holder chose; existing sessions end.</summary>
    public void ChangePassword(string passwordHash)
    {
        PasswordHash = Required(passwordHash, "password");
        MustChangePassword = false;
        Stamp++;
    }

    /// <summary>Sets a one-time password that must be changed at the next sign-in; existing sessions end.</summary>
    public void IssueOneTimePassword(string passwordHash)
    {
        ChangePassword(passwordHash);
        MustChangePassword = true;
    }

    /// <summary>Grants or withdraws the permission to read OFFICIAL-SENSITIVE text (an administrator's action); existing sessions end.</summary>
    public void AllowSensitive(bool allowed)
    {
        if (ReadsSensitive == allowed)
        {
            return;
        }

        ReadsSensitive = allowed;
        Stamp++;
    }

    /// <summary>Changes the display name.</summary>
    public void Rename(string displayName) => DisplayName = Required(displayName, "display name");

    /// <summary>Sets (or, with null or blank, clears) the address notices go to.</summary>
    /// <exception cref="DomainException">Not an email address.</exception>
    public void ChangeEmail(string? email) => Email = NormaliseEmail(email);

    /// <summary>The address trimmed, or null when blank.</summary>
    /// <exception cref="DomainException">Not an email address.</exception>
    public static string? NormaliseEmail(string? email)
    {
        var address = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (address is not null && (address.Length > 254 || address.Count(c => c == '@') != 1 || address.StartsWith('@') || address.EndsWith('@')
            || address.Any(char.IsWhiteSpace) || !address[(address.IndexOf('@') + 1)..].Contains('.', StringComparison.Ordinal)))
        {
            throw new DomainException($"Enter an email address in the correct format, like name@example.police.uk (not '{address}').");
        }

        return address;
    }

    /// <summary>Stops the account signing in; existing sessions end.</summary>
    public void Disable()
    {
        IsDisabled = true;
        Stamp++;
    }

    /// <summary>Lets the account sign in again.</summary>
    public void Enable()
    {
        IsDisabled = false;
        Unlock();
        Stamp++;
    }

    /// <summary>Sets the role and its scopes; existing sessions end.</summary>
    /// <exception cref="DomainException">
    /// A contributor without a unit or strand, or with a priority; a reviewer without a priority or strand; scopes of the wrong kind for the role;
    /// a scope identity below 1.
    /// </exception>
    public void Assign(Role role, IEnumerable<AccountScope> newScopes)
    {
        var list = newScopes.Distinct().ToList();
        if (list.Any(s => s.TargetId < 1))
        {
            throw new DomainException("A scope must name an existing unit, priority or strand.");
        }

        switch (role)
        {
            case Role.Contributor:
                if (list.Count == 0 || list.Any(s => s.Kind == ScopeKind.Priority))
                {
                    throw new DomainException("A contributor needs at least one unit (or strategy strand it leads), and no priorities.");
                }

                break;
            case Role.Reviewer:
                if (list.Count == 0 || list.Any(s => s.Kind == ScopeKind.Unit))
                {
                    throw new DomainException("A reviewer needs at least one priority or strand, and no units.");
                }

                break;
            case Role.Administrator:
            case Role.Analyst:
            case Role.Viewer:
                if (list.Count > 0)
                {
                    throw new DomainException($"The {role.ToString().ToLowerInvariant()} role sees everything: it takes no units, priorities or strands.");
                }

                break;
        }

        if (Role != role || Stamp == 0)
        {
            ReadsSensitive = role != Role.Viewer;
        }

        Role = role;
        scopes.Clear();
        scopes.AddRange(list);
        Stamp++;
    }

    /// <summary>Lower-cases and checks a user name.</summary>
    /// <exception cref="DomainException">Blank, longer than 100 characters, or containing other characters.</exception>
    public static string NormaliseUserName(string? userName)
    {
        var name = (userName ?? "").Trim().ToLowerInvariant();
        if (name.Length is 0 or > 100
            || name.Count(c => c == '@') > 1
            || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_' or '@'))
        {
            throw new DomainException("A user name is 1 to 100 letters, digits, dots, hyphens or underscores (an email address will do).");
        }

        return name;
    }

    private List<int> ScopeIds(ScopeKind kind) => scopes.Where(s => s.Kind == kind).Select(s => s.TargetId).Order().ToList();

    private static string Required(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException($"An account needs a {field}.") : value.Trim();
}
