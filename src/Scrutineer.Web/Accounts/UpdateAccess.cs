using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Accounts;

/// <summary>
/// Which quarterly updates an account may read, write or review. Pages look records up by identity and then ask
/// here, answering 404 when the answer is no, so that changing an identity in the address reveals nothing.
/// </summary>
public static class UpdateAccess
{
    /// <summary>
    /// Analysts, administrators: every update. Contributors: their units' updates, and any update of a published round.
    /// Reviewers: updates on their priorities, and any of a published round. Viewers: approved updates and published rounds.
    /// </summary>
    public static bool CanRead(CurrentUser user, int unitId, int priorityId, UpdateState state, RoundState round) => user.Role switch
    {
        Role.Administrator or Role.Analyst => true,
        Role.Contributor => user.UnitIds.Contains(unitId) || round == RoundState.Published,
        Role.Reviewer => user.PriorityIds.Contains(priorityId) || round == RoundState.Published,
        Role.Viewer => state == UpdateState.Approved || round == RoundState.Published,
    };

    /// <summary>Contributors write updates for their own units only.</summary>
    public static bool CanWrite(CurrentUser user, int unitId) => user.Role == Role.Contributor && user.UnitIds.Contains(unitId);

    /// <summary>Reviewers review updates on their own priorities only.</summary>
    public static bool CanReview(CurrentUser user, int priorityId) => user.Role == Role.Reviewer && user.PriorityIds.Contains(priorityId);

    /// <summary>Analysts and administrators correct any update.</summary>
    public static bool CanCorrect(CurrentUser user) => user.IsAnalyst;
}
