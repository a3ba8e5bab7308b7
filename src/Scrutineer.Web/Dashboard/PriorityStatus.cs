using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Quarterly;

namespace Scrutineer.Web.Dashboard;

/// <summary>A priority's commitments counted by the delivery status of the current round's updates.</summary>
/// <param name="ByStatus">Commitments per status; a commitment's status is the least favourable its units gave.</param>
/// <param name="NoUpdate">Commitments no unit has written on yet.</param>
public sealed record PriorityStatus(int Id, int Number, string Title, int Commitments, IReadOnlyDictionary<DeliveryStatus, int> ByStatus, int NoUpdate)
{
    /// <summary>The statuses in the order the dashboard shows them.</summary>
    public static IReadOnlyList<DeliveryStatus> Statuses { get; } = Enum.GetValues<DeliveryStatus>();

    /// <summary>Counts the priority's commitments from its slots (at risk outweighs not started, on track and complete).</summary>
    public static PriorityStatus Of(int id, int number, string title, IEnumerable<Slot> slots)
    {
        var byCommitment = slots.GroupBy(s => s.CommitmentId)
            .Select(g => g.Where(s => s.Update is not null).Select(s => (DeliveryStatus?)s.Update!.Status)
                .OrderBy(Severity).FirstOrDefault())
            .ToList();
        return new PriorityStatus(id, number, title, byCommitment.Count,
            Statuses.ToDictionary(s => s, s => byCommitment.Count(c => c == s)),
            byCommitment.Count(c => c is null));
    }

    private static int Severity(DeliveryStatus? status) => status switch
    {
        DeliveryStatus.AtRisk => 0,
        DeliveryStatus.NotStarted => 1,
        DeliveryStatus.OnTrack => 2,
        DeliveryStatus.Complete => 3,
        null => 4,
    };
}
