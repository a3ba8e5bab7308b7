namespace Scrutineer.Domain.Reports;

/// <summary>When a scheduled report pack is sent.</summary>
public enum ReportTrigger
{
    /// <summary>Each time a round is published: the report of that round.</summary>
    OnPublication,

    /// <summary>Once, on a date (or the first working day after it): the report of the latest round published by then.</summary>
    OnDate,
}
