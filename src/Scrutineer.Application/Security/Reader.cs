using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Security;

/// <summary>
/// Who is reading, as the need-to-know rule sees them: role, the units, priorities and strands in scope, and whether
/// the account holds the permission to read OFFICIAL-SENSITIVE text.
/// </summary>
public sealed record Reader(Role Role, IReadOnlySet<int> UnitIds, IReadOnlySet<int> PriorityIds, IReadOnlySet<int> StrandIds, bool ReadsSensitive)
{
    /// <summary>The command line: an operator's tool with full rights (its actions are audited as cli:&lt;user&gt;).</summary>
    public static Reader Operator { get; } = new(Role.Administrator, new HashSet<int>(), new HashSet<int>(), new HashSet<int>(), true);

    /// <summary>The public: a public version is built for it, holding approved OFFICIAL text only.</summary>
    public static Reader Public { get; } = new(Role.Viewer, new HashSet<int>(), new HashSet<int>(), new HashSet<int>(), false);

    /// <summary>The reader of an account.</summary>
    public static Reader Of(UserAccount account) => new(
        account.Role, account.UnitIds.ToHashSet(), account.PriorityIds.ToHashSet(), account.StrandIds.ToHashSet(), account.ReadsSensitive);
}
