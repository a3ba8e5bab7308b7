using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Accounts;

/// <summary>
/// Which quarterly updates an account may write or review (who may read them is <see cref="Application.Security.NeedToKnow"/>).
/// Pages look records up by identity and then ask here, answering 404 when the answer is no, so that changing an
/// identity in the address reveals nothing.
/// </summary>
public static class UpdateAccess
{
    /// <summary>Contributors write updates for their own units only.</summary>
    public static bool CanWrite(CurrentUser user, int unitId) => user.Role == Role.Contributor && user.UnitIds.Contains(unitId);

    /// <summary>Reviewers review updates on their own priorities only.</summary>
    public static bool CanReview(CurrentUser user, int priorityId) => user.Role == Role.Reviewer && user.PriorityIds.Contains(priorityId);

    /// <summary>A strand's narrative is written by its lead: a contributor holding the strand.</summary>
    public static bool CanWriteNarrative(CurrentUser user, int strandId) => user.Role == Role.Contributor && user.StrandIds.Contains(strandId);

    /// <summary>Reviewers review the narratives of their own strands only.</summary>
    public static bool CanReviewNarrative(CurrentUser user, int strandId) => user.Role == Role.Reviewer && user.StrandIds.Contains(strandId);

    /// <summary>Analysts and administrators correct any update.</summary>
    public static bool CanCorrect(CurrentUser user) => user.IsAnalyst;
}
