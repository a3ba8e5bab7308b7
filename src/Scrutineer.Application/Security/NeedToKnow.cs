using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Security;

/// <summary>
/// The one rule for who reads what: every page, API response, report, export and email asks here. Nobody outside an
/// update's scope reads anything but approved text; OFFICIAL-SENSITIVE text needs the account's explicit permission
/// (<see cref="UserAccount.ReadsSensitive"/>) and, for contributors and reviewers, the record to be in their scope.
/// </summary>
public static class NeedToKnow
{
    /// <summary>
    /// Whether <paramref name="reader"/> may read an update (its OFFICIAL text in its current state). Analysts and
    /// administrators read every update; contributors read their units' updates and reviewers the updates on their
    /// priorities in any state; everyone else reads approved updates only — never drafts, submitted or returned text.
    /// </summary>
    public static bool CanReadUpdate(Reader reader, int unitId, int priorityId, UpdateState state) =>
        InScope(reader, unitId, priorityId) || state == UpdateState.Approved;

    /// <summary>
    /// Whether <paramref name="reader"/> may read an update's OFFICIAL-SENSITIVE parts: with the permission, analysts,
    /// administrators and cleared viewers read them wherever they may read the update; contributors only for their
    /// own units, reviewers only on their own priorities.
    /// </summary>
    public static bool CanReadSensitive(Reader reader, int unitId, int priorityId, UpdateState state) =>
        Sensitive(reader, InScope(reader, unitId, priorityId), state);

    /// <summary>
    /// Whether <paramref name="reader"/> may read a strand's narrative (its OFFICIAL text in its current state): the same
    /// rule as an update's, with the strand as its scope — analysts and administrators read every narrative; the strand's
    /// lead (a contributor holding the strand) and its reviewers read it in any state; everyone else approved only.
    /// </summary>
    public static bool CanReadNarrative(Reader reader, int strandId, UpdateState state) =>
        InStrandScope(reader, strandId) || state == UpdateState.Approved;

    /// <summary>Whether <paramref name="reader"/> may read a strand narrative's OFFICIAL-SENSITIVE parts, by the rule of <see cref="CanReadSensitive"/>.</summary>
    public static bool CanReadNarrativeSensitive(Reader reader, int strandId, UpdateState state) =>
        Sensitive(reader, InStrandScope(reader, strandId), state);

    /// <summary>
    /// Whether <paramref name="reader"/> may read every record's OFFICIAL-SENSITIVE text: the full version of a report,
    /// a full export. Everyone else gets the public version, built from approved OFFICIAL text only.
    /// </summary>
    public static bool CanReadAllSensitive(Reader reader) => reader.ReadsSensitive && ForceWide(reader);

    /// <summary>
    /// Whether <paramref name="reader"/> may read a delivery task's OFFICIAL-SENSITIVE note: with the permission,
    /// force-wide readers, and the strand's lead and reviewers (contributors and reviewers holding its strand).
    /// </summary>
    public static bool CanReadTaskSensitive(Reader reader, int strandId) =>
        reader.ReadsSensitive && (ForceWide(reader) || InStrandScope(reader, strandId));

    private static bool Sensitive(Reader reader, bool inScope, UpdateState state) =>
        reader.ReadsSensitive && (inScope || state == UpdateState.Approved) && (ForceWide(reader) || inScope);

    private static bool InStrandScope(Reader reader, int strandId) => reader.Role switch
    {
        Role.Administrator or Role.Analyst => true,
        Role.Contributor or Role.Reviewer => reader.StrandIds.Contains(strandId),
        Role.Viewer => false,
    };

    private static bool ForceWide(Reader reader) => reader.Role is Role.Administrator or Role.Analyst or Role.Viewer;

    private static bool InScope(Reader reader, int unitId, int priorityId) => reader.Role switch
    {
        Role.Administrator or Role.Analyst => true,
        Role.Contributor => reader.UnitIds.Contains(unitId),
        Role.Reviewer => reader.PriorityIds.Contains(priorityId),
        Role.Viewer => false,
    };
}
