using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Reporting;

/// <summary>
/// Who may download which report. Analysts and administrators: any round, public or full version, and the figures
/// check. Everyone else (viewers, contributors, reviewers): the public version of a published round only — a report of
/// a round still in progress shows unreviewed work, and the full version may hold OFFICIAL-SENSITIVE commentary.
/// </summary>
public static class ReportAccess
{
    public static bool CanDownload(CurrentUser user, RoundState round, bool fullVersion) =>
        user.IsAnalyst || (round == RoundState.Published && !fullVersion);

    public static bool CanSeeRound(CurrentUser user, RoundState round) => user.IsAnalyst || round == RoundState.Published;

    public static bool CanCheckFigures(CurrentUser user) => user.IsAnalyst;
}
