using System.CommandLine;
using Scrutineer.Application.Accounts;
using Scrutineer.Cli.Output;
using Scrutineer.Domain.Common;

namespace Scrutineer.Cli.Commands;

/// <summary>
/// <c>scrutineer token create|list|revoke</c>: read-only API tokens for integrations such as Power BI
/// (docs/api-tokens.md). <c>create</c> prints the secret alone on its last line; it is shown only once.
/// </summary>
internal static class TokenCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var user = new Option<string>("--user") { Description = "The account the token reads as (its user name).", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for, for example \"Power BI dashboard\".", Required = true };
        var expires = new Option<string?>("--expires") { Description = "The last day the token works (dd/mm/yyyy or yyyy-mm-dd, UK time). Default: 90 days from now; at most a year." };
        var format = Listing.FormatOption();

        var create = new Command("create", "Create a read-only API token for an account. The token is printed once, alone on the last line: store it safely.")
        {
            user, name, expires,
        };
        create.SetAction(async (parse, ct) =>
        {
            var day = parse.GetValue(expires) is { } text ? CliOptions.ParseDate(text, "--expires") : (DateOnly?)null;
            await using var db = await context.OpenStoreAsync(parse, ct);
            var (token, secret) = await ApiTokens.CreateAsync(db, parse.GetValue(user)!, parse.GetValue(name)!, day, context.Clock.GetUtcNow(), ct);
            await context.Out.WriteLineAsync($"Created the token '{token.Name}' for {UserName(parse, user)}; it works until {Labels(token.ExpiresAt)}. It will not be shown again:");
            await context.Out.WriteLineAsync(secret);
            return 0;
        });

        var list = new Command("list", "List an account's API tokens (never the secrets): created, expiry, last use and whether revoked.")
        {
            user, format,
        };
        list.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var now = context.Clock.GetUtcNow();
            var listing = new Listing("Name", "Created", "Expires", "Last used", "State");
            foreach (var t in await ApiTokens.ListAsync(db, parse.GetValue(user)!, ct))
            {
                listing.Add(t.Name, Labels(t.CreatedAt), Labels(t.ExpiresAt), t.LastUsedAt is { } used ? Labels(used) : "never",
                    t.RevokedAt is not null ? "revoked" : t.IsActive(now) ? "working" : "expired");
            }

            listing.Write(context.Out, parse.GetValue(format));
            return 0;
        });

        var revoke = new Command("revoke", "Revoke an account's API token by name: it stops working at once.")
        {
            user, name,
        };
        revoke.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var token = await ApiTokens.RevokeAsync(db, parse.GetValue(user)!, parse.GetValue(name)!, context.Clock.GetUtcNow(), ct);
            await context.Out.WriteLineAsync($"Revoked the token '{token.Name}' of {UserName(parse, user)}.");
            return 0;
        });

        yield return new Command("token", "Read-only API tokens (Authorization: Bearer …) for Power BI and other integrations.") { create, list, revoke };
    }

    private static string UserName(ParseResult parse, Option<string> user) => parse.GetValue(user)!.Trim().ToLowerInvariant();

    private static string Labels(DateTimeOffset at) => at.ToUniversalTime().ToString("dd/MM/yyyy HH:mm 'UTC'", EnGb.Culture);
}
