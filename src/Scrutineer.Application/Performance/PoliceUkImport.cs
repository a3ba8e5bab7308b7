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

    /// <summary>The most files read and held unmerged while the store opens (<see cref="ImportAsync(Task{StoreWriter}, IReadOnlyList{string}, IProgress{ImportProgress}?, CancellationToken)"/>).</summary>
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
    public async Task<PoliceUkImportResult> ImportAsync(IReadOnlyList<string> paths, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var reading = await ReadWhileLoadingAsync(StoreReader.ReadAsync(db, r => AreaTree.LoadAsync(r, cancellationToken), cancellationToken), paths, progress, cancellationToken);

        // Written in a transaction of the context's.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await WriteAsync(StoreWriter.For(db), reading, progress, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }

    /// <summary>
    /// As <see cref="ImportAsync(IReadOnlyList{string}, IProgress{ImportProgress}?, CancellationToken)"/>, written by the
    /// store <paramref name="opening"/> opens (<see cref="StoreWriter.OpenAsync"/>: no EF context) and committed there, the
    /// files read while it opens and the area tree loads: the parsing needs neither, only the merging of each file's
    /// counts by district does, and it waits for the tree (docs/benchmarks.md, "Data import").
    /// The caller disposes the store <paramref name="opening"/> gives, whatever the outcome.
    /// </summary>
    /// <exception cref="DomainException">As the other overload; a store that cannot be opened is reported before a file's error.</exception>
    public static async Task<PoliceUkImportResult> ImportAsync(Task<StoreWriter> opening, IReadOnlyList<string> paths, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var reading = await ReadWhileLoadingAsync(LoadTreeAsync(opening, cancellationToken), paths, progress, cancellationToken);
        var store = await opening;
        await store.BeginAsync(cancellationToken);
        var result = await WriteAsync(store, reading, progress, cancellationToken);
        await store.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Reads the files while <paramref name="loading"/> loads the area tree (the store opening first, for the command
    /// line). On a file's error the tree is waited for: a store that cannot be opened is reported first, and nothing is
    /// left reading the store.
    /// </summary>
    private static async Task<PoliceUkReading> ReadWhileLoadingAsync(Task<AreaTree> loading, IReadOnlyList<string> paths, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(paths, progress, RepresentativeAsync(loading), cancellationToken);
        }
        catch
        {
            await Task.WhenAny(loading);
            if (loading.IsFaulted || loading.IsCanceled)
            {
                await loading;
            }

            throw;
        }
    }

    private static async Task<AreaTree> LoadTreeAsync(Task<StoreWriter> opening, CancellationToken cancellationToken) =>
        await AreaTree.LoadAsync(await opening, cancellationToken);

    /// <summary>Once the area tree is loaded, the rule that names the LSOA standing for each district: the first of the district's LSOAs seen.</summary>
    private static async Task<Func<string, string, (string Code, string Name)>> RepresentativeAsync(Task<AreaTree> loading)
    {
        var tree = await loading;
        var representatives = new Dictionary<int, (string Code, string Name)>();
        return (code, name) =>
            tree.DistrictOf(code, name) is { } district ? representatives.TryAdd(district.Id, (code, name)) ? (code, name) : representatives[district.Id] : ("", "");
    }

    /// <summary>
    /// Reads and tallies the files named by <paramref name="paths"/>: files in parallel (a large one in parts,
    /// <see cref="PoliceUkFileReader"/>), their SHA-256 alongside, each file's LSOAs merged under their district's
    /// representative (<see cref="PoliceUkTally.Merge"/>) once <paramref name="representing"/> gives it; files read
    /// before then wait, unmerged (a few, for the moment the store takes to open).
    /// </summary>
    /// <exception cref="DomainException">No files found; a bad row (file:line and why, as <see cref="ImportException"/>).</exception>
    private static async Task<PoliceUkReading> ReadAsync(IReadOnlyList<string> paths, IProgress<ImportProgress>? progress,
        Task<Func<string, string, (string Code, string Name)>> representing, CancellationToken cancellationToken)
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

        void Merge(PoliceUkTally tally, Func<string, string, (string Code, string Name)> representative)
        {
            if (!tallies.TryGetValue(tally.Kind, out var existing))
            {
                existing = tallies[tally.Kind] = new PoliceUkTally(tally.Kind);
            }

            try
            {
                existing.Merge(tally, representative);
            }
            catch (InvalidDataException ex)
            {
                throw new DomainException($"{string.Join(", ", files.Select(Path.GetFileName))}: {ex.Message}");
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
                    if (representing.IsCompleted)
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

        var merging = await representing;
        lock (gate)
        {
            MergeWaiting(merging);
        }

        return new PoliceUkReading(started, files, await describing, tallies, total);
    }

    /// <summary>Writes files read by <see cref="ReadAsync"/> through <paramref name="store"/>, in its transaction, which the caller commits.</summary>
    private static async Task<PoliceUkImportResult> WriteAsync(StoreWriter store, PoliceUkReading reading, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var (files, tallies, total) = (reading.Files, reading.Tallies, reading.Bytes);
        progress?.Report(new ImportProgress(total, total, reading.Rows, "writing", files.Count, files.Count));
        var result = await WriteAsync(store, files.Count, tallies, (before, after) =>
            ImportRuns.RecordFiguresAsync(store, ImportRunKind.PoliceUk, reading.Started, reading.Described, reading.Rows, before, after, cancellationToken), cancellationToken);
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

    private static async Task<PoliceUkImportResult> WriteAsync(StoreWriter store, int fileCount, Dictionary<PoliceUkFileKind, PoliceUkTally> tallies,
        Func<IReadOnlyCollection<ObservationRow>, IReadOnlyCollection<ObservationRow>, Task<RecordedRun>> record, CancellationToken cancellationToken)
    {
        // One import writes at a time, so the areas and measures read here are all there are until it commits.
        await store.ExcludeOtherImportsAsync(cancellationToken);
        var tree = await AreaTree.LoadAsync(store, cancellationToken);
        var measures = (await store.ListAsync("SELECT \"Id\", \"Name\", \"Source\" FROM \"Measures\"",
            r => new StoredMeasure(r.GetInt32(0), r.GetString(1), r.GetString(2)), cancellationToken)).ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
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
            var forceNames = new string[tally.Forces.Count];
            var newAreas = new Dictionary<string, Area>(StringComparer.OrdinalIgnoreCase);
            for (var f = 0; f < tally.Forces.Count; f++)
            {
                var name = kind == PoliceUkFileKind.StopAndSearch ? ForceNameForSlug(tally.Forces[f], tree) : tally.Forces[f];
                forceNames[f] = tree.Find(name)?.Name ?? newAreas.GetValueOrDefault(name.Trim())?.Name ?? Added(newAreas, new Area(name, AreaLevel.Force)).Name;
                forces.Add(forceNames[f]);
            }

            // Measures: one per category, plus All crime for street files; existing measures of the source stay in the set.
            var newMeasures = new List<Measure>();
            var categoryNames = tally.Categories.Select(c => MeasureName(kind, c)).ToArray();
            for (var c = 0; c < tally.Categories.Count; c++)
            {
                NewMeasure(measures, newMeasures, categoryNames[c], kind, tally.Categories[c]);
            }

            if (kind == PoliceUkFileKind.Street)
            {
                NewMeasure(measures, newMeasures, AllCrime, kind, null);
            }

            // The new areas and measures, each audited as added, then the tree with the new forces in it.
            await store.AddAsync("Areas", newAreas.Values.Select(StoreRows.Of).ToList(), cancellationToken);
            var ids = await store.AddAsync("Measures", newMeasures.Select(StoreRows.Of).ToList(), cancellationToken);
            for (var m = 0; m < newMeasures.Count; m++)
            {
                measures[newMeasures[m].Name] = new StoredMeasure((int)ids[m], newMeasures[m].Name, newMeasures[m].Source);
            }

            if (newAreas.Count > 0)
            {
                tree = await AreaTree.LoadAsync(store, cancellationToken);
            }

            var forceAreas = forceNames.Select(n => tree.Find(n)!).ToArray();
            var categoryMeasure = categoryNames.Select(n => measures[n]).ToArray();
            var allCrime = kind == PoliceUkFileKind.Street ? measures[AllCrime] : null;

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

            // Replace each force-month: remove what the store holds for it from this source (held months too), then
            // write every measure of the source for every area of the force (0 where no row fell), so absent means "no data".
            var sourceIds = string.Join(", ", sourceMeasures.Select(m => m.Id.ToString(CultureInfo.InvariantCulture)));
            var rows = new List<ObservationRow>();
            foreach (var (forceAreaId, monthOrdinal) in forceMonthSet.OrderBy(x => x.Month).ThenBy(x => x.ForceAreaId))
            {
                var month = ReportingMonth.FromOrdinal(monthOrdinal);
                months.Add(month);
                var areaIds = tree.Subtree(forceAreas.First(a => a.Id == forceAreaId)).Select(a => a.Id).ToList();
                var held = $"FROM \"Observations\" WHERE \"Kind\" = @month AND \"Period\" = @period "
                    + $"AND \"AreaId\" IN ({string.Join(", ", areaIds.Select(id => id.ToString(CultureInfo.InvariantCulture)))}) AND \"MeasureId\" IN ({sourceIds})";
                (string, object?)[] parameters = [("@month", nameof(PeriodKind.Month)), ("@period", StoreRows.Month(month))];
                replaced.AddRange(await store.ListAsync("SELECT \"MeasureId\", \"AreaId\", \"Value\", \"Numerator\", \"Denominator\" " + held,
                    r => new ObservationRow(r.GetInt32(0), r.GetInt32(1), PeriodKind.Month, month, r.GetDecimal(2),
                        r.IsDBNull(3) ? null : r.GetDecimal(3), r.IsDBNull(4) ? null : r.GetDecimal(4)), cancellationToken, parameters));
                await store.ExecuteAsync("DELETE " + held, cancellationToken, parameters);
                foreach (var measure in sourceMeasures)
                {
                    foreach (var areaId in areaIds)
                    {
                        rows.Add(new ObservationRow(measure.Id, areaId, PeriodKind.Month, month, counts.GetValueOrDefault((measure.Id, areaId, monthOrdinal))));
                    }
                }

                forceMonths++;
            }

            observations += await ObservationWriter.InsertAsync(store, rows, cancellationToken);
            written.AddRange(rows);
        }

        var run = await record(replaced, written);
        return new PoliceUkImportResult(fileCount, tallies.Values.Sum(t => t.Rows), forces.ToList(),
            months.Count > 0 ? months.Min() : default, months.Count > 0 ? months.Max() : default, forceMonths, observations, outside, run);
    }

    private static Area Added(Dictionary<string, Area> added, Area area)
    {
        added[area.Name] = area;
        return area;
    }

    /// <summary>A measure as the import reads it from the store.</summary>
    private sealed record StoredMeasure(int Id, string Name, string Source);

    /// <summary>The measure named so, made (to be added with the areas) when the store has none.</summary>
    private static void NewMeasure(Dictionary<string, StoredMeasure> measures, List<Measure> added, string name, PoliceUkFileKind kind, string? category)
    {
        if (measures.ContainsKey(name) || added.Any(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        added.Add(kind switch
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
        });
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
