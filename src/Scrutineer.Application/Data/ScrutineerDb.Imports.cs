using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Imports;

namespace Scrutineer.Application.Data;

/// <summary>Import runs: what each import read and wrote, the figures it replaced, and the months it holds as provisional.</summary>
public sealed partial class ScrutineerDb
{
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<ImportRunMonth> ImportRunMonths => Set<ImportRunMonth>();

    public DbSet<ImportRunChange> ImportRunChanges => Set<ImportRunChange>();

    /// <summary>
    /// The one rule for provisional months: a monthly observation of a measure whose month an import run holds is left
    /// out of every query (dashboard, insights, reports, the API, "latest month" defaults). Imports and undo, which must
    /// see every row, ask with <c>IgnoreQueryFilters()</c>. <paramref name="db"/> stands for the context that runs the
    /// query (EF puts the running context in its place), so the compiled models (<see cref="StoreModel"/>), which cannot
    /// carry a filter of their own, add this same expression with no context at hand.
    /// </summary>
    internal static Expression<Func<Observation, bool>> NotHeld(ScrutineerDb? db) =>
        o => o.Kind != PeriodKind.Month || !db!.ImportRunMonths.Any(h => h.Hold == MonthHold.Held && h.MeasureId == o.MeasureId && h.Period == o.Period);

    /// <summary>
    /// <see cref="NotHeld"/> for SQL over the plain connection (<see cref="StoreReader"/>), of the observations named
    /// <c>o</c>: the same rule, written for the readers that leave EF out; a test holds both to the same answers.
    /// </summary>
    internal const string NotHeldSql =
        """(o."Kind" <> 'Month' OR NOT EXISTS (SELECT 1 FROM "ImportRunMonths" h WHERE h."Hold" = 'Held' AND h."MeasureId" = o."MeasureId" AND h."Period" = o."Period"))""";

    private void HoldProvisionalMonths(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Observation>().HasQueryFilter(NotHeld(this));
}
