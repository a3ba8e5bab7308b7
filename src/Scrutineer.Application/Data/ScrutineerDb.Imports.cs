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
    /// see every row, ask with <c>IgnoreQueryFilters()</c>.
    /// </summary>
    private void HoldProvisionalMonths(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Observation>().HasQueryFilter(o =>
            o.Kind != PeriodKind.Month || !ImportRunMonths.Any(h => h.Hold == MonthHold.Held && h.MeasureId == o.MeasureId && h.Period == o.Period));
}
