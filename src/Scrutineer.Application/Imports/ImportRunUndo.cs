using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Imports;

namespace Scrutineer.Application.Imports;

/// <summary>
/// Undoes an import run of figures: puts back exactly what it replaced and removes what it added, as a new audited
/// change under the acting account, in one transaction. Refused while a later run that is not undone touched any of
/// the same figures (measure × area × period): that run must be undone first.
/// </summary>
public static class ImportRunUndo
{
    /// <summary>Undoes run <paramref name="id"/>.</summary>
    /// <exception cref="DomainException">No such run; already undone; a run that wrote no figures; a later run touched the same figures (named).</exception>
    public static async Task<ImportRunListing> UndoAsync(ScrutineerDb db, long id, CancellationToken cancellationToken = default)
    {
        var found = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw ImportRuns.NoSuchRun(id);
        if (found.UndoneAt is { } at)
        {
            throw new DomainException($"Import run {id} was already undone on {ImportRuns.UkTime(at)} by {found.UndoneBy}.");
        }

        if (found.Kind is not (ImportRunKind.PoliceUk or ImportRunKind.Measures))
        {
            throw new DomainException($"Import run {id} imported {ImportRuns.Describe(found.Kind)}, not figures: only imports of data.police.uk files "
                + "and measure observations can be undone. Correct the data and import it again.");
        }

        await RefuseWhenTouchedLaterAsync(db, id, cancellationToken);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var run = await db.ImportRuns.SingleAsync(r => r.Id == id, cancellationToken);
            var changes = await db.ImportRunChanges.AsNoTracking().Where(c => c.RunId == id).ToListAsync(cancellationToken);
            foreach (var group in changes.GroupBy(c => (c.MeasureId, c.Kind, c.Period)))
            {
                var (measureId, kind, period) = group.Key;
                var areaIds = group.Select(c => c.AreaId).ToList();
                await db.Observations.IgnoreQueryFilters()
                    .Where(o => o.MeasureId == measureId && o.Kind == kind && o.Period == period && areaIds.Contains(o.AreaId))
                    .ExecuteDeleteAsync(cancellationToken);
            }

            await ObservationWriter.InsertAsync(db, changes.Where(c => c.BeforeValue is not null)
                .Select(c => new ObservationRow(c.MeasureId, c.AreaId, c.Kind, c.Period, c.BeforeValue!.Value, c.BeforeNumerator, c.BeforeDenominator)), cancellationToken);

            foreach (var month in await db.ImportRunMonths.Where(m => m.RunId == id && m.Hold == MonthHold.Held).ToListAsync(cancellationToken))
            {
                month.Withdraw();
            }

            // Months this run wrote again while an earlier run held them are that run's again, and held again.
            foreach (var month in await db.ImportRunMonths.Where(m => m.ReplacedByRunId == id && m.Hold == MonthHold.Replaced).ToListAsync(cancellationToken))
            {
                month.Restore();
            }

            run.Undo(AuditContext.Clock.GetUtcNow(), AuditContext.Actor);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        db.ChangeTracker.Clear();
        return await ImportRuns.FindAsync(db, id, cancellationToken);
    }

    private static async Task RefuseWhenTouchedLaterAsync(ScrutineerDb db, long id, CancellationToken cancellationToken)
    {
        var mine = db.ImportRunChanges.Where(c => c.RunId == id);
        var later = await db.ImportRunChanges.AsNoTracking()
            .Where(c => c.RunId > id && db.ImportRuns.Any(r => r.Id == c.RunId && r.UndoneAt == null)
                && mine.Any(m => m.MeasureId == c.MeasureId && m.AreaId == c.AreaId && m.Kind == c.Kind && m.Period == c.Period))
            .Select(c => new { c.RunId, c.Period })
            .Distinct()
            .ToListAsync(cancellationToken);
        if (later.Count == 0)
        {
            return;
        }

        var laterId = later.Max(l => l.RunId);
        var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == laterId, cancellationToken);
        var periods = later.Where(l => l.RunId == laterId).Select(l => l.Period).Distinct().Order().Select(p => p.ToString()).ToList();
        var others = later.Select(l => l.RunId).Distinct().Count() - 1;
        throw new DomainException(
            $"Import run {id} cannot be undone: import run {laterId} ({ImportRuns.Describe(run.Kind)}, {ImportRuns.UkTime(run.Started)} by {run.By}) changed the same figures afterwards "
            + $"({string.Join(", ", periods.Take(6))}{(periods.Count > 6 ? ", …" : "")})"
            + (others > 0 ? $", and so did {others} other later run{(others == 1 ? "" : "s")}" : "")
            + $". Undo run {laterId} first{(others > 0 ? " (and the others, newest first)" : "")}, then run {id}.");
    }
}
