using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Search;
using Scrutineer.Application.Security;
using Scrutineer.Cli.Output;

namespace Scrutineer.Cli.Commands;

/// <summary><c>scrutineer search WORDS… [--as USER]</c>: the web's search (commitments, updates, delivery tasks) from the command line.</summary>
internal static class SearchCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var words = new Argument<string[]>("WORDS") { Description = "What to look for: every word must appear (case does not matter).", Arity = ArgumentArity.OneOrMore };
        var asUser = new Option<string?>("--as") { Description = "Search as this account would (its need-to-know: which updates it may read). Default: everything." };
        var format = Listing.FormatOption();
        var search = new Command("search", "Search the OFFICIAL text of commitments, quarterly updates and delivery tasks (OFFICIAL-SENSITIVE parts are never searched).") { words, asUser, format };
        search.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var reader = Reader.Operator;
            if (parse.GetValue(asUser) is { } name)
            {
                var account = await db.Accounts.SingleOrDefaultAsync(a => a.UserName == name.Trim(), ct)
                    ?? throw new CliException($"--as: no account '{name}'. 'user list' shows the accounts.");
                reader = Reader.Of(account);
            }

            var query = string.Join(' ', parse.GetValue(words) ?? []);
            var first = await TextSearch.FindAsync(db, reader, query, 1, ct);
            var listing = new Listing("kind", "id", "title", "where", "text");
            for (var page = 1; page <= first.Pages; page++)
            {
                var results = page == 1 ? first : await TextSearch.FindAsync(db, reader, query, page, ct);
                foreach (var hit in results.Hits)
                {
                    listing.Add(CliOptions.Kebab(hit.Kind.ToString()), hit.Id, hit.Title, hit.Detail, hit.Snippet);
                }
            }

            listing.Write(context.Out, parse.GetValue(format));
            if (first.Capped)
            {
                await context.Error.WriteLineAsync($"More than {TextSearch.MostHits} found; the first {TextSearch.MostHits} are listed. Add words to narrow the search.");
            }

            return 0;
        });
        yield return search;
    }
}
