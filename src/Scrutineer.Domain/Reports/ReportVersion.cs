namespace Scrutineer.Domain.Reports;

/// <summary>
/// Which version of a report is built. A report builder is told the version and adds OFFICIAL-SENSITIVE text only to
/// the full one: the public version is put together from approved OFFICIAL parts alone, never by taking text out.
/// </summary>
public enum ReportVersion
{
    /// <summary>
    /// Approved OFFICIAL text and, labelled where it appears, approved OFFICIAL-SENSITIVE text; marked
    /// OFFICIAL-SENSITIVE on every page when it holds any. Only for readers cleared to read every record's sensitive text.
    /// </summary>
    Full,

    /// <summary>Approved OFFICIAL text only; always marked OFFICIAL. For every signed-in reader once the round is published.</summary>
    Public,
}
