using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Imports;

namespace Scrutineer.Application.Imports;

/// <summary>
/// Import runs as records: every importer records its run inside its own transaction (who, when, files, rows, what it
/// wrote); an import of figures also keeps every figure it replaced or added and judges each month it wrote by the
/// <see cref="Plausibility"/> rule, holding implausible months as provisional. The run row is audited, so an import
/// moves the audit trail on and every cache keyed on it (the dashboard) is rebuilt. Lists and confirms runs; undo is
/// <see cref="ImportRunUndo"/>. See docs/performance-data.md and docs/decisions/0110.
/// </summary>
public static class ImportRuns
{
    private const int RowsPerBatch = 400;

    /// <summary>The kind as the command line and CSV name it.</summary>
    public static string NameOf(ImportRunKind kind) => kind switch
    {
        ImportRunKind.PoliceUk => "police-uk",
        ImportRunKind.Measures => "measures",
        ImportRunKind.MeasureDefinitions => "measure-definitions",
        ImportRunKind.Areas => "areas",
        ImportRunKind.Delivery => "delivery",
        ImportRunKind.Plan => "plan",
        ImportRunKind.QuarterlyUpdates => "updates",
        ImportRunKind.Peers => "peers",
        ImportRunKind.HarmWeights => "harm",
    };

    /// <summary>The kind in words, for messages and pages.</summary>
    public static string Describe(ImportRunKind kind) => kind switch
    {
        ImportRunKind.PoliceUk => "data.police.uk files",
        ImportRunKind.Measures => "measure observations",
        ImportRunKind.MeasureDefinitions => "measure definitions",
        ImportRunKind.Areas => "the area hierarchy",
        ImportRunKind.Delivery => "delivery plans",
        ImportRunKind.Plan => "a plan file",
        ImportRunKind.QuarterlyUpdates => "quarterly updates",
        ImportRunKind.Peers => "peer groups",
        ImportRunKind.HarmWeights => "harm weights",
    };

    /// <summary>A time as UK clocks showed it: "4 December 2026 14:02".</summary>
    public static string UkTime(DateTimeOffset at) =>
        UkClock.Local(at).ToString("d MMMM yyyy HH:mm", EnGb.Culture);

    /// <summary>Records a run that wrote no figures (definitions, areas, delivery plans, plan files, quarterly updates), in the caller's transaction if any.</summary>
    public static async Task<long> RecordAsync(ScrutineerDb db, ImportRunKind kind, DateTimeOffset started, IReadOnlyList<ImportedFile> files, long rows, string wrote, CancellationToken cancellationToken)
    {
        var run = new ImportRun(kind, started, AuditContext.Actor, files, rows);
        run.Finish(wrote);
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    /// <summary>
    /// Records a run that wrote figures, inside the import's transaction, after it wrote them: every figure it replaced
    /// (<paramref name="before"/>) or wrote (<paramref name="after"/>); holds that it ends by writing a held month again;
    /// and, per measure and month, the totals before and after and the hold of a month the plausibility rule finds wrong.
    /// </summary>
    internal static async Task<RecordedRun> RecordFiguresAsync(ScrutineerDb db, ImportRunKind kind, DateTimeOffset started, IReadOnlyList<ImportedFile> files, long rows,
        IReadOnlyCollection<ObservationRow> before, IReadOnlyCollection<ObservationRow> after, CancellationToken cancellationToken)
    {
        var run = new ImportRun(kind, started, AuditContext.Actor, files, rows);
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);

        var changes = new Dictionary<(int, int, PeriodKind, ReportingMonth), (ObservationRow? Before, ObservationRow? After)>();
        foreach (var row in before)
        {
            changes[Key(row)] = (row, null);
        }

        foreach (var row in after)
        {
            changes[Key(row)] = (changes.TryGetValue(Key(row), out var was) ? was.Before : null, row);
        }

        await WriteChangesAsync(db, run.Id, changes.Values, cancellationToken);

        // Writing a held month again ends its hold: the new figures are judged on their own.
        var monthKeys = changes.Keys.Where(k => k.Item3 == PeriodKind.Month).Select(k => (k.Item1, k.Item4)).ToHashSet();
        foreach (var held in await db.ImportRunMonths.Where(m => m.Hold == MonthHold.Held && m.RunId != run.Id).ToListAsync(cancellationToken))
        {
            if (monthKeys.Contains((held.MeasureId, held.Period)))
            {
                held.ReplaceBy(run.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var monthly = after.Where(r => r.Kind == PeriodKind.Month).ToList();
        var heldMonths = new List<HeldMonth>();
        if (monthly.Count > 0 || before.Any(r => r.Kind == PeriodKind.Month))
        {
            var measures = await db.Measures.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
            var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, cancellationToken);
            var top = areas.Values.Where(a => a.ParentId is null).Select(a => a.Id).ToHashSet();
            var reasons = await JudgeAsync(db, monthly, measures, areas, top, cancellationToken);
            heldMonths.AddRange(reasons.OrderBy(r => r.Key).Select(r => new HeldMonth(r.Key, r.Value)));
            foreach (var group in changes.Values.Where(c => (c.After ?? c.Before)!.Value.Kind == PeriodKind.Month)
                .GroupBy(c => ((c.After ?? c.Before)!.Value.MeasureId, (c.After ?? c.Before)!.Value.Period)))
            {
                var atTop = group.Where(c => top.Contains((c.After ?? c.Before)!.Value.AreaId)).ToList();
                decimal? Total(Func<(ObservationRow? Before, ObservationRow? After), ObservationRow?> side) =>
                    atTop.Any(c => side(c) is not null) ? atTop.Sum(c => side(c)?.Value ?? 0) : null;
                db.ImportRunMonths.Add(new ImportRunMonth(run.Id, group.Key.MeasureId, group.Key.Period, Total(c => c.Before), Total(c => c.After),
                    reasons.GetValueOrDefault(group.Key.Period)));
            }
        }

        run.Finish(Summary(changes.Values));
        await db.SaveChangesAsync(cancellationToken);
        return new RecordedRun(run.Id, heldMonths);
    }

    /// <summary>Every run, newest first, with its status and the months it holds.</summary>
    public static async Task<IReadOnlyList<ImportRunListing>> ListAsync(ScrutineerDb db, CancellationToken cancellationToken = default)
    {
        var runs = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        var held = await HeldAsync(db, null, cancellationToken);
        return runs.Select(r => Listing(r, held.GetValueOrDefault(r.Id) ?? [])).ToList();
    }

    /// <summary>One run.</summary>
    /// <exception cref="DomainException">No run has that number.</exception>
    public static async Task<ImportRunListing> FindAsync(ScrutineerDb db, long id, CancellationToken cancellationToken = default)
    {
        var run = await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw NoSuchRun(id);
        return Listing(run, (await HeldAsync(db, id, cancellationToken)).GetValueOrDefault(id) ?? []);
    }

    /// <summary>
    /// Confirms the months a run holds as provisional: they are used from now on, in every figure. An audited change
    /// under the acting account.
    /// </summary>
    /// <exception cref="DomainException">No such run; the run was undone; it holds no months.</exception>
    public static async Task<ImportRunListing> ConfirmAsync(ScrutineerDb db, long id, CancellationToken cancellationToken = default)
    {
        var run = await db.ImportRuns.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw NoSuchRun(id);
        if (run.UndoneAt is not null)
        {
            throw new DomainException($"Import run {id} was undone: there is nothing to confirm.");
        }

        var held = await db.ImportRunMonths.Where(m => m.RunId == id && m.Hold == MonthHold.Held).ToListAsync(cancellationToken);
        if (held.Count == 0)
        {
            throw new DomainException($"Import run {id} holds no provisional months: there is nothing to confirm.");
        }

        held.ForEach(m => m.Confirm());
        await db.SaveChangesAsync(cancellationToken);
        return await FindAsync(db, id, cancellationToken);
    }

    internal static DomainException NoSuchRun(long id) =>
        new($"There is no import run {id.ToString(CultureInfo.InvariantCulture)}: 'scrutineer import runs' lists them.");

    internal static (int, int, PeriodKind, ReportingMonth) Key(ObservationRow row) => (row.MeasureId, row.AreaId, row.Kind, row.Period);

    private static ImportRunListing Listing(ImportRun run, IReadOnlyList<HeldMonth> held) =>
        new(run.Id, run.Started, run.By, run.Kind, run.FileList, run.Rows, ImportRun.StatusOf(run.UndoneAt is not null, held.Count > 0),
            run.Wrote, held, run.UndoneAt, run.UndoneBy);

    private static async Task<Dictionary<long, IReadOnlyList<HeldMonth>>> HeldAsync(ScrutineerDb db, long? id, CancellationToken cancellationToken)
    {
        var query = db.ImportRunMonths.AsNoTracking().Where(m => m.Hold == MonthHold.Held);
        if (id is { } only)
        {
            query = query.Where(m => m.RunId == only);
        }

        var rows = await query.Select(m => new { m.RunId, m.Period, m.Reason }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.RunId).ToDictionary(g => g.Key,
            g => (IReadOnlyList<HeldMonth>)g.GroupBy(r => r.Period).OrderBy(p => p.Key).Select(p => new HeldMonth(p.Key, p.First().Reason ?? "")).ToList());
    }

    /// <summary>The months of <paramref name="monthly"/> the plausibility rule holds, with the reasons.</summary>
    private static async Task<Dictionary<ReportingMonth, string>> JudgeAsync(ScrutineerDb db, List<ObservationRow> monthly,
        Dictionary<int, string> measures, Dictionary<int, Area> areas, HashSet<int> top, CancellationToken cancellationToken)
    {
        var reasons = new Dictionary<ReportingMonth, string>();
        if (monthly.Count == 0)
        {
            return reasons;
        }

        var measureIds = monthly.Select(r => r.MeasureId).Distinct().ToList();
        var first = monthly.Min(r => r.Period).Plus(-Plausibility.HistoryMonths);
        var last = monthly.Max(r => r.Period).Plus(Plausibility.SustainingMonths);
        // Confirmed figures (the store's filter leaves held months out) and this run's own, which are not held yet.
        var history = (await db.Observations.AsNoTracking()
            .Where(o => o.Kind == PeriodKind.Month && measureIds.Contains(o.MeasureId) && o.Period >= first && o.Period <= last)
            .Select(o => new { o.MeasureId, o.AreaId, o.Period, o.Value }).ToListAsync(cancellationToken))
            .Select(o => new MonthFigure(o.MeasureId, o.AreaId, o.Period, o.Value)).ToList();
        int ForceOf(int areaId)
        {
            var at = areaId;
            for (var depth = 0; depth < 16 && areas.TryGetValue(at, out var area) && area.ParentId is { } parent; depth++)
            {
                at = parent;
            }

            return at;
        }

        foreach (var month in monthly.GroupBy(r => r.Period))
        {
            var written = month.Select(r => new MonthFigure(r.MeasureId, r.AreaId, r.Period, r.Value)).ToList();
            if (Plausibility.Judge(month.Key, written, history, id => measures.GetValueOrDefault(id, "?"), id => areas.TryGetValue(id, out var a) ? a.Name : "?", top, ForceOf) is { } reason)
            {
                reasons[month.Key] = reason;
            }
        }

        return reasons;
    }

    private static string Summary(IReadOnlyCollection<(ObservationRow? Before, ObservationRow? After)> changes)
    {
        var rows = changes.Select(c => (c.After ?? c.Before)!.Value).ToList();
        if (rows.Count == 0)
        {
            return "No figures.";
        }

        static string Of(int n, string one, string many) => $"{n.ToString("N0", EnGb.Culture)} {(n == 1 ? one : many)}";
        var months = rows.Where(r => r.Kind == PeriodKind.Month).Select(r => r.Period).Distinct().Count();
        var others = rows.Where(r => r.Kind != PeriodKind.Month).Select(r => (r.Kind, r.Period)).Distinct().Count();
        var periods = months > 0 && others > 0 ? $"{Of(months, "month", "months")} and {Of(others, "quarter or year", "quarters or years")}"
            : months > 0 ? Of(months, "month", "months") : Of(others, "quarter or year", "quarters or years");
        var written = changes.Count(c => c.After is not null);
        var replaced = changes.Count(c => c.Before is not null && c.After is not null);
        var removed = changes.Count(c => c.After is null);
        return $"{periods} × {Of(rows.Select(r => r.MeasureId).Distinct().Count(), "measure", "measures")} × {Of(rows.Select(r => r.AreaId).Distinct().Count(), "area", "areas")}: "
            + $"{Of(written, "figure", "figures")} written ({replaced.ToString("N0", EnGb.Culture)} replacing one held before, {(written - replaced).ToString("N0", EnGb.Culture)} new)"
            + (removed > 0 ? $", {Of(removed, "figure", "figures")} removed." : ".");
    }

    private static async Task WriteChangesAsync(ScrutineerDb db, long runId, IEnumerable<(ObservationRow? Before, ObservationRow? After)> changes, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Import run changes are written inside the import's transaction.");
        if (connection is NpgsqlConnection postgres)
        {
            await CopyChangesAsync(postgres, runId, changes, cancellationToken);
            return;
        }

        foreach (var batch in changes.Chunk(RowsPerBatch))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO \"ImportRunChanges\" (\"RunId\", \"MeasureId\", \"AreaId\", \"Kind\", \"Period\", "
                + "\"BeforeValue\", \"BeforeNumerator\", \"BeforeDenominator\", \"AfterValue\", \"AfterNumerator\", \"AfterDenominator\") VALUES ");
            for (var i = 0; i < batch.Length; i++)
            {
                var (was, now) = batch[i];
                var key = (now ?? was)!.Value;
                sql.Append(CultureInfo.InvariantCulture,
                    $"{(i == 0 ? "" : ",")}({runId},{key.MeasureId},{key.AreaId},'{key.Kind}',{(key.Period.Year * 100) + key.Period.Month},@a{i},@b{i},@c{i},@d{i},@e{i},@f{i})");
                ObservationWriter.Add(command, "@a" + i.ToString(CultureInfo.InvariantCulture), was?.Value);
                ObservationWriter.Add(command, "@b" + i.ToString(CultureInfo.InvariantCulture), was?.Numerator);
                ObservationWriter.Add(command, "@c" + i.ToString(CultureInfo.InvariantCulture), was?.Denominator);
                ObservationWriter.Add(command, "@d" + i.ToString(CultureInfo.InvariantCulture), now?.Value);
                ObservationWriter.Add(command, "@e" + i.ToString(CultureInfo.InvariantCulture), now?.Numerator);
                ObservationWriter.Add(command, "@f" + i.ToString(CultureInfo.InvariantCulture), now?.Denominator);
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>On PostgreSQL the changes go in one binary COPY, inside the import's transaction.</summary>
    private static async Task CopyChangesAsync(NpgsqlConnection connection, long runId, IEnumerable<(ObservationRow? Before, ObservationRow? After)> changes, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync("COPY \"ImportRunChanges\" (\"RunId\", \"MeasureId\", \"AreaId\", \"Kind\", \"Period\", "
            + "\"BeforeValue\", \"BeforeNumerator\", \"BeforeDenominator\", \"AfterValue\", \"AfterNumerator\", \"AfterDenominator\") FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (was, now) in changes)
        {
            var key = (now ?? was)!.Value;
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(key.MeasureId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(key.AreaId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(key.Kind.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync((key.Period.Year * 100) + key.Period.Month, NpgsqlDbType.Integer, cancellationToken);
            await ObservationWriter.WriteAsync(copy, was?.Value, cancellationToken);
            await ObservationWriter.WriteAsync(copy, was?.Numerator, cancellationToken);
            await ObservationWriter.WriteAsync(copy, was?.Denominator, cancellationToken);
            await ObservationWriter.WriteAsync(copy, now?.Value, cancellationToken);
            await ObservationWriter.WriteAsync(copy, now?.Numerator, cancellationToken);
            await ObservationWriter.WriteAsync(copy, now?.Denominator, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }
}
