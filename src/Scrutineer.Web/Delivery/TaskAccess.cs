using Scrutineer.Domain.Accounts;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Delivery;

/// <summary>
/// Who may change a delivery task's status. Everyone signed in reads the strategy; analysts and administrators change
/// any task; a reviewer whose account is scoped to strands changes tasks in those strands only.
/// </summary>
public static class TaskAccess
{
    /// <summary>True when <paramref name="user"/> may change the status of a task in strand <paramref name="strandId"/>.</summary>
    public static bool CanChangeStatus(CurrentUser user, int strandId) =>
        user.IsAnalyst || (user.Role == Role.Reviewer && user.StrandIds.Contains(strandId));
}
