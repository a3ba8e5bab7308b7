using System.CommandLine;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;

namespace Scrutineer.Cli.Commands;

/// <summary>
/// <c>scrutineer init [--admin NAME]</c>: creates the store, or upgrades its schema, and says where it is; with
/// <c>--admin</c>, also creates the store's first administrator and prints a one-time password; with <c>--grant-to</c>,
/// grants the application's PostgreSQL role its privileges (<see cref="ApplicationRole"/>).
/// </summary>
internal static class StoreCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var admin = new Option<string?>("--admin")
        {
            Description = "Also create the store's first administrator with this user name, and print a one-time password to be changed at first sign-in.",
        };
        var grantTo = new Option<string?>("--grant-to")
        {
            Description = "PostgreSQL: grant this existing role the application's privileges only (read and write data, append to the audit trail; no schema changes). Run as the store's owner.",
        };
        var init = new Command("init", "Create the store (or upgrade an existing one to the current schema, keeping its data).") { admin, grantTo };
        init.SetAction(async (parse, ct) =>
        {
            var location = CliContext.Location(parse);
            await using var db = await context.OpenStoreAsync(parse, ct, create: true);
            var applied = await StoreSchema.AppliedAsync(db, ct);
            await context.Out.WriteLineAsync($"Store ready: {location.Description} (schema {applied.LastOrDefault() ?? "empty"}).");
            if (parse.GetValue(grantTo) is { } role)
            {
                await ApplicationRole.GrantAsync(db, role.Trim(), ct);
                await context.Out.WriteLineAsync($"Role {role.Trim()} may now read and write the data and append to the audit trail; it cannot change the schema, the audit trail or its triggers.");
            }

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
