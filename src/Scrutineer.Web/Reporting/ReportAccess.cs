using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Reporting;

/// <summary>
/// Who may run the figures check: analysts and administrators. Who may download which report is the catalogue's rule
/// (<see cref="Application.Reports.ReportCatalogue.MayDownload"/>), shared with the command line.
/// </summary>
public static class ReportAccess
{
    public static bool CanCheckFigures(CurrentUser user) => user.IsAnalyst;
}
