using System.CommandLine;
using System.Globalization;
using Scrutineer.Application.Performance;
using Scrutineer.Cli.Output;
using Scrutineer.Domain.Common;

namespace Scrutineer.Cli.Commands;

/// <summary>
/// <c>scrutineer peers list|add|end|remove</c>: the dated peer group of a force (default: <see cref="ForceArea"/>), and
/// the analysts' edits of it — a peer added from a day, a peer's last day, dated like the imported table — and the
/// removal of a link made by mistake.
/// </summary>
internal static class PeerCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var peers = new Command("peers", "A force's peer group of most similar forces: list it, add a peer from a day, end a peer's membership on a day.");
        peers.Subcommands.Add(List(context));
        peers.Subcommands.Add(Edit(context, add: true));
        peers.Subcommands.Add(Edit(context, add: false));
        peers.Subcommands.Add(Remove(context));
        yield return peers;
    }

    private static Option<string?> ForceOption() =>
        new("--force") { Description = "The force (default: the plan's force, else the one force with a peer group, else the force with most figures); 'Essex' finds 'Essex Police'." };

    private static Command List(CliContext context)
    {
        var force = ForceOption();
        var format = Listing.FormatOption();
        var command = new Command("list", "The peer groups as a dated table: force, peer, from, to (empty while current). Without --force, every force's group; the default force's when none has one.") { force, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var every = string.IsNullOrWhiteSpace(parse.GetValue(force)) ? await PeerGroups.EveryAsync(db, ct) : [];
            var forceName = every.Count > 0 ? "" : await PeerGroups.ForceOrDefaultAsync(db, parse.GetValue(force), ct);
            var links = every.Count > 0 ? every : await PeerGroups.TableAsync(db, forceName, ct);
            if (links.Count == 0 && parse.GetValue(format) == OutputFormat.Table)
            {
                await context.Out.WriteLineAsync($"{(await PeerGroups.FindForceAsync(db, forceName, ct)).Name} has no peer group yet: add peers with 'scrutineer peers add --force F --peer P --from YYYY-MM-DD', or import a group with 'scrutineer import peers FILE'.");
                return 0;
            }

            var listing = new Listing("force", "peer", "from", "to");
            foreach (var l in links)
            {
                listing.Add(l.Force.Name, l.Peer.Name, Iso(l.From), l.To is { } to ? Iso(to) : "");
            }

            listing.Write(context.Out, parse.GetValue(format));
            return 0;
        });
        return command;
    }

    private static Command Edit(CliContext context, bool add)
    {
        var force = ForceOption();
        var peer = new Option<string>("--peer") { Description = "The peer force.", Required = true };
        var day = new Option<string>(add ? "--from" : "--to") { Description = add ? "The first day in the group (YYYY-MM-DD)." : "The last day in the group (YYYY-MM-DD).", Required = true };
        var command = new Command(add ? "add" : "end", add ? "Add a peer to the force's group from a day." : "End a peer's membership of the force's group on a day.") { force, peer, day };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(day)!;
            if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
            {
                throw new CliException($"{(add ? "--from" : "--to")} '{text}' is not a date: expected YYYY-MM-DD, for example 2026-04-01.");
            }

            await using var db = await context.OpenStoreAsync(parse, ct);
            var forceName = await PeerGroups.ForceOrDefaultAsync(db, parse.GetValue(force), ct);
            var link = add ? await PeerGroups.AddAsync(db, forceName, parse.GetValue(peer)!, on, ct) : await PeerGroups.EndAsync(db, forceName, parse.GetValue(peer)!, on, ct);
            await context.Out.WriteLineAsync(PeerGroups.Describe(link));
            return 0;
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var force = ForceOption();
        var peer = new Option<string>("--peer") { Description = "The peer force.", Required = true };
        var from = new Option<string?>("--from") { Description = "The first day of the link to remove (YYYY-MM-DD); needed only when the peer joined the group more than once." };
        var command = new Command("remove", "Remove a peer's link to the force's group made by mistake, as if it had never been added (to end a real membership, use 'peers end').") { force, peer, from };
        command.SetAction(async (parse, ct) =>
        {
            DateOnly? day = null;
            if (parse.GetValue(from) is { } text)
            {
                day = DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)
                    ? on : throw new CliException($"--from '{text}' is not a date: expected YYYY-MM-DD, for example 2026-04-01.");
            }

            await using var db = await context.OpenStoreAsync(parse, ct);
            var forceName = await PeerGroups.ForceOrDefaultAsync(db, parse.GetValue(force), ct);
            var link = await PeerGroups.RemoveAsync(db, forceName, parse.GetValue(peer)!, day, ct);
            await context.Out.WriteLineAsync(PeerGroups.DescribeRemoval(link));
            return 0;
        });
        return command;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
