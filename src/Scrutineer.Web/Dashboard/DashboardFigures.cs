using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Delivery;
using Scrutineer.Web.Performance;
using Scrutineer.Web.Quarterly;

namespace Scrutineer.Web.Dashboard;

/// <summary>
/// What the home dashboard shows: the current round's progress, commitments by delivery status per priority, the
/// strategy's at-risk tasks and the force's key rolling-12 insights. The same for every signed-in role.
/// </summary>
public sealed record DashboardFigures(
    RoundSummary? Round,
    RoundProgress? Progress,
    IReadOnlyList<PriorityStatus> Priorities,
    string? StrategyTitle,
    IReadOnlyList<AtRiskTask> AtRisk,
    string? InsightArea,
    IReadOnlyList<RollingComparisonRow> Insights)
{
    /// <summary>How many significant changes the dashboard lists besides All crime.</summary>
    public const int BiggestChanges = 4;

    /// <summary>Reads the figures from the store as they are on <paramref name="today"/> (UK date).</summary>
    public static async Task<DashboardFigures> BuildAsync(ScrutineerDb db, RoundBoard board, DateOnly today, CancellationToken ct)
    {
        string? strategyTitle = null;
        IReadOnlyList<AtRiskTask> atRisk = [];
        if (await DeliveryStore.CurrentStrategyAsync(db, ct) is { } strategy)
        {
            strategyTitle = strategy.Title;
            atRisk = await DeliveryProgress.AtRiskAsync(db, strategy.Id, null, today, ct);
        }

        var insightArea = await ForceArea.DefaultAsync(db, ct);
        var insights = await InsightsAsync(db, insightArea, ct);
        var round = await board.CurrentAsync(ct);
        if (round is null)
        {
            return new DashboardFigures(null, null, [], strategyTitle, atRisk, insightArea, insights);
        }

        var slots = await board.SlotsAsync(round, ct);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == round.PlanId)
            .OrderBy(p => p.Number).Select(p => new { p.Id, p.Number, p.Title }).ToListAsync(ct);
        var statuses = priorities.Select(p => PriorityStatus.Of(p.Id, p.Number, p.Title, slots.Where(s => s.PriorityId == p.Id))).ToList();
        return new DashboardFigures(round, board.Progress(round, slots), statuses, strategyTitle, atRisk, insightArea, insights);
    }

    /// <summary>All crime and the biggest significant rolling-12 changes for the force, to the latest month held.</summary>
    private static async Task<IReadOnlyList<RollingComparisonRow>> InsightsAsync(ScrutineerDb db, string? area, CancellationToken ct)
    {
        if (area is null || await LatestMonth.ConfirmedAsync(db, ct) is not { } to)
        {
            return [];
        }

        try
        {
            var rows = (await new PerformanceQueries(db).Rolling12Async(to, null, area, ct)).Rows;
            var allCrime = rows.Where(r => r.Measure == PoliceUkImport.AllCrime);
            var biggest = rows.Where(r => r.Measure != PoliceUkImport.AllCrime && r.Significant)
                .OrderByDescending(r => Math.Abs(r.PercentChange ?? 0)).Take(BiggestChanges);
            return allCrime.Concat(biggest).ToList();
        }
        catch (DomainException)
        {
            return [];
        }
    }
}
