using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Delivery;
using Scrutineer.Web.Performance;
using Scrutineer.Web.Quarterly;

namespace Scrutineer.Web.Pages;

public sealed class IndexModel(ScrutineerDb db, RoundBoard board, TimeProvider clock) : ScrutineerPageModel
{
    /// <summary>How many significant changes the dashboard lists besides All crime.</summary>
    public const int BiggestChanges = 4;

    public IReadOnlyList<AtRiskTask> AtRisk { get; private set; } = [];

    public string? StrategyTitle { get; private set; }

    public IReadOnlyList<RollingComparisonRow> Insights { get; private set; } = [];

    public string? InsightArea { get; private set; }

    public RoundSummary? Round { get; private set; }

    public RoundProgress? Progress { get; private set; }

    public IReadOnlyList<PriorityStatus> Priorities { get; private set; } = [];

    public static IReadOnlyList<DeliveryStatus> Statuses { get; } = Enum.GetValues<DeliveryStatus>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadDeliveryAndInsightsAsync(ct);
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

    private async Task LoadDeliveryAndInsightsAsync(CancellationToken ct)
    {
        if (await StrategyChoice.CurrentAsync(db, ct) is { } strategy)
        {
            StrategyTitle = strategy.Title;
            AtRisk = await DeliveryProgress.AtRiskAsync(db, strategy.Id, null, DateOnly.FromDateTime(clock.GetLocalNow().Date), ct);
        }

        InsightArea = await InsightChoices.ForceAreaAsync(db, ct);
        if (InsightArea is null || await InsightChoices.LatestMonthAsync(db, ct) is not { } to)
        {
            return;
        }

        try
        {
            var rows = await new PerformanceQueries(db).Rolling12Async(to, null, InsightArea, ct);
            var allCrime = rows.Where(r => r.Measure == PoliceUkImport.AllCrime);
            var biggest = rows.Where(r => r.Measure != PoliceUkImport.AllCrime && r.Significant)
                .OrderByDescending(r => Math.Abs(r.PercentChange ?? 0)).Take(BiggestChanges);
            Insights = allCrime.Concat(biggest).ToList();
        }
        catch (DomainException)
        {
            Insights = [];
        }
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
