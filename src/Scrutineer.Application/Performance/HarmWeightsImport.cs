using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Application.Imports;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Imports;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Performance;

/// <summary>
/// Imports a crime harm index: <c>force,crime_type,&lt;index&gt;_days</c> rows (the weight in days of each crime type,
/// for a force, or nationally where the force is empty or "England and Wales"). The file is the whole index: loading it
/// again replaces every weight of the index of that name. Forces are matched by <see cref="ForceNames"/>; a row whose force
/// the store does not hold (or could be two forces) is reported by line and skipped, since an index covers every force
/// and the store usually holds a few. A malformed row stops the import with file:line and nothing is written.
/// </summary>
public sealed class HarmWeightsImport(ScrutineerDb db)
{
    /// <summary>The most data rows a weights file may have (43 forces × 13 crime types is 559).</summary>
    public const int MaxRows = 100_000;

    /// <summary>The name a file whose weight column is <c>cchi_days</c> is imported under unless another is given.</summary>
    public const string Cchi = "Cambridge Crime Harm Index";

    /// <summary>Force names that mean a national weight.</summary>
    public static readonly IReadOnlyList<string> National = ["", "England and Wales", "National", "All forces"];

    /// <summary>Imports <paramref name="path"/> as the index <paramref name="index"/> (default: from the weight column's name), with <paramref name="source"/> printed beside its figures.</summary>
    /// <exception cref="DomainException">A missing file, a wrong header, a bad row (as <see cref="ImportException"/>), or no row for a force the store holds or nationally.</exception>
    public async Task<HarmWeightsImportResult> ImportAsync(string path, string? index = null, string? source = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new DomainException($"{path}: no such file.");
        }

        var records = CsvFile.Read(path).Take(MaxRows + 2).ToList();
        var header = records.Count == 0 ? [] : records[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        if (header.Length != 3 || header[0] != "force" || header[1] != "crime_type" || !header[2].EndsWith("days", StringComparison.Ordinal))
        {
            throw new ImportException(path, 1, "expected the header 'force,crime_type,days' (the last column may be named for the index, as 'cchi_days'): put it on the first line.");
        }

        if (records.Count > MaxRows + 1)
        {
            throw new ImportException(path, records[^1].Line, string.Create(EnGb.Culture, $"more than {MaxRows:N0} rows, the most a weights file may have: is this the right file?"));
        }

        var key = header[2].Length > 4 ? header[2][..^4].TrimEnd('_', ' ') : "";
        var indexName = !string.IsNullOrWhiteSpace(index) ? index.Trim()
            : key == "cchi" ? Cchi
            : key.Length > 0 ? key.ToUpperInvariant()
            : Path.GetFileNameWithoutExtension(path);
        var sourceText = !string.IsNullOrWhiteSpace(source) ? source.Trim()
            : key == "cchi" ? $"{Cchi} (Cambridge Centre for Evidence-Based Policing), weights in days per data.police.uk crime type, from {Path.GetFileName(path)}"
            : $"Weights in days per crime type, from {Path.GetFileName(path)}";

        var started = AuditContext.Clock.GetUtcNow();
        var files = ImportedFile.Describe([path], cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var forces = await db.Areas.Where(a => a.Level == AreaLevel.Force).ToDictionaryAsync(a => a.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
            var names = new ForceNames(forces.Keys);
            var skipped = new List<SkippedRow>();
            var rows = new List<(Area? Force, string CrimeType, decimal Days)>();
            var seen = new Dictionary<(string Force, string CrimeType), long>();
            foreach (var (line, f) in records.Skip(1))
            {
                if (f.Length != 3)
                {
                    throw new ImportException(path, line, $"expected 3 fields (force,crime_type,days), found {f.Length}: check for a comma inside a name and quote it.");
                }

                var forceName = ImportText.Name(path, line, "force", f[0].Trim(), Area.NameMaxLength);
                var crimeType = ImportText.Name(path, line, "crime_type", f[1].Trim(), Measure.NameMaxLength);
                if (crimeType.Length == 0)
                {
                    throw new ImportException(path, line, "crime_type is empty: name the crime type as data.police.uk does, for example 'Burglary'.");
                }

                if (string.Equals(crimeType, PoliceUkImport.AllCrime, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ImportException(path, line, $"{crimeType} is the total of the other crime types, so a weight for it would count each crime twice: "
                        + "remove the row and weigh each crime type instead.");
                }

                if (!decimal.TryParse(f[2].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var days) || days > HarmWeight.MaxDays
                    || decimal.Round(days, 4) != days)
                {
                    throw new ImportException(path, line, string.Create(EnGb.Culture,
                        $"{header[2]} '{Short(f[2].Trim())}' is not a weight: expected a number of days from 0 to {HarmWeight.MaxDays:N0} with at most 4 decimal places, for example 198.63."));
                }

                Area? force = null;
                if (!National.Contains(forceName, StringComparer.OrdinalIgnoreCase))
                {
                    var match = names.Match(forceName);
                    if (match.Force is null)
                    {
                        skipped.Add(new SkippedRow(path, line, "force", match.Problem));
                        continue;
                    }

                    force = forces[match.Force];
                }

                var at = (force?.Name ?? "", crimeType.ToLowerInvariant());
                if (seen.TryGetValue(at, out var earlier))
                {
                    throw new ImportException(path, line, $"{crimeType} already has a weight {(force is null ? "nationally" : "for " + force.Name)} on line {earlier}: give each weight once.");
                }

                seen[at] = line;
                rows.Add((force, crimeType, days));
            }

            if (rows.Count == 0)
            {
                throw new DomainException(skipped.Count == 0
                    ? $"{path}: the file has no rows under its header: add one row per force (or nationally) and crime type."
                    : $"{path}: no row is national or for a force the store holds, so nothing was imported. {skipped[0]} Check the force names against the forces the store holds, or import those forces' data.police.uk files first.");
            }

            // An index is one whatever the case it is named in ("test harm index" replaces "Test Harm Index").
            var harmIndex = (await db.HarmIndexes.ToListAsync(cancellationToken)).SingleOrDefault(i => string.Equals(i.Name, indexName, StringComparison.OrdinalIgnoreCase));
            indexName = harmIndex?.Name ?? indexName;
            var removed = 0;
            if (harmIndex is null)
            {
                harmIndex = new HarmIndex(indexName, sourceText);
                db.HarmIndexes.Add(harmIndex);
            }
            else
            {
                harmIndex.Resource(sourceText);
                removed = await db.HarmWeights.Where(w => w.IndexId == harmIndex.Id).ExecuteDeleteAsync(cancellationToken);
            }

            foreach (var (force, crimeType, days) in rows)
            {
                db.HarmWeights.Add(new HarmWeight(harmIndex, force, crimeType, days));
            }

            await db.SaveChangesAsync(cancellationToken);
            var forceCount = rows.Where(r => r.Force is not null).Select(r => r.Force!.Id).Distinct().Count();
            var national = rows.Count(r => r.Force is null);
            var summary = string.Create(EnGb.Culture,
                $"{indexName}: {Figures.Count(rows.Count, "weight", "weights")} written ({national:N0} national, {rows.Count - national:N0} for {Figures.Count(forceCount, "force", "forces")}), {removed:N0} replaced; {Figures.Count(skipped.Count, "row", "rows")} skipped.")
                + await UnknownCrimeTypesAsync(rows.Select(r => r.CrimeType), seen, cancellationToken);
            var run = await ImportRuns.RecordAsync(db, ImportRunKind.HarmWeights, started, files, records.Count - 1, summary, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new HarmWeightsImportResult(indexName, records.Count - 1, rows.Count, forceCount, skipped, summary, run);
        });
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    // Crime types no count measure of the store is named, when the store holds some: kept (their figures may come later), but said.
    private async Task<string> UnknownCrimeTypesAsync(IEnumerable<string> crimeTypes, Dictionary<(string Force, string CrimeType), long> lines, CancellationToken cancellationToken)
    {
        var measures = (await db.Measures.AsNoTracking().Where(m => m.Kind == MeasureKind.Count).Select(m => m.Name).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = crimeTypes.Where(t => !measures.Contains(t)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (measures.Count == 0 || unknown.Count == 0)
        {
            return "";
        }

        var described = unknown.Select(t => $"'{t}' (line {lines.Where(l => string.Equals(l.Key.CrimeType, t, StringComparison.OrdinalIgnoreCase)).Min(l => l.Value)})").ToList();
        return unknown.Count == 1
            ? $" No measure of the store is named {described[0]}: its weight counts nothing until one is (check the spelling against data.police.uk's crime types)."
            : $" No measures of the store are named {string.Join(", ", described)}: their weights count nothing until measures of those names are (check the spelling against data.police.uk's crime types).";
    }
}
