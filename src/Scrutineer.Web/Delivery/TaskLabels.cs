using Scrutineer.Application.Delivery;
using Scrutineer.Domain.Delivery;

namespace Scrutineer.Web.Delivery;

/// <summary>How delivery task statuses and stages read on the pages, and the GOV.UK tag colour for each.</summary>
public static class TaskLabels
{
    public static string Of(DeliveryTaskStatus status) => DeliveryImport.Words(status);

    public static string Tag(DeliveryTaskStatus status) => status switch
    {
        DeliveryTaskStatus.NotStarted => "govuk-tag--grey",
        DeliveryTaskStatus.Ongoing => "govuk-tag--green",
        DeliveryTaskStatus.Complete => "govuk-tag--blue",
        DeliveryTaskStatus.AtRisk => "govuk-tag--red",
    };

    /// <summary>The value used in query strings and forms: "not-started", "ongoing", "complete", "at-risk".</summary>
    public static string Slug(DeliveryTaskStatus status) => status switch
    {
        DeliveryTaskStatus.NotStarted => "not-started",
        DeliveryTaskStatus.Ongoing => "ongoing",
        DeliveryTaskStatus.Complete => "complete",
        DeliveryTaskStatus.AtRisk => "at-risk",
    };

    public static DeliveryTaskStatus? FromSlug(string? slug) =>
        Enum.GetValues<DeliveryTaskStatus>().Cast<DeliveryTaskStatus?>().FirstOrDefault(s => Slug(s!.Value) == slug);

    public static string Stage(FourPStage stage) => stage.ToString();
}
