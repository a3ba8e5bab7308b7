namespace Scrutineer.Domain.Delivery;

/// <summary>Where a delivery-plan task stands. An at-risk task carries a risk description and usually a mitigation.</summary>
public enum DeliveryTaskStatus
{
    /// <summary>No work reported yet (also a task whose workbook gives no status at all).</summary>
    NotStarted,

    /// <summary>Under way, recurring or under review.</summary>
    Ongoing,

    /// <summary>Delivered.</summary>
    Complete,

    /// <summary>Delivery is in doubt; see the task's risk and mitigation.</summary>
    AtRisk,
}
