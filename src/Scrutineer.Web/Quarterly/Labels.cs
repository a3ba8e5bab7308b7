using Scrutineer.Domain.Common;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Quarterly;

/// <summary>How states and statuses read on the pages, and the GOV.UK tag colour for each.</summary>
public static class Labels
{
    /// <summary>A draft's status may not be chosen yet.</summary>
    public static string Of(DeliveryStatus? status) => status is { } s ? Of(s) : "No status yet";

    public static string Tag(DeliveryStatus? status) => status is { } s ? Tag(s) : "govuk-tag--grey";

    public static string Of(DeliveryStatus status) => status switch
    {
        DeliveryStatus.NotStarted => "Not started",
        DeliveryStatus.OnTrack => "On track",
        DeliveryStatus.AtRisk => "At risk",
        DeliveryStatus.Complete => "Complete",
    };

    public static string Tag(DeliveryStatus status) => status switch
    {
        DeliveryStatus.NotStarted => "govuk-tag--grey",
        DeliveryStatus.OnTrack => "govuk-tag--green",
        DeliveryStatus.AtRisk => "govuk-tag--red",
        DeliveryStatus.Complete => "govuk-tag--blue",
    };

    public static string Of(Domain.Plans.UnitKind kind) => kind switch
    {
        Domain.Plans.UnitKind.Force => "Force",
        Domain.Plans.UnitKind.Command => "Command",
        Domain.Plans.UnitKind.LocalPolicingArea => "Local Policing Area",
        Domain.Plans.UnitKind.District => "District",
        Domain.Plans.UnitKind.Team => "Team",
        Domain.Plans.UnitKind.Partner => "Partner",
    };

    public static string Of(UpdateState? state) => state is { } s ? Of(s) : "Not started";

    public static string Of(UpdateState state) => state switch
    {
        UpdateState.Draft => "In progress",
        UpdateState.Submitted => "Submitted",
        UpdateState.Approved => "Approved",
        UpdateState.Returned => "Returned",
    };

    public static string Tag(UpdateState? state) => state is { } s ? Tag(s) : "govuk-tag--blue";

    public static string Tag(UpdateState state) => state switch
    {
        UpdateState.Draft => "govuk-tag--light-blue",
        UpdateState.Submitted => "govuk-tag--yellow",
        UpdateState.Approved => "govuk-tag--green",
        UpdateState.Returned => "govuk-tag--red",
    };

    public static string Of(RoundState state) => state switch
    {
        RoundState.Open => "Open",
        RoundState.Closed => "Closed",
        RoundState.Published => "Published",
    };

    public static string Tag(RoundState state) => state switch
    {
        RoundState.Open => "govuk-tag--green",
        RoundState.Closed => "govuk-tag--yellow",
        RoundState.Published => "govuk-tag--grey",
    };

    public static string Of(UpdateAction action) => action switch
    {
        UpdateAction.Created => "Started",
        UpdateAction.Edited => "Edited",
        UpdateAction.Submitted => "Submitted",
        UpdateAction.Approved => "Approved",
        UpdateAction.Returned => "Returned",
        UpdateAction.Withdrawn => "Withdrawn",
        UpdateAction.Corrected => "Corrected by the performance unit",
    };

    /// <summary>"12 January 2024".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb.Culture);

    /// <summary>"12 January 2024 at 9:05am" in UK time.</summary>
    public static string When(DateTimeOffset at)
    {
        var uk = UkClock.Local(at);
        return uk.ToString("d MMMM yyyy 'at' h:mm", EnGb.Culture) + (uk.Hour < 12 ? "am" : "pm");
    }
}
