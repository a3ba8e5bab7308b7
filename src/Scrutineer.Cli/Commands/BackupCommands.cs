using System.CommandLine;
using Scrutineer.Application.Backup;

namespace Scrutineer.Cli.Commands;

/// <summary>
/// <c>scrutineer backup --out FILE [--key-file KEY]</c>, <c>scrutineer backup verify FILE [--key-file KEY]</c> and
/// <c>scrutineer restore FILE [--replace] [--discard-newer-audit] [--key-file KEY]</c>.
/// </summary>
internal static class BackupCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        Option<string> KeyFile(string what) => new("--key-file")
        {
            Description = $"A file holding the passphrase {what} (GnuPG, AES-256); default: the file named by {BackupEncryption.KeyFileEnvironmentVariable}.",
        };

        var outOption = new Option<string>("--out")
        {
            Description = "The backup file to write (readable by its owner only; replaced only once the new backup is complete).",
            Required = true,
        };
        var backupKey = KeyFile("to encrypt the backup with; without one (and without the variable) the backup is not encrypted");
        var backup = new Command("backup", "Back the store up to one file: an SQLite online backup, or a PostgreSQL pg_dump (custom format), optionally encrypted.")
        {
            outOption,
            backupKey,
        };
        backup.SetAction(async (parse, ct) =>
        {
            var location = CliContext.Location(parse);
            var result = await StoreBackup.BackupAsync(location, parse.GetValue(outOption)!, BackupEncryption.KeyFile(parse.GetValue(backupKey)), ct);
            await context.Out.WriteLineAsync($"Backed up {location.Description} to {result.File} ({result.Format}, {result.Bytes:N0} bytes).");
            return 0;
        });

        var verifyFile = new Argument<string>("FILE") { Description = "A backup written by 'scrutineer backup'." };
        var verifyKey = KeyFile("the backup was encrypted with");
        var verify = new Command("verify", "Check a backup without restoring it: that it reads whole, and what it holds (schema version, audit trail).")
        {
            verifyFile,
            verifyKey,
        };
        verify.SetAction(async (parse, ct) =>
        {
            var file = Path.GetFullPath(parse.GetValue(verifyFile)!);
            var (contents, encrypted) = await StoreBackup.VerifyAsync(file, BackupEncryption.KeyFile(parse.GetValue(verifyKey)), ct);
            await context.Out.WriteLineAsync($"{file} is a sound {contents.Format}{(encrypted ? ", encrypted" : "")}.");
            await context.Out.WriteLineAsync($"Schema: {contents.SchemaVersion}");
            await context.Out.WriteLineAsync(contents.NewestAuditId is { } newest
                ? $"Audit trail: {contents.AuditEntries:N0} entries, the newest (Id {newest}) written {contents.NewestAuditAt:yyyy-MM-dd HH:mm} UTC."
                : "Audit trail: empty.");
            return 0;
        });
        backup.Subcommands.Add(verify);
        yield return backup;

        var file = new Argument<string>("FILE") { Description = "A backup written by 'scrutineer backup'." };
        var replace = new Option<bool>("--replace") { Description = "Overwrite a store that already holds data (otherwise only an empty store is restored into)." };
        var discard = new Option<bool>("--discard-newer-audit") { Description = "With --replace: erase audit entries the store has that are newer than the backup's (refused otherwise)." };
        var restoreKey = KeyFile("the backup was encrypted with");
        var restore = new Command("restore", "Restore a backup into the store (an empty one unless --replace), then upgrade its schema; the restore is recorded in the audit trail.")
        {
            file,
            replace,
            discard,
            restoreKey,
        };
        restore.SetAction(async (parse, ct) =>
        {
            var location = CliContext.Location(parse);
            var result = await StoreBackup.RestoreAsync(location, parse.GetValue(file)!, parse.GetValue(replace), parse.GetValue(discard), BackupEncryption.KeyFile(parse.GetValue(restoreKey)), ct);
            await context.Out.WriteLineAsync($"Restored {result.File} into {location.Description}.");
            if (result.DiscardedAuditEntries > 0)
            {
                await context.Out.WriteLineAsync($"{result.DiscardedAuditEntries:N0} newer audit entries were discarded, as --discard-newer-audit asked.");
            }

            return 0;
        });
        yield return restore;
    }
}
