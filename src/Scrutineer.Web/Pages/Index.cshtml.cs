using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Quarterly;

namespace Scrutineer.Web.Pages;

public sealed class IndexModel(ScrutineerDb db, RoundBoard board) : ScrutineerPageModel
{
    public RoundSummary? Round { get; private set; }

    public RoundProgress? Progress { get; private set; }

    public IReadOnlyList<PriorityStatus> Priorities { get; private set; } = [];

    public static IReadOnlyList<DeliveryStatus> Statuses { get; } = Enum.GetValues<DeliveryStatus>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Round = await board.CurrentAsync(ct);
        if (Round is null)
        {
            return;
        }

        var slots = await board.SlotsAsync(Round, ct);
        Progress = board.Progress(Round, slots);

        // A commitment's status: the least favourable status its units gave in this round (at risk outweighs on track).
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == Round.PlanId)
            .OrderBy(p => p.Number).Select(p => new { p.Id, p.Number, p.Title }).ToListAsync(ct);
        Priorities = priorities.Select(p =>
        {
            var byCommitment = slots.Where(s => s.PriorityId == p.Id).GroupBy(s => s.CommitmentId)
                .Select(g => g.Where(s => s.Update is not null).Select(s => (DeliveryStatus?)s.Update!.Status)
                    .OrderBy(Severity).FirstOrDefault())
                .ToList();
            return new PriorityStatus(p.Id, p.Number, p.Title, byCommitment.Count,
                Statuses.ToDictionary(s => s, s => byCommitment.Count(c => c == s)),
                byCommitment.Count(c => c is null));
        }).ToList();
    }

    private static int Severity(DeliveryStatus? status) => status switch
    {
        DeliveryStatus.AtRisk => 0,
        DeliveryStatus.NotStarted => 1,
        DeliveryStatus.OnTrack => 2,
        DeliveryStatus.Complete => 3,
        null => 4,
    };

    public sealed record PriorityStatus(int Id, int Number, string Title, int Commitments, IReadOnlyDictionary<DeliveryStatus, int> ByStatus, int NoUpdate);
}
