using Scrutineer.Domain.Accounts;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Delivery;

/// <summary>
/// Who may change a delivery task's status, risk and notes. Everyone signed in reads the strategy; analysts and
/// administrators change any task; a strand's lead (a contributor holding the strand) and its reviewers change the tasks
/// in their strands only.
/// </summary>
public static class TaskAccess
{
    /// <summary>True when <paramref name="user"/> may change the status of a task in strand <paramref name="strandId"/>.</summary>
    public static bool CanChangeStatus(CurrentUser user, int strandId) =>
        user.IsAnalyst || (user.Role is Role.Reviewer or Role.Contributor && user.StrandIds.Contains(strandId));
}
