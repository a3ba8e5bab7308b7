using System.CommandLine;
using Microsoft.Data.Sqlite;
using Scrutineer.Application.Data;
using Scrutineer.Application.Demo;

namespace Scrutineer.Cli.Commands;

/// <summary><c>scrutineer demo</c>: builds the deterministic demo force.</summary>
internal static class DemoCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var files = new Option<string>("--files")
        {
            Description = "Folder for the demo's sample import files (plan file, delivery-plan workbooks, data CSVs).",
            DefaultValueFactory = _ => "demo-files",
        };
        var reset = new Option<bool>("--reset") { Description = "Delete the SQLite store file first and build the demo afresh (only a store the demo built)." };
        var demo = new Command("demo", "Build the demo force: a 12-priority plan, 26 units, the four 2023/24 rounds and more. Deterministic.")
        {
            files, reset,
        };
        demo.SetAction(async (parse, ct) =>
        {
            var location = CliContext.Location(parse);
            if (parse.GetValue(reset))
            {
                if (location.Provider != StoreProvider.Sqlite)
                {
                    throw new CliException("--reset deletes an SQLite file; for PostgreSQL, give the demo an empty database.");
                }

                var path = location.SqlitePath!;
                if (File.Exists(path))
                {
                    await using var existing = await context.OpenStoreAsync(parse, ct);
                    if (!await DemoForce.BuiltThisStoreAsync(existing, ct) && !await DemoForce.IsEmptyAsync(existing, ct))
                    {
                        throw new CliException($"--reset deletes only a store the demo built, and {path} holds other data. Nothing was deleted. Give the demo a new --db path.");
                    }
                }

                SqliteConnection.ClearAllPools();
                foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
                {
                    File.Delete(file);
                }
            }

            await using var db = await context.OpenStoreAsync(parse, ct, create: true);
            if (await DemoForce.BuiltThisStoreAsync(db, ct))
            {
                await context.Out.WriteLineAsync($"The store already holds the demo force ({location.Description}); use --reset to rebuild it.");
                return 0;
            }

            if (!await DemoForce.IsEmptyAsync(db, ct))
            {
                throw new CliException($"{location.Description} holds data the demo did not build, so the demo was not built. Give the demo a new --db path.");
            }

            var folder = Path.GetFullPath(parse.GetValue(files)!);
            var settings = new DemoSettings(DemoSettings.DemoToday, folder, line => context.Out.WriteLine("  " + line));
            await context.Out.WriteLineAsync($"Building the demo force in {location.Description} ...");
            await DemoForce.BuildAsync(db, settings, ct);
            await context.Out.WriteLineAsync($"Done. Sample import files are in {folder}.");
            await context.Out.WriteLineAsync($"The demo is set on {DemoSettings.DemoToday.ToString("d MMMM yyyy", Domain.Common.EnGb.Culture)}: "
                + "deadlines are judged against the real date unless a command is given --today.");
            return 0;
        });
        yield return demo;
    }
}
