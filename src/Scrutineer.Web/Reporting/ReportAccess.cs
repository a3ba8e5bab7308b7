using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Reporting;

/// <summary>
/// Who may run the figures check and write a closure report's text: analysts and administrators. Who may download which report is the catalogue's rule
/// (<see cref="Application.Reports.ReportCatalogue.MayDownload"/>), shared with the command line.
/// </summary>
public static class ReportAccess
{
    public static bool CanCheckFigures(CurrentUser user) => user.IsAnalyst;

    /// <summary>Who may write the foreword and executive summary of a plan's closure report: analysts and administrators.</summary>
    public static bool CanWriteClosureText(CurrentUser user) => user.IsAnalyst;

    /// <summary>Who may schedule report packs to distribution lists: analysts and administrators, as on the command line.</summary>
    public static bool CanScheduleReports(CurrentUser user) => user.IsAnalyst;
}
