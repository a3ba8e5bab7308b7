using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Application.Imports;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Imports;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Performance;

/// <summary>What a measures import did, in a sentence for the user, and the import run it was recorded as.</summary>
public sealed record MeasuresImportResult(int Rows, int MeasuresCreated, int AreasCreated, string Summary, RecordedRun Run);

/// <summary>
/// Imports a tidy CSV for everything that is not data.police.uk: measure definitions
/// (<c>name,unit,kind,better,definition,source</c>) or observations (<c>measure,area,period,value[,numerator,denominator]</c>;
/// period YYYY-MM, "Q2 2023/24" or "2023/24"). Observations replace any the store holds for the same measure, area and
/// period. Every row is checked before anything is written; the first bad row is reported as file:line.
/// </summary>
public sealed class MeasuresImport(ScrutineerDb db)
{
    /// <summary>The largest value, numerator or denominator the store holds (18 digits, 4 after the point).</summary>
    private const decimal LargestValue = 99_999_999_999_999.9999m;

    /// <summary>Imports <paramref name="path"/>, telling the two layouts apart by the header.</summary>
    /// <exception cref="DomainException">The file is missing, has an unknown header, or a bad row (as <see cref="ImportException"/>).</exception>
    public async Task<MeasuresImportResult> ImportAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new DomainException($"{path}: no such file.");
        }

        var started = AuditContext.Clock.GetUtcNow();
        var records = CsvFile.Read(path).ToList();
        if (records.Count == 0)
        {
            throw new ImportException(path, 1, "the file is empty: expected a header row.");
        }

        var header = records[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        var body = records.Skip(1).ToList();
        if (header.SequenceEqual(["name", "unit", "kind", "better", "definition", "source"]))
        {
            return await DefinitionsAsync(path, started, body, cancellationToken);
        }

        if (header.Length >= 4 && header[..4].SequenceEqual(["measure", "area", "period", "value"])
            && (header.Length == 4 || header[4..].SequenceEqual(["numerator", "denominator"])))
        {
            return await ObservationsAsync(path, started, body, header.Length == 6, cancellationToken);
        }

        throw new ImportException(path, records[0].Line,
            $"unknown header '{string.Join(',', records[0].Fields)}': expected 'measure,area,period,value' (optionally ',numerator,denominator') "
            + "or 'name,unit,kind,better,definition,source'.");
    }

    private async Task<MeasuresImportResult> DefinitionsAsync(string path, DateTimeOffset started, List<(long Line, string[] Fields)> rows, CancellationToken cancellationToken)
    {
        var existing = await db.Measures.ToDictionaryAsync(m => m.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var created = 0;
        foreach (var (line, f) in rows)
        {
            if (f.Length != 6)
            {
                throw new ImportException(path, line, $"expected 6 fields (name,unit,kind,better,definition,source), found {f.Length}.");
            }

            var name = ImportText.Name(path, line, "name", f[0].Trim(), Measure.NameMaxLength);
            ImportText.Text(path, line, "unit", f[1].Trim(), 60);
            ImportText.Text(path, line, "definition", f[4].Trim(), 2000);
            ImportText.Text(path, line, "source", f[5].Trim(), 300);
            if (!seen.Add(name))
            {
                throw new ImportException(path, line, $"measure '{name}' is defined twice.");
            }

            if (!Enum.TryParse<MeasureKind>(f[2].Trim(), ignoreCase: true, out var kind) || int.TryParse(f[2], CultureInfo.InvariantCulture, out _))
            {
                throw new ImportException(path, line, $"kind '{f[2]}' is not one of {string.Join(", ", Enum.GetNames<MeasureKind>().Select(n => n.ToLowerInvariant()))}.");
            }

            if (!Enum.TryParse<BetterDirection>(f[3].Trim(), ignoreCase: true, out var better) || int.TryParse(f[3], CultureInfo.InvariantCulture, out _))
            {
                throw new ImportException(path, line, $"better '{f[3]}' is not one of lower, higher, neither.");
            }

            try
            {
                if (existing.TryGetValue(name, out var measure))
                {
                    measure.Describe(f[1], kind, better, f[4], f[5]);
                }
                else
                {
                    measure = new Measure(name, f[1], kind, better, f[4], f[5]);
                    db.Measures.Add(measure);
                    existing[name] = measure;
                    created++;
                }
            }
            catch (DomainException ex)
            {
                throw new ImportException(path, line, ex.Message);
            }
        }

        var summary = $"Defined {Figures.Count(rows.Count, "measure", "measures")}: {created} new, {rows.Count - created} updated.";
        var files = ImportedFile.Describe([path], cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var run = await ImportRuns.RecordAsync(db, ImportRunKind.MeasureDefinitions, started, files, rows.Count, summary, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new MeasuresImportResult(rows.Count, created, 0, summary, new RecordedRun(run, []));
        });
    }

    private async Task<MeasuresImportResult> ObservationsAsync(string path, DateTimeOffset started, List<(long Line, string[] Fields)> rows, bool withRate, CancellationToken cancellationToken)
    {
        var width = withRate ? 6 : 4;
        var parsed = new List<(long Line, string Measure, string Area, PeriodKind Kind, ReportingMonth Period, decimal Value, decimal? Numerator, decimal? Denominator)>();
        var keys = new Dictionary<(string, string, PeriodKind, ReportingMonth), long>();
        foreach (var (line, f) in rows)
        {
            if (f.Length != width)
            {
                throw new ImportException(path, line, $"expected {width} fields as in the header, found {f.Length}.");
            }

            var measure = f[0].Trim();
            var area = f[1].Trim();
            if (measure.Length == 0 || area.Length == 0)
            {
                throw new ImportException(path, line, measure.Length == 0 ? "measure is empty." : "area is empty.");
            }

            ImportText.Name(path, line, "measure", measure, Measure.NameMaxLength);
            ImportText.Name(path, line, "area", area, Area.NameMaxLength);

            var (kind, period) = ParsePeriod(path, line, f[2]);
            decimal? numerator = withRate ? Number(path, line, "numerator", f[4], optional: true) : null;
            decimal? denominator = withRate ? Number(path, line, "denominator", f[5], optional: true) : null;
            if ((numerator is null) != (denominator is null))
            {
                throw new ImportException(path, line, "a rate needs both numerator and denominator (or neither).");
            }

            if (denominator is <= 0)
            {
                throw new ImportException(path, line, $"denominator '{f[5]}' must be more than 0.");
            }

            var value = f[3].Trim().Length == 0 && numerator is { } n && denominator is { } d
                ? Rate(path, line, n, d)
                : Number(path, line, "value", f[3], optional: false)!.Value;
            var key = (measure.ToUpperInvariant(), area.ToUpperInvariant(), kind, period);
            if (keys.TryGetValue(key, out var first))
            {
                throw new ImportException(path, line, $"{measure} / {area} / {f[2].Trim()} is already given on line {first}.");
            }

            keys[key] = line;
            parsed.Add((line, measure, area, kind, period, value, numerator, denominator));
        }

        var files = ImportedFile.Describe([path], cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var measures = await db.Measures.ToDictionaryAsync(m => m.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
            var areas = await db.Areas.ToDictionaryAsync(a => a.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
            int measuresCreated = 0, areasCreated = 0;
            foreach (var group in parsed.GroupBy(p => p.Measure, StringComparer.OrdinalIgnoreCase))
            {
                if (measures.ContainsKey(group.Key))
                {
                    continue;
                }

                // An undefined measure is created from its values: a rate when it has numerator and denominator, else a count.
                var first = group.First();
                var kind = first.Numerator is not null ? MeasureKind.Rate : MeasureKind.Count;
                if (kind == MeasureKind.Count && group.FirstOrDefault(p => p.Value != decimal.Truncate(p.Value) || p.Value < 0) is { Line: > 0 } bad)
                {
                    throw new ImportException(path, bad.Line,
                        $"measure '{group.Key}' is not defined and its value {bad.Value.ToString(CultureInfo.InvariantCulture)} is not a whole number: "
                        + "define it first (scrutineer import measures with name,unit,kind,better,definition,source).");
                }

                var measure = new Measure(group.Key, kind == MeasureKind.Rate ? "%" : "", kind, BetterDirection.Neither, "", Path.GetFileName(path));
                db.Measures.Add(measure);
                measures[group.Key] = measure;
                measuresCreated++;
            }

            // A force named short ("Essex" for "Essex Police") is the force the store holds, by the rule the peer and
            // harm files follow (ForceNames); a name that could be two forces is refused rather than guessed.
            var forces = new ForceNames(areas.Values.Where(a => a.Level == AreaLevel.Force).Select(a => a.Name));
            foreach (var name in parsed.Select(p => p.Area).Distinct(StringComparer.OrdinalIgnoreCase).Where(a => !areas.ContainsKey(a)))
            {
                var match = forces.Match(name);
                if (match.Force is { } force)
                {
                    areas[name] = areas[force];
                    continue;
                }

                if (match.Ambiguous)
                {
                    throw new ImportException(path, parsed.First(p => string.Equals(p.Area, name, StringComparison.OrdinalIgnoreCase)).Line,
                        $"area '{name}' could be {string.Join(" or ", match.Candidates)}: name the force in full.");
                }

                var area = new Area(name, AreaLevel.Other);
                db.Areas.Add(area);
                areas[name] = area;
                areasCreated++;
            }

            await db.SaveChangesAsync(cancellationToken);

            var rowsToWrite = new List<ObservationRow>();
            foreach (var p in parsed)
            {
                var measure = measures[p.Measure];
                var area = areas[p.Area];
                try
                {
                    _ = new Observation(measure, area, p.Kind, p.Period, p.Value, p.Numerator, p.Denominator);
                }
                catch (DomainException ex)
                {
                    throw new ImportException(path, p.Line, ex.Message);
                }

                rowsToWrite.Add(new ObservationRow(measure.Id, area.Id, p.Kind, p.Period, p.Value, p.Numerator, p.Denominator));
            }

            var replaced = new List<ObservationRow>();
            foreach (var group in rowsToWrite.GroupBy(r => (r.MeasureId, r.Kind)))
            {
                var areaIds = group.Select(r => r.AreaId).Distinct().ToList();
                var periods = group.Select(r => r.Period).Distinct().ToList();
                // Every row, held months too: a figure written again replaces whatever the store holds.
                var existing = await db.Observations.IgnoreQueryFilters()
                    .Where(o => o.MeasureId == group.Key.MeasureId && o.Kind == group.Key.Kind && areaIds.Contains(o.AreaId) && periods.Contains(o.Period))
                    .Select(o => new { o.Id, Row = new ObservationRow(o.MeasureId, o.AreaId, o.Kind, o.Period, o.Value, o.Numerator, o.Denominator) }).ToListAsync(cancellationToken);
                var replace = group.Select(r => (r.AreaId, r.Period)).ToHashSet();
                var gone = existing.Where(e => replace.Contains((e.Row.AreaId, e.Row.Period))).ToList();
                replaced.AddRange(gone.Select(e => e.Row));
                var ids = gone.Select(e => e.Id).ToList();
                if (ids.Count > 0)
                {
                    await db.Observations.IgnoreQueryFilters().Where(o => ids.Contains(o.Id)).ExecuteDeleteAsync(cancellationToken);
                }
            }

            var written = await ObservationWriter.InsertAsync(db, rowsToWrite, cancellationToken);
            var run = await ImportRuns.RecordFiguresAsync(db, ImportRunKind.Measures, started, files, parsed.Count, replaced, rowsToWrite, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new MeasuresImportResult(written, measuresCreated, areasCreated,
                $"Imported {Figures.Count(written, "observation", "observations")} of {Figures.Count(parsed.Select(p => p.Measure).Distinct(StringComparer.OrdinalIgnoreCase).Count(), "measure", "measures")}"
                + $" ({Figures.Count(measuresCreated, "new measure", "new measures")}, {Figures.Count(areasCreated, "new area", "new areas")}); any already held for the same measure, area and period were replaced.", run);
        });
    }

    private static (PeriodKind Kind, ReportingMonth Period) ParsePeriod(string path, long line, string text)
    {
        text = text.Trim();
        if (ReportingMonth.TryParse(text, out var month))
        {
            return (PeriodKind.Month, month);
        }

        if (text.StartsWith('Q') && FinancialQuarter.TryParse(text, out var quarter, out _))
        {
            return (PeriodKind.Quarter, quarter.FirstMonth);
        }

        if (FinancialYear.TryParse(text, out var year, out _))
        {
            return (PeriodKind.FinancialYear, year.FirstMonth);
        }

        throw new ImportException(path, line, $"period '{text}' is not a month (2023-09), a quarter (Q2 2023/24) or a financial year (2023/24).");
    }

    private static decimal? Number(string path, long line, string field, string text, bool optional)
    {
        text = text.Trim();
        if (text.Length == 0 && optional)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            throw new ImportException(path, line, $"{field} '{text}' is not a number.");
        }

        return Math.Abs(value) <= LargestValue ? value : throw new ImportException(path, line, TooLarge(field, text));
    }

    /// <summary>numerator / denominator × 100, to 4 decimal places.</summary>
    private static decimal Rate(string path, long line, decimal numerator, decimal denominator)
    {
        try
        {
            var value = Math.Round(numerator * 100m / denominator, 4, MidpointRounding.AwayFromZero);
            if (Math.Abs(value) <= LargestValue)
            {
                return value;
            }
        }
        catch (OverflowException)
        {
        }

        throw new ImportException(path, line, TooLarge("the rate (numerator / denominator × 100)",
            $"{numerator.ToString(CultureInfo.InvariantCulture)} / {denominator.ToString(CultureInfo.InvariantCulture)}"));
    }

    private static string TooLarge(string field, string text) =>
        $"{field} '{text}' is too large: the store holds values of at most 14 digits before the decimal point.";
}
