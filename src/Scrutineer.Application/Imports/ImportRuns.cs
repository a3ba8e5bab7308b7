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
    internal static Task<RecordedRun> RecordFiguresAsync(ScrutineerDb db, ImportRunKind kind, DateTimeOffset started, IReadOnlyList<ImportedFile> files, long rows,
        IReadOnlyCollection<ObservationRow> before, IReadOnlyCollection<ObservationRow> after, CancellationToken cancellationToken) =>
        RecordFiguresAsync(StoreWriter.For(db), kind, started, files, rows, before, after, cancellationToken);

    /// <summary>As the other overload, written by <paramref name="store"/> (the run and its months audited as the store's save audits them).</summary>
    internal static async Task<RecordedRun> RecordFiguresAsync(StoreWriter store, ImportRunKind kind, DateTimeOffset started, IReadOnlyList<ImportedFile> files, long rows,
        IReadOnlyCollection<ObservationRow> before, IReadOnlyCollection<ObservationRow> after, CancellationToken cancellationToken)
    {
        var run = new ImportRun(kind, started, AuditContext.Actor, files, rows);
        var runId = (await store.AddAsync("ImportRuns", [StoreRows.Of(run)], cancellationToken))[0];

        var changes = new Dictionary<(int, int, PeriodKind, ReportingMonth), (ObservationRow? Before, ObservationRow? After)>();
        foreach (var row in before)
        {
            changes[Key(row)] = (row, null);
        }

        foreach (var row in after)
        {
            changes[Key(row)] = (changes.TryGetValue(Key(row), out var was) ? was.Before : null, row);
        }

        await WriteChangesAsync(store, runId, changes.Values, cancellationToken);

        // Writing a held month again ends its hold: the new figures are judged on their own.
        var monthKeys = changes.Keys.Where(k => k.Item3 == PeriodKind.Month).Select(k => (k.Item1, StoreRows.Month(k.Item4))).ToHashSet();
        var held = await store.ListAsync("SELECT \"Id\", \"MeasureId\", \"Period\", \"ReplacedByRunId\" FROM \"ImportRunMonths\" WHERE \"Hold\" = @held AND \"RunId\" <> @run",
            r => (Id: r.GetInt64(0), MeasureId: r.GetInt32(1), Period: r.GetInt32(2), ReplacedBy: r.IsDBNull(3) ? (long?)null : r.GetInt64(3)),
            cancellationToken, ("@held", nameof(MonthHold.Held)), ("@run", runId));
        foreach (var month in held.Where(h => monthKeys.Contains((h.MeasureId, h.Period))))
        {
            await store.ChangeAsync("ImportRunMonths", month.Id,
                [("Hold", nameof(MonthHold.Held), nameof(MonthHold.Replaced)), ("ReplacedByRunId", month.ReplacedBy, runId)], cancellationToken);
        }

        var monthly = after.Where(r => r.Kind == PeriodKind.Month).ToList();
        var heldMonths = new List<HeldMonth>();
        if (monthly.Count > 0 || before.Any(r => r.Kind == PeriodKind.Month))
        {
            var measures = (await store.ListAsync("SELECT \"Id\", \"Name\" FROM \"Measures\"", r => (Id: r.GetInt32(0), Name: r.GetString(1)), cancellationToken))
                .ToDictionary(m => m.Id, m => m.Name);
            var areas = (await store.ListAsync("SELECT \"Id\", \"Name\", \"ParentId\" FROM \"Areas\"",
                r => (Id: r.GetInt32(0), Name: r.GetString(1), ParentId: r.IsDBNull(2) ? (int?)null : r.GetInt32(2)), cancellationToken))
                .ToDictionary(a => a.Id, a => (a.Name, a.ParentId));
            var top = areas.Where(a => a.Value.ParentId is null).Select(a => a.Key).ToHashSet();
            var reasons = await JudgeAsync(store, monthly, measures, areas, top, cancellationToken);
            heldMonths.AddRange(reasons.OrderBy(r => r.Key).Select(r => new HeldMonth(r.Key, r.Value)));
            var months = new List<ImportRunMonth>();
            foreach (var group in changes.Values.Where(c => (c.After ?? c.Before)!.Value.Kind == PeriodKind.Month)
                .GroupBy(c => ((c.After ?? c.Before)!.Value.MeasureId, (c.After ?? c.Before)!.Value.Period)))
            {
                var atTop = group.Where(c => top.Contains((c.After ?? c.Before)!.Value.AreaId)).ToList();
                decimal? Total(Func<(ObservationRow? Before, ObservationRow? After), ObservationRow?> side) =>
                    atTop.Any(c => side(c) is not null) ? atTop.Sum(c => side(c)?.Value ?? 0) : null;
                months.Add(new ImportRunMonth(runId, group.Key.MeasureId, group.Key.Period, Total(c => c.Before), Total(c => c.After),
                    reasons.GetValueOrDefault(group.Key.Period)));
            }

            await store.AddAsync("ImportRunMonths", months.Select(StoreRows.Of).ToList(), cancellationToken);
        }

        var unfinished = run.Wrote;
        run.Finish(Summary(changes.Values));
        await store.ChangeAsync("ImportRuns", runId, [("Wrote", unfinished, run.Wrote)], cancellationToken);
        return new RecordedRun(runId, heldMonths);
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
    private static async Task<Dictionary<ReportingMonth, string>> JudgeAsync(StoreReader store, List<ObservationRow> monthly,
        Dictionary<int, string> measures, Dictionary<int, (string Name, int? ParentId)> areas, HashSet<int> top, CancellationToken cancellationToken)
    {
        var reasons = new Dictionary<ReportingMonth, string>();
        if (monthly.Count == 0)
        {
            return reasons;
        }

        var measureIds = string.Join(", ", monthly.Select(r => r.MeasureId).Distinct().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var first = monthly.Min(r => r.Period).Plus(-Plausibility.HistoryMonths);
        var last = monthly.Max(r => r.Period).Plus(Plausibility.SustainingMonths);
        // Confirmed figures (held months left out, as the store's filter leaves them out: ScrutineerDb.NotHeld) and this
        // run's own, which are not held yet.
        var history = await store.ListAsync(
            $"SELECT o.\"MeasureId\", o.\"AreaId\", o.\"Period\", o.\"Value\" FROM \"Observations\" o WHERE o.\"Kind\" = @month AND o.\"MeasureId\" IN ({measureIds}) "
            + "AND o.\"Period\" >= @first AND o.\"Period\" <= @last AND NOT EXISTS (SELECT 1 FROM \"ImportRunMonths\" h "
            + "WHERE h.\"Hold\" = @held AND h.\"MeasureId\" = o.\"MeasureId\" AND h.\"Period\" = o.\"Period\")",
            r => new MonthFigure(r.GetInt32(0), r.GetInt32(1), StoreRows.Month(r.GetInt32(2)), r.GetDecimal(3)),
            cancellationToken, ("@month", nameof(PeriodKind.Month)), ("@first", StoreRows.Month(first)), ("@last", StoreRows.Month(last)), ("@held", nameof(MonthHold.Held)));
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

    private static async Task WriteChangesAsync(StoreWriter store, long runId, IEnumerable<(ObservationRow? Before, ObservationRow? After)> changes, CancellationToken cancellationToken)
    {
        var (connection, transaction) = (store.Connection, store.Writing());
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
                    $"{(i == 0 ? "" : ",")}({runId},{key.MeasureId},{key.AreaId},'{key.Kind}',{StoreRows.Month(key.Period)},@a{i},@b{i},@c{i},@d{i},@e{i},@f{i})");
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
            await copy.WriteAsync(StoreRows.Month(key.Period), NpgsqlDbType.Integer, cancellationToken);
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
