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

    /// <summary>Whether the demo built this store (it marks the store it builds); a store with real data never carries the mark.</summary>
    public static Task<bool> BuiltThisStoreAsync(ScrutineerDb db, CancellationToken cancellationToken = default) =>
        db.StoreSettings.AnyAsync(s => s.Name == Domain.Common.StoreSetting.BuiltByDemo, cancellationToken);

    /// <summary>Whether the store holds no plan and no account.</summary>
    public static async Task<bool> IsEmptyAsync(ScrutineerDb db, CancellationToken cancellationToken = default) =>
        !await db.Plans.AnyAsync(cancellationToken) && !await db.Accounts.AnyAsync(cancellationToken)
        && !await db.Areas.AnyAsync(cancellationToken) && !await db.Measures.AnyAsync(cancellationToken);

    /// <summary>Fills an empty store with the demo force and marks the store as the demo's.</summary>
    /// <exception cref="Domain.Common.DomainException">The store already holds a plan or an account.</exception>
    public static async Task BuildAsync(ScrutineerDb db, DemoSettings settings, CancellationToken cancellationToken = default)
    {
        if (!await IsEmptyAsync(db, cancellationToken))
        {
            throw new Domain.Common.DomainException("The store already holds data: the demo is built only into an empty store. Give the demo a new --db path.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = await DemoPlan.AddAsync(db, settings, cancellationToken);
        await DemoStrategy.AddAsync(db, settings, cancellationToken);
        await DemoRounds.AddAsync(db, plan, settings, cancellationToken);
        await DemoPerformanceData.AddAsync(db, settings, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await DemoMeasureLinks.AddAsync(db, cancellationToken);
        await DemoClosureReport.AddAsync(db, settings.Today, cancellationToken);
        await DemoAccounts.AddAsync(db, plan, settings, cancellationToken);
        await DemoUnitHeads.AddAsync(db, cancellationToken);
        db.StoreSettings.Add(new Domain.Common.StoreSetting(Domain.Common.StoreSetting.BuiltByDemo, "true"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
