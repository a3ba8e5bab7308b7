using System.CommandLine;
using Scrutineer.Application.Data;

namespace Scrutineer.Cli.Commands;

/// <summary><c>scrutineer init</c>: creates the store, or upgrades its schema, and says where it is.</summary>
internal static class StoreCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var init = new Command("init", "Create the store (or upgrade an existing one to the current schema, keeping its data).");
        init.SetAction(async (parse, ct) =>
        {
            var location = CliContext.Location(parse);
            await using var db = await context.OpenStoreAsync(parse, ct);
            var applied = await StoreSchema.AppliedAsync(db, ct);
            await context.Out.WriteLineAsync($"Store ready: {location.Description} (schema {applied.LastOrDefault() ?? "empty"}).");
            return 0;
        });
        yield return init;
    }
}
