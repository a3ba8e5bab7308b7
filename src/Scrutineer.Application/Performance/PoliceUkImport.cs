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

/// <summary>
/// Imports data.police.uk monthly files (street-level crime, outcomes, stop and search). Each crime type becomes a
/// count measure for the force ("Falls within") and, through the LSOA mapping, for its districts and Local Policing
/// Areas; "All crime" is every crime type except anti-social behaviour. Every published row counts once, including rows
/// with an empty Crime ID (anti-social behaviour) and rows that repeat a Crime ID, exactly as data.police.uk publishes them.
/// Files are streamed and tallied, each file's counts merged by the district its LSOAs map to (memory grows with neither
/// file size nor the number of files: docs/benchmarks.md, "National archive"), then written in one transaction that first
/// removes what the store held for the same force, month and file kind: importing a month again replaces it.
/// </summary>
public sealed class PoliceUkImport(ScrutineerDb db)
{
    /// <summary>The measure counting every crime type except anti-social behaviour.</summary>
    public const string AllCrime = "All crime";

    /// <summary>data.police.uk's name for anti-social behaviour, which is not a crime.</summary>
    public const string AntiSocialBehaviour = "Anti-social behaviour";

    /// <summary>The most files read and held unmerged while the store opens (<see cref="ImportAsync(Task{ScrutineerDb}, IReadOnlyList{string}, IProgress{ImportProgress}?, CancellationToken)"/>).</summary>
    private const int MaxWaiting = 16;

    /// <summary>The source recorded on street-level crime measures.</summary>
    public const string StreetSource = "data.police.uk street-level crime";

    /// <summary>The source recorded on outcome measures.</summary>
    public const string OutcomesSource = "data.police.uk outcomes";

    /// <summary>The source recorded on the stop-and-search measure.</summary>
    public const string StopAndSearchSource = "data.police.uk stop and search";

    /// <summary>Imports the files, and the data.police.uk files inside any folders, named by <paramref name="paths"/>.</summary>
    /// <exception cref="DomainException">No files found; a bad row (file:line and why, as <see cref="ImportException"/>). Nothing is written then.</exception>
    /// <remarks>
    /// Each file's counts are merged by the district its LSOA maps to in the store (not by LSOA), so memory stays flat
    /// however many files: a national archive (43 forces × 36 months) holds a few keys per force-month.
    /// </remarks>
    public Task<PoliceUkImportResult> ImportAsync(IReadOnlyList<string> paths, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportAsync(Task.FromResult(db), paths, progress, cancellationToken);

    /// <summary>
    /// As <see cref="ImportAsync(IReadOnlyList{string}, IProgress{ImportProgress}?, CancellationToken)"/>, the files read
    /// while <paramref name="opening"/> opens the store and the area tree loads: the parsing needs neither, only the
    /// merging of each file's counts by district does, and it waits for the tree (docs/benchmarks.md, "Data import").
    /// The caller disposes the store <paramref name="opening"/> gives, whatever the outcome.
    /// </summary>
    /// <exception cref="DomainException">As the other overload; a store that cannot be opened is reported before a file's error.</exception>
    public static async Task<PoliceUkImportResult> ImportAsync(Task<ScrutineerDb> opening, IReadOnlyList<string> paths, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var representing = RepresentativeAsync(opening, cancellationToken);
        PoliceUkReading reading;
        try
        {
            reading = await ReadAsync(paths, progress, representing, cancellationToken);
        }
        catch
        {
            // As when the store was opened first, a store that cannot be opened is reported before a file's error.
            await Task.WhenAny(representing);
            _ = representing.Exception;
            if (opening.IsFaulted || opening.IsCanceled)
            {
                await opening;
            }

            throw;
        }

        return await new PoliceUkImport(await opening).ImportAsync(reading, progress, cancellationToken);
    }

    /// <summary>Once the store is open, the rule that names the LSOA standing for each district: the first of the district's LSOAs seen.</summary>
    private static async Task<Func<string, string, (string Code, string Name)>> RepresentativeAsync(Task<ScrutineerDb> opening, CancellationToken cancellationToken)
    {
        var tree = await AreaTree.LoadAsync(await opening, cancellationToken);
        var representatives = new Dictionary<int, (string Code, string Name)>();
        return (code, name) =>
            tree.DistrictOf(code, name) is { } district ? representatives.TryAdd(district.Id, (code, name)) ? (code, name) : representatives[district.Id] : ("", "");
    }

    /// <summary>
    /// Reads and tallies the files named by <paramref name="paths"/> without the store: files in parallel (a large one
    /// in parts, <see cref="PoliceUkFileReader"/>), their SHA-256 alongside.
    /// </summary>
    /// <exception cref="DomainException">No files found; a bad row (file:line and why, as <see cref="ImportException"/>).</exception>
    public static Task<PoliceUkReading> ReadAsync(IReadOnlyList<string> paths, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ReadAsync(paths, progress, null, cancellationToken);

    /// <summary>
    /// As <see cref="ReadAsync(IReadOnlyList{string}, IProgress{ImportProgress}?, CancellationToken)"/>, each file's LSOAs
    /// merged under their district's representative (<see cref="PoliceUkTally.Merge"/>) once <paramref name="representing"/>
    /// gives it; files read before then wait, unmerged (a few, for the moment the store takes to open).
    /// </summary>
    private static async Task<PoliceUkReading> ReadAsync(IReadOnlyList<string> paths, IProgress<ImportProgress>? progress,
        Task<Func<string, string, (string Code, string Name)>>? representing, CancellationToken cancellationToken)
    {
        var started = AuditContext.Clock.GetUtcNow();
        var files = FindFiles(paths);
        var total = files.Sum(f => new FileInfo(f).Length);
        long read = 0, rowsRead = 0;
        var filesRead = 0;
        var tallies = new Dictionary<PoliceUkFileKind, PoliceUkTally>();
        var waiting = new List<PoliceUkTally>();
        var gate = new object();
        var lastReported = 0L;

        // Reported every 8 MB read and as each file is finished, with the files finished and their rows, across every
        // file named (the whole archive).
        void Progress(long bytes)
        {
            var now = Interlocked.Add(ref read, bytes);
            if (progress is not null && (now - Interlocked.Read(ref lastReported) >= (8 << 20) || now == total))
            {
                Interlocked.Exchange(ref lastReported, now);
                Tell(now, Volatile.Read(ref filesRead));
            }
        }

        void Tell(long bytes, int filesDone) =>
            progress?.Report(new ImportProgress(bytes, total, Interlocked.Read(ref rowsRead), "reading", filesDone, files.Count));

        void Merge(PoliceUkTally tally, Func<string, string, (string Code, string Name)>? representative)
        {
            if (representative is not null && !tallies.ContainsKey(tally.Kind))
            {
                tallies[tally.Kind] = new PoliceUkTally(tally.Kind);
            }

            if (tallies.TryGetValue(tally.Kind, out var existing))
            {
                try
                {
                    existing.Merge(tally, representative);
                }
                catch (InvalidDataException ex)
                {
                    throw new DomainException($"{string.Join(", ", files.Select(Path.GetFileName))}: {ex.Message}");
                }
            }
            else
            {
                tallies[tally.Kind] = tally;
            }
        }

        void MergeWaiting(Func<string, string, (string Code, string Name)> representative)
        {
            waiting.ForEach(t => Merge(t, representative));
            waiting.Clear();
        }

        // The files' hashes (for the import run) are taken while the files are parsed, on a thread of their own so
        // that the parsing keeps every thread of the pool.
        var describing = Task.Factory.StartNew(() => ImportedFile.Describe(files, cancellationToken), cancellationToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // Files are read in parallel (one tally each) and merged: the cores share the parsing.
        await Parallel.ForEachAsync(files, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            (file, ct) =>
            {
                var tally = PoliceUkFileReader.Read(file, Progress, ct);
                Interlocked.Add(ref rowsRead, tally.Rows);
                Tell(Interlocked.Read(ref read), Interlocked.Increment(ref filesRead));
                lock (gate)
                {
                    if (representing is null)
                    {
                        Merge(tally, null);
                    }
                    else if (representing.IsCompleted)
                    {
                        // A store that could not be opened stops the reading here, with its own error.
                        var representative = representing.GetAwaiter().GetResult();
                        MergeWaiting(representative);
                        Merge(tally, representative);
                    }
                    else
                    {
                        waiting.Add(tally);
                        // However long the store takes to open (an upgrade, a slow server), memory stays bounded: past
                        // a few files the reading waits for the tree.
                        if (waiting.Count >= MaxWaiting)
                        {
                            return new ValueTask(representing);
                        }
                    }
                }

                return ValueTask.CompletedTask;
            });

        if (representing is not null)
        {
            var representative = await representing;
            lock (gate)
            {
                MergeWaiting(representative);
            }
        }

        return new PoliceUkReading(started, files, await describing, tallies, total);
    }

    /// <summary>Writes files read by <see cref="ReadAsync"/>, in one transaction.</summary>
    /// <exception cref="DomainException">A value the store refuses (the files are named). Nothing is written then.</exception>
    public async Task<PoliceUkImportResult> ImportAsync(PoliceUkReading reading, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (files, tallies, total) = (reading.Files, reading.Tallies, reading.Bytes);
        progress?.Report(new ImportProgress(total, total, reading.Rows, "writing", files.Count, files.Count));
        PoliceUkImportResult result;
        try
        {
            result = await WriteAsync(files.Count, tallies, (before, after) =>
                ImportRuns.RecordFiguresAsync(db, ImportRunKind.PoliceUk, reading.Started, reading.Described, reading.Rows, before, after, cancellationToken), cancellationToken);
        }
        catch (StoreValueException ex)
        {
            // The reader checks every name it stores; this names the files should a value still be refused.
            throw new DomainException($"{string.Join(", ", files.Select(Path.GetFileName))}: {ex.Message} Nothing was imported.");
        }

        progress?.Report(new ImportProgress(total, total, result.Rows, "done", files.Count, files.Count));
        return result;
    }

    /// <summary>The data.police.uk files named: files as given, folders searched for *-street.csv, *-outcomes.csv and *-stop-and-search.csv.</summary>
    /// <exception cref="DomainException">A path that does not exist, or no files at all.</exception>
    public static List<string> FindFiles(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.csv", SearchOption.AllDirectories)
                    .Where(f => PoliceUkFileReader.ForceSlug(Path.GetFileName(f)) is not null)
                    .Select(Path.GetFullPath)
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                throw new DomainException($"{path}: no such file or folder.");
            }
        }

        if (files.Count > 0)
        {
            return files.Distinct().ToList();
        }

        // data.police.uk ships its downloads zipped: a folder holding only the zip is named as such.
        var zips = paths.Where(Directory.Exists).SelectMany(p => Directory.EnumerateFiles(p, "*.zip", SearchOption.AllDirectories)).Take(3).ToList();
        throw new DomainException("No data.police.uk files found: expected YYYY-MM-<force>-street.csv (or -outcomes.csv, -stop-and-search.csv) files or folders holding them."
            + (zips.Count > 0 ? $" The folder holds a zip archive ({string.Join(", ", zips.Select(Path.GetFileName))}): unzip it first and import the folder it makes." : ""));
    }

    private async Task<PoliceUkImportResult> WriteAsync(int fileCount, Dictionary<PoliceUkFileKind, PoliceUkTally> tallies,
        Func<IReadOnlyCollection<ObservationRow>, IReadOnlyCollection<ObservationRow>, Task<RecordedRun>> record, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var tree = await AreaTree.LoadAsync(db, cancellationToken);
            var measures = await db.Measures.ToDictionaryAsync(m => m.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
            var forces = new SortedSet<string>(StringComparer.Ordinal);
            var months = new List<ReportingMonth>();
            int forceMonths = 0, observations = 0;
            var replaced = new List<ObservationRow>();
            var written = new List<ObservationRow>();
            long outside = 0;

            // Street files first, so stop-and-search files (which name their force only in the file name) find it.
            foreach (var kind in new[] { PoliceUkFileKind.Street, PoliceUkFileKind.Outcomes, PoliceUkFileKind.StopAndSearch })
            {
                if (!tallies.TryGetValue(kind, out var tally))
                {
                    continue;
                }

                var source = kind switch
                {
                    PoliceUkFileKind.Street => StreetSource,
                    PoliceUkFileKind.Outcomes => OutcomesSource,
                    PoliceUkFileKind.StopAndSearch => StopAndSearchSource,
                };

                // Areas: one force per "Falls within" (or stop-and-search file name); a new one is added once, however spelt.
                var forceAreas = new Area[tally.Forces.Count];
                var newAreas = new Dictionary<string, Area>(StringComparer.OrdinalIgnoreCase);
                for (var f = 0; f < tally.Forces.Count; f++)
                {
                    var name = kind == PoliceUkFileKind.StopAndSearch ? ForceNameForSlug(tally.Forces[f], tree) : tally.Forces[f];
                    forceAreas[f] = tree.Find(name) ?? newAreas.GetValueOrDefault(name.Trim()) ?? AddArea(newAreas, new Area(name, AreaLevel.Force));
                    forces.Add(forceAreas[f].Name);
                }

                // Measures: one per category, plus All crime for street files; existing measures of the source stay in the set.
                var categoryMeasure = new Measure[tally.Categories.Count];
                for (var c = 0; c < tally.Categories.Count; c++)
                {
                    categoryMeasure[c] = Measure(measures, MeasureName(kind, tally.Categories[c]), kind, tally.Categories[c]);
                }

                var allCrime = kind == PoliceUkFileKind.Street ? Measure(measures, AllCrime, kind, null) : null;

                // The new areas and measures in one save (one audited change), then the tree with the new forces in it.
                await db.SaveChangesAsync(cancellationToken);
                if (newAreas.Count > 0)
                {
                    tree = await AreaTree.LoadAsync(db, cancellationToken);
                    forceAreas = forceAreas.Select(a => tree.Find(a.Name)!).ToArray();
                }

                // A measure this file writes is replaced for the file's force-months even when another source (a tidy
                // CSV, the demo) wrote it before: the published rows are the figure of record for those months.
                var sourceMeasures = measures.Values.Where(m => m.Source == source)
                    .Concat(categoryMeasure).Concat(allCrime is null ? [] : [allCrime]).Distinct().ToList();

                // Where each LSOA's rows count: the district, its LPA and the force, when the district lies in that force.
                var lsoaChains = new Dictionary<(int Force, int Lsoa), int[]>();
                int[] ChainFor(int force, int lsoa)
                {
                    if (lsoaChains.TryGetValue((force, lsoa), out var chain))
                    {
                        return chain;
                    }

                    var forceArea = forceAreas[force];
                    var district = lsoa == 0 ? null : tree.DistrictOf(tally.Lsoas[lsoa], tally.LsoaNames[lsoa]);
                    chain = district is not null && tree.Top(district).Id == forceArea.Id
                        ? tree.Chain(district).Select(a => a.Id).ToArray()
                        : [forceArea.Id];
                    lsoaChains[(force, lsoa)] = chain;
                    return chain;
                }

                var hasDistricts = forceAreas.Select(f => tree.Subtree(f).Count > 1).ToArray();
                var counts = new Dictionary<(int Measure, int Area, int Month), long>();
                // By force area, not by the name in the file: "Essex Police" and "ESSEX POLICE" are one force, written once.
                var forceMonthSet = new HashSet<(int ForceAreaId, int Month)>();
                foreach (var (key, count) in tally.Counts)
                {
                    var (month, force, lsoa, category) = PoliceUkTally.Unpack(key);
                    forceMonthSet.Add((forceAreas[force].Id, month.Ordinal));
                    var chain = ChainFor(force, lsoa);
                    if (chain.Length == 1 && hasDistricts[force])
                    {
                        outside += count;
                    }

                    var measure = categoryMeasure[category];
                    var countsToAll = allCrime is not null && !string.Equals(tally.Categories[category], AntiSocialBehaviour, StringComparison.OrdinalIgnoreCase);
                    foreach (var area in chain)
                    {
                        Add((measure.Id, area, month.Ordinal), count);
                        if (countsToAll)
                        {
                            Add((allCrime!.Id, area, month.Ordinal), count);
                        }
                    }
                }

                void Add((int, int, int) k, long v) => counts[k] = counts.GetValueOrDefault(k) + v;

                // Replace each force-month: remove what the store holds for it from this source, then write every
                // measure of the source for every area of the force (0 where no row fell), so absent means "no data".
                var sourceIds = sourceMeasures.Select(m => m.Id).ToList();
                var rows = new List<ObservationRow>();
                foreach (var (forceAreaId, monthOrdinal) in forceMonthSet.OrderBy(x => x.Month).ThenBy(x => x.ForceAreaId))
                {
                    var month = ReportingMonth.FromOrdinal(monthOrdinal);
                    months.Add(month);
                    var areaIds = tree.Subtree(forceAreas.First(a => a.Id == forceAreaId)).Select(a => a.Id).ToList();
                    var held = db.Observations.IgnoreQueryFilters()
                        .Where(o => o.Kind == PeriodKind.Month && o.Period == month && areaIds.Contains(o.AreaId) && sourceIds.Contains(o.MeasureId));
                    replaced.AddRange(await held.Select(o => new ObservationRow(o.MeasureId, o.AreaId, o.Kind, o.Period, o.Value, o.Numerator, o.Denominator)).ToListAsync(cancellationToken));
                    await held.ExecuteDeleteAsync(cancellationToken);
                    foreach (var measureId in sourceIds)
                    {
                        foreach (var areaId in areaIds)
                        {
                            rows.Add(new ObservationRow(measureId, areaId, PeriodKind.Month, month, counts.GetValueOrDefault((measureId, areaId, monthOrdinal))));
                        }
                    }

                    forceMonths++;
                }

                observations += await ObservationWriter.InsertAsync(db, rows, cancellationToken);
                written.AddRange(rows);
            }

            var run = await record(replaced, written);
            await transaction.CommitAsync(cancellationToken);
            return new PoliceUkImportResult(fileCount, tallies.Values.Sum(t => t.Rows), forces.ToList(),
                months.Count > 0 ? months.Min() : default, months.Count > 0 ? months.Max() : default, forceMonths, observations, outside, run);
        });
    }

    private Area AddArea(Dictionary<string, Area> added, Area area)
    {
        db.Areas.Add(area);
        added[area.Name] = area;
        return area;
    }

    /// <summary>The measure named so, added (saved with the areas) when the store has none.</summary>
    private Measure Measure(Dictionary<string, Measure> measures, string name, PoliceUkFileKind kind, string? category)
    {
        if (measures.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var measure = kind switch
        {
            PoliceUkFileKind.Street when category is null => new Measure(name, "crimes", MeasureKind.Count, BetterDirection.Lower,
                "Every data.police.uk street-level row except anti-social behaviour, each published row counted once (rows with an empty or repeated Crime ID included).",
                StreetSource),
            PoliceUkFileKind.Street => new Measure(name, string.Equals(category, AntiSocialBehaviour, StringComparison.OrdinalIgnoreCase) ? "incidents" : "crimes",
                MeasureKind.Count, BetterDirection.Lower,
                $"data.police.uk street-level rows with crime type '{category}', each published row counted once (rows with an empty or repeated Crime ID included).",
                StreetSource),
            PoliceUkFileKind.Outcomes => new Measure(name, "outcomes", MeasureKind.Count, BetterDirection.Neither,
                $"data.police.uk outcome rows with outcome type '{category}' recorded in the month.", OutcomesSource),
            PoliceUkFileKind.StopAndSearch => new Measure(name, "searches", MeasureKind.Count, BetterDirection.Neither,
                "data.police.uk stop-and-search rows: every search published for the force in the month.", StopAndSearchSource),
        };
        db.Measures.Add(measure);
        measures[name] = measure;
        return measure;
    }

    private static string MeasureName(PoliceUkFileKind kind, string category) =>
        kind == PoliceUkFileKind.Outcomes ? "Outcome: " + category : category;

    /// <summary>"city-of-london" → the force area already named so ("City of London Police"), else a name made from the slug.</summary>
    internal static string ForceNameForSlug(string slug, AreaTree tree)
    {
        foreach (var area in tree.All.Where(a => a.Level == AreaLevel.Force))
        {
            var areaSlug = Slug(area.Name);
            if (areaSlug == slug || areaSlug == slug + "-police" || areaSlug == slug + "-constabulary" || areaSlug == slug + "-police-service")
            {
                return area.Name;
            }
        }

        var words = slug.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select((w, i) => i > 0 && w is "of" or "and" ? w : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w));
        return string.Join(' ', words) + " Police";
    }

    private static string Slug(string name) =>
        string.Join('-', name.ToLowerInvariant().Replace("&", "and", StringComparison.Ordinal)
            .Split([' ', '-', ','], StringSplitOptions.RemoveEmptyEntries));
}
