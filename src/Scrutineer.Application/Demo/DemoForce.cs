using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;

namespace Scrutineer.Application.Demo;

/// <summary>
/// Builds the deterministic demo force into an empty store: the same command always gives the same data.
/// Each feature adds its part through a class of its own, called here in order.
/// </summary>
public static class DemoForce
{
    /// <summary>The demo plan's title: a store holding it already holds the demo.</summary>
    public const string PlanTitle = "Police and Crime Plan 2021-2024";

    /// <summary>Whether the store already holds the demo force.</summary>
    public static Task<bool> IsBuiltAsync(ScrutineerDb db, CancellationToken cancellationToken = default) =>
        db.Plans.AnyAsync(p => p.Title == PlanTitle, cancellationToken);

    /// <summary>Fills an empty store with the demo force.</summary>
    /// <exception cref="Domain.Common.DomainException">The store already holds a plan.</exception>
    public static async Task BuildAsync(ScrutineerDb db, DemoSettings settings, CancellationToken cancellationToken = default)
    {
        if (await db.Plans.AnyAsync(cancellationToken))
        {
            throw new Domain.Common.DomainException("The store already holds data: the demo is built into an empty store (use a new --db path, or --reset for an SQLite file).");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await DemoPlan.AddAsync(db, settings, cancellationToken);
        await DemoRounds.AddAsync(db, plan, settings, cancellationToken);
        await DemoPerformanceData.AddAsync(db, settings, cancellationToken);
        await DemoStrategy.AddAsync(db, settings, cancellationToken);
        await DemoAccounts.AddAsync(db, plan, settings, cancellationToken);
        // Later parts: delivery plans, performance data, accounts — one call each.
        await transaction.CommitAsync(cancellationToken);
    }
}
