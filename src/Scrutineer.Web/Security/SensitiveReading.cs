using Scrutineer.Application.Security;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Security;

/// <summary>
/// The need-to-know rule (<see cref="NeedToKnow"/>) asked about a record as a page holds it: whether the signed-in
/// account may be shown its OFFICIAL-SENSITIVE parts. Pages and partials render those parts only when this says yes.
/// </summary>
public static class SensitiveReading
{
    /// <summary>
    /// Whether <paramref name="me"/> may read the OFFICIAL-SENSITIVE parts of <paramref name="update"/>: a quarterly update
    /// (its commitment loaded) or a strand narrative.
    /// </summary>
    public static bool ShowsSensitive(this CurrentUser me, ReviewedUpdate update) => update switch
    {
        QuarterlyUpdate u => NeedToKnow.CanReadSensitive(me.Reader, u.UnitId, u.Commitment.PriorityId, u.State),
        StrandNarrative n => NeedToKnow.CanReadNarrativeSensitive(me.Reader, n.StrandId, n.State),
        _ => false,
    };

    /// <summary>Whether <paramref name="me"/> may read the OFFICIAL-SENSITIVE note of <paramref name="task"/> (its plan loaded).</summary>
    public static bool ShowsSensitive(this CurrentUser me, DeliveryTask task) =>
        NeedToKnow.CanReadTaskSensitive(me.Reader, task.Plan.StrandId);
}
