using System.CommandLine;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;

namespace Scrutineer.Cli.Commands;

/// <summary>
/// <c>scrutineer init [--admin NAME]</c>: creates the store, or upgrades its schema, and says where it is; with
/// <c>--admin</c>, also creates the store's first administrator and prints a one-time password.
/// </summary>
internal static class StoreCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var admin = new Option<string?>("--admin")
        {
            Description = "Also create the store's first administrator with this user name, and print a one-time password to be changed at first sign-in.",
        };
        var init = new Command("init", "Create the store (or upgrade an existing one to the current schema, keeping its data).") { admin };
        init.SetAction(async (parse, ct) =>
        {
            var location = CliContext.Location(parse);
            await using var db = await context.OpenStoreAsync(parse, ct);
            var applied = await StoreSchema.AppliedAsync(db, ct);
            await context.Out.WriteLineAsync($"Store ready: {location.Description} (schema {applied.LastOrDefault() ?? "empty"}).");
            if (parse.GetValue(admin) is { } name)
            {
                var issued = await AccountAdministration.CreateFirstAdministratorAsync(db, name, null, context.Clock.GetUtcNow(), ct);
                await context.Out.WriteLineAsync($"Administrator {issued.Account.UserName} created.");
                await UserCommands.WriteOneTimePasswordAsync(context, issued.OneTimePassword!);
            }

            return 0;
        });
        yield return init;
    }
}
