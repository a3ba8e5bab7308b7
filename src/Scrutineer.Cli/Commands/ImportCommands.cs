using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Scrutineer.Application.Data;
using Scrutineer.Application.Imports;
using Scrutineer.Application.Performance;
using Scrutineer.Cli.Output;
using Scrutineer.Domain.Common;

namespace Scrutineer.Cli.Commands;

/// <summary>
/// <c>scrutineer import police-uk|measures|areas</c>: loads performance data into the store; <c>import runs|undo|confirm</c>:
/// the record of every import, undoing one, and confirming the months one holds as provisional.
/// </summary>
internal static class ImportCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var import = new Command("import", "Load performance data: data.police.uk files, measures and observations, the area hierarchy.");

        var paths = new Argument<string[]>("PATH") { Description = "data.police.uk CSV files, or folders laid out like its archive (YYYY-MM/YYYY-MM-<force>-street.csv).", Arity = ArgumentArity.OneOrMore };
        var policeUk = new Command("police-uk", "Import data.police.uk street-level crime, outcomes and stop-and-search files. A month imported again replaces what was there.") { paths };
        policeUk.SetAction(async (parse, ct) =>
        {
            var bar = new ProgressBar(context.Error);
            var watch = Stopwatch.StartNew();
            // A missing path is reported before a store problem. The files are read while the store opens on another
            // thread; each file's counts are merged by the district its LSOAs map to there once it is open (flat
            // memory for a national archive).
            PoliceUkImport.FindFiles(parse.GetValue(paths)!);
            var opening = Task.Run(() => context.OpenWriterAsync(parse, ct), ct);
            PoliceUkImportResult result;
            try
            {
                result = await PoliceUkImport.ImportAsync(opening, parse.GetValue(paths)!, bar, ct);
            }
            finally
            {
                // The store is closed once it has opened, whatever the import's outcome; its own error was reported there.
                await Task.WhenAny(opening);
                if (opening.IsCompletedSuccessfully)
                {
                    await opening.Result.DisposeAsync();
                }
            }

            bar.Finish();
            await context.Out.WriteLineAsync(
                $"Imported {Figures.Count(result.Rows)} rows from {Figures.Count(result.Files, "file", "files")} in {watch.Elapsed.TotalSeconds:0.0} s: "
                + $"{string.Join(", ", result.Forces)}, {result.FirstMonth} to {result.LastMonth} ({result.Months} force-months, {Figures.Count(result.Observations)} observations).");
            if (result.RowsOutsideMappedDistricts > 0)
            {
                await context.Out.WriteLineAsync(
                    $"{Figures.Count(result.RowsOutsideMappedDistricts)} rows had an LSOA outside the force's mapped districts: they count for the force only.");
            }

            await WriteRunAsync(context, result.Run);
            return 0;
        });
        import.Subcommands.Add(policeUk);

        var file = new Argument<string>("FILE") { Description = "A CSV file: measure,area,period,value[,numerator,denominator] or name,unit,kind,better,definition,source." };
        var measures = new Command("measures", "Import measure definitions (name,unit,kind,better,definition,source) or observations (measure,area,period,value[,numerator,denominator]).") { file };
        measures.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var result = await new MeasuresImport(db).ImportAsync(parse.GetValue(file)!, ct);
            await context.Out.WriteLineAsync(result.Summary);
            await WriteRunAsync(context, result.Run);
            return 0;
        });
        import.Subcommands.Add(measures);

        var areaFile = new Argument<string>("FILE") { Description = "A CSV file: lsoa,district,lpa,force (lsoa an LSOA code or a local authority name)." };
        var areas = new Command("areas", "Import the area hierarchy and the LSOA-to-district mapping (lsoa,district,lpa,force).") { areaFile };
        areas.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var result = await new AreaMappingImport(db).ImportAsync(parse.GetValue(areaFile)!, ct);
            await context.Out.WriteLineAsync(result);
            return 0;
        });
        import.Subcommands.Add(areas);
        import.Subcommands.Add(Peers(context));
        import.Subcommands.Add(Harm(context));
        import.Subcommands.Add(Runs(context));
        import.Subcommands.Add(Undo(context));
        import.Subcommands.Add(Confirm(context));

        yield return import;
    }

    private static Command Peers(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A CSV file: force,peer,from,to (dates YYYY-MM-DD; to empty while current)." };
        var command = new Command("peers", "Import the dated table of most similar forces (force,peer,from,to). It replaces the groups of the forces it names; "
            + "rows naming a force the store does not hold are reported and skipped.") { file };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var result = await new PeerGroupImport(db).ImportAsync(parse.GetValue(file)!, ct);
            await context.Out.WriteLineAsync(result.Summary);
            await WriteSkippedAsync(context, result.Skipped);
            await context.Out.WriteLineAsync($"Recorded as import run {result.RunId}.");
            return 0;
        });
        return command;
    }

    private static Command Harm(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A CSV file: force,crime_type,days (the last column may be named for the index, as cchi_days; force empty for a national weight)." };
        var index = new Option<string?>("--index") { Description = "The index's name (default: from the weight column; cchi_days is the Cambridge Crime Harm Index). Importing an index again replaces its weights." };
        var source = new Option<string?>("--source") { Description = "Where the weights come from, printed beside harm figures." };
        var command = new Command("harm", "Import a crime harm index: weights in days per crime type, nationally or by force. Rows for forces the store does not hold are reported and skipped.")
        {
            file, index, source,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var result = await new HarmWeightsImport(db).ImportAsync(parse.GetValue(file)!, parse.GetValue(index), parse.GetValue(source), ct);
            await context.Out.WriteLineAsync(result.Summary);
            await WriteSkippedAsync(context, result.Skipped);
            await context.Out.WriteLineAsync($"Recorded as import run {result.RunId}.");
            return 0;
        });
        return command;
    }

    /// <summary>Each row an import left out, by line (the import itself succeeded).</summary>
    private static async Task WriteSkippedAsync(CliContext context, IReadOnlyList<SkippedRow> skipped)
    {
        foreach (var line in SkippedRow.Describe(skipped))
        {
            await context.Out.WriteLineAsync(line);
        }
    }

    private static Command Runs(CliContext context)
    {
        var format = Listing.FormatOption();
        var command = new Command("runs", "List every import, newest first: who ran it, when, the files (size, SHA-256), rows read, what it wrote and its status "
            + "(completed, provisional: some months held, or undone).") { format };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var runs = await ImportRuns.ListAsync(db, ct);
            var fmt = parse.GetValue(format);
            var listing = new Listing("id", "started", "by", "kind", "files", "rows", "status", "wrote", "held");
            foreach (var r in runs)
            {
                listing.Add(r.Id, fmt == OutputFormat.Table ? ImportRuns.UkTime(r.Started) : r.Started.ToString("O", CultureInfo.InvariantCulture), r.By, r.KindName,
                    fmt == OutputFormat.Table ? FileNames(r.Files.Select(f => f.Name).ToList()) : string.Join("; ", r.Files.Select(f => f.ToString())), r.Rows, r.Status.ToString().ToLowerInvariant(), r.Wrote,
                    string.Join(" ", r.Held.Select(h => h.Reason)));
            }

            listing.Write(context.Out, fmt);
            return 0;
        });
        return command;
    }

    /// <summary>A run's files in a table: up to three by name, else how many, the first and the last (CSV and JSON list them all).</summary>
    private static string FileNames(IReadOnlyList<string> names) =>
        names.Count <= 3 ? string.Join("; ", names) : $"{Figures.Count(names.Count, "file", "files")}: {names[0]} … {names[^1]}";

    private static Command Undo(CliContext context)
    {
        var run = new Argument<long>("RUN") { Description = "The run's number, as 'scrutineer import runs' lists it." };
        var command = new Command("undo", "Put back exactly what an import of figures replaced or added. Refused while a later import touched the same figures: undo that one first.") { run };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var undone = await ImportRunUndo.UndoAsync(db, parse.GetValue(run), ct);
            await context.Out.WriteLineAsync($"Undid import run {undone.Id} ({ImportRuns.Describe(undone.Kind)}): the figures it replaced are back and those it added are removed.");
            return 0;
        });
        return command;
    }

    private static Command Confirm(CliContext context)
    {
        var run = new Argument<long>("RUN") { Description = "The run's number, as 'scrutineer import runs' lists it." };
        var command = new Command("confirm", "Confirm the months an import holds as provisional: they are used in the dashboard, insights and reports from now on.") { run };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var before = await ImportRuns.FindAsync(db, parse.GetValue(run), ct);
            var confirmed = await ImportRuns.ConfirmAsync(db, before.Id, ct);
            await context.Out.WriteLineAsync($"Confirmed import run {confirmed.Id}: {string.Join(", ", before.Held.Select(h => h.Month.LongLabel))} now used in every figure.");
            return 0;
        });
        return command;
    }

    /// <summary>The run's number, and each month it holds with the reason.</summary>
    private static async Task WriteRunAsync(CliContext context, RecordedRun run)
    {
        await context.Out.WriteLineAsync($"Recorded as import run {run.Id}.");
        foreach (var held in run.Held)
        {
            await context.Out.WriteLineAsync(
                $"Held as provisional: {held.Reason} It is left out of the dashboard, insights and reports until confirmed (scrutineer import confirm {run.Id}) or imported again.");
        }
    }

    /// <summary>A text progress bar on stderr, drawn for imports of more than a few megabytes: bytes, files and rows across every file named.</summary>
    private sealed class ProgressBar(TextWriter writer) : IProgress<ImportProgress>
    {
        private const long ShowAbove = 16 << 20;
        private readonly object gate = new();
        private bool drawn;

        public void Report(ImportProgress value)
        {
            if (value.BytesTotal < ShowAbove)
            {
                return;
            }

            lock (gate)
            {
                var fraction = value.BytesTotal == 0 ? 1 : (double)value.BytesRead / value.BytesTotal;
                var filled = (int)(fraction * 30);
                var files = value.FilesTotal > 0 ? $", {Figures.Count(value.FilesRead)} of {Figures.Count(value.FilesTotal)} files, {Figures.Count(value.Rows)} rows" : "";
                writer.Write($"\r[{new string('#', filled)}{new string(' ', 30 - filled)}] {fraction * 100,5:0.0}% {value.BytesRead >> 20} of {value.BytesTotal >> 20} MB{files} {value.Stage}   ");
                drawn = true;
            }
        }

        public void Finish()
        {
            if (drawn)
            {
                writer.WriteLine();
            }
        }
    }
}
