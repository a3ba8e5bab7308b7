using System.CommandLine;
using System.Diagnostics;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;

namespace Scrutineer.Cli.Commands;

/// <summary><c>scrutineer import police-uk|measures|areas</c>: loads performance data into the store.</summary>
internal static class ImportCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var import = new Command("import", "Load performance data: data.police.uk files, measures and observations, the area hierarchy.");

        var paths = new Argument<string[]>("PATH") { Description = "data.police.uk CSV files, or folders laid out like its archive (YYYY-MM/YYYY-MM-<force>-street.csv).", Arity = ArgumentArity.OneOrMore };
        var policeUk = new Command("police-uk", "Import data.police.uk street-level crime, outcomes and stop-and-search files. A month imported again replaces what was there.") { paths };
        policeUk.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var bar = new ProgressBar(context.Error);
            var watch = Stopwatch.StartNew();
            var result = await new PoliceUkImport(db).ImportAsync(parse.GetValue(paths)!, bar, ct);
            bar.Finish();
            await context.Out.WriteLineAsync(
                $"Imported {Figures.Count(result.Rows)} rows from {result.Files} file(s) in {watch.Elapsed.TotalSeconds:0.0} s: "
                + $"{string.Join(", ", result.Forces)}, {result.FirstMonth} to {result.LastMonth} ({result.Months} force-months, {Figures.Count(result.Observations)} observations).");
            if (result.RowsOutsideMappedDistricts > 0)
            {
                await context.Out.WriteLineAsync(
                    $"{Figures.Count(result.RowsOutsideMappedDistricts)} rows had an LSOA outside the force's mapped districts: they count for the force only.");
            }

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

        yield return import;
    }

    /// <summary>A text progress bar on stderr, drawn for imports of more than a few megabytes.</summary>
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
                writer.Write($"\r[{new string('#', filled)}{new string(' ', 30 - filled)}] {fraction * 100,5:0.0}% {value.BytesRead >> 20} of {value.BytesTotal >> 20} MB {value.Stage}   ");
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
