using System.CommandLine;
using Scrutineer.Application.Backup;

namespace Scrutineer.Cli.Commands;

/// <summary><c>scrutineer backup --out FILE</c> and <c>scrutineer restore FILE [--replace]</c>.</summary>
internal static class BackupCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var outOption = new Option<string>("--out")
        {
            Description = "The backup file to write (replaced only once the new backup is complete).",
            Required = true,
        };
        var backup = new Command("backup", "Back the store up to one file: an SQLite online backup, or a PostgreSQL pg_dump (custom format).")
        {
            outOption,
        };
        backup.SetAction(async (parse, ct) =>
        {
            var location = CliContext.Location(parse);
            var result = await StoreBackup.BackupAsync(location, parse.GetValue(outOption)!, ct);
            await context.Out.WriteLineAsync($"Backed up {location.Description} to {result.File} ({result.Format}, {result.Bytes:N0} bytes).");
            return 0;
        });
        yield return backup;

        var file = new Argument<string>("FILE") { Description = "A backup written by 'scrutineer backup'." };
        var replace = new Option<bool>("--replace") { Description = "Overwrite a store that already holds data (otherwise only an empty store is restored into)." };
        var restore = new Command("restore", "Restore a backup into the store (an empty one unless --replace), then upgrade its schema.")
        {
            file,
            replace,
        };
        restore.SetAction(async (parse, ct) =>
        {
            var location = CliContext.Location(parse);
            await StoreBackup.RestoreAsync(location, parse.GetValue(file)!, parse.GetValue(replace), ct);
            await context.Out.WriteLineAsync($"Restored {Path.GetFullPath(parse.GetValue(file)!)} into {location.Description}.");
            return 0;
        });
        yield return restore;
    }
}
