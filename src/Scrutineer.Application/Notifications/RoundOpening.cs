using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Plans;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Notifications;

/// <summary>
/// Opening a round, as both doors do it (<c>round open</c> and the Rounds page): the round's own rules
/// (<see cref="ReportingRounds.OpenAsync"/>) and, in the same transaction, a notice to each contributor with updates to
/// write in it (<see cref="HandOffNotices.RoundOpenedAsync"/>). A refused or rolled-back opening writes no notice.
/// </summary>
public static class RoundOpening
{
    /// <summary>Opens the round for <paramref name="period"/> with its deadline and tells its contributors; returns the round.</summary>
    /// <exception cref="DomainException">A round for that period exists already, no plan covers it, or the deadline is too early.</exception>
    public static async Task<ReportingRound> OpenAsync(ScrutineerDb db, FinancialQuarter period, DateOnly deadline, NotifySettings notify, DateTimeOffset now, string? planTitle = null, CancellationToken cancellationToken = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var round = await ReportingRounds.OpenAsync(db, period, deadline, now, planTitle, cancellationToken);
            var plan = await PlanLoader.LoadAsync(db, (await db.Plans.AsNoTracking().SingleAsync(p => p.Id == round.PlanId, cancellationToken)).Title, cancellationToken);
            await HandOffNotices.RoundOpenedAsync(db, round, plan, notify, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return round;
        });
    }
}
