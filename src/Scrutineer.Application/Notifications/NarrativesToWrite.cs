using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Notifications;

/// <summary>
/// The strand narratives a round still asks of its strand leads: each strand of the strategy covering the round's
/// period (<see cref="DeliveryStore.FindStrategyAsync(ScrutineerDb, string?, Domain.Periods.FinancialQuarter?, CancellationToken)"/>,
/// the rule the narrative pages use) whose narrative is not started, a draft or returned, in strand order. None when no
/// strategy covers the period.
/// </summary>
public static class NarrativesToWrite
{
    /// <summary>One strand's narrative to write: the strand, and its narrative's state (null: not started).</summary>
    public sealed record Line(int StrandId, string Strand, UpdateState? State);

    /// <summary>The round's narratives not yet submitted or approved.</summary>
    public static async Task<IReadOnlyList<Line>> ForAsync(ScrutineerDb db, ReportingRound round, CancellationToken cancellationToken = default)
    {
        if (!await db.Strategies.AnyAsync(cancellationToken))
        {
            return [];
        }

        int strategyId;
        try
        {
            strategyId = await DeliveryStore.FindStrategyAsync(db, null, round.Period, cancellationToken);
        }
        catch (DeliveryImportException)
        {
            return [];
        }

        var strands = await db.Strands.AsNoTracking().Where(s => s.StrategyId == strategyId).OrderBy(s => s.Position)
            .Select(s => new { s.Id, s.Title }).ToListAsync(cancellationToken);
        var states = await db.StrandNarratives.AsNoTracking().Where(n => n.RoundId == round.Id)
            .ToDictionaryAsync(n => n.StrandId, n => n.State, cancellationToken);
        return strands
            .Select(s => new Line(s.Id, s.Title, states.TryGetValue(s.Id, out var state) ? state : null))
            .Where(l => l.State is null or UpdateState.Draft or UpdateState.Returned)
            .ToList();
    }
}
