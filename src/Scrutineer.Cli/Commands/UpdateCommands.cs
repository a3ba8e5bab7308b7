using System.CommandLine;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Cli.Output;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Cli.Commands;

/// <summary><c>scrutineer update list|show</c>: reading quarterly updates.</summary>
internal static class UpdateCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var update = new Command("update", "List and read the quarterly updates units have written.");

        var period = CliOptions.Period(required: true);
        var plan = CliOptions.Plan();
        var unit = new Option<string?>("--unit") { Description = "Only this unit's updates (short name, e.g. SCD)." };
        var state = new Option<string?>("--state") { Description = "Only updates in this state: draft, submitted, approved or returned." };
        var commitment = new Option<string?>("--commitment") { Description = "Only updates on this commitment, by reference (e.g. 3.2: priority 3, commitment 2)." };
        var format = Listing.FormatOption();
        var list = new Command("list", "List a round's updates.") { period, plan, unit, commitment, state, format };
        list.SetAction(async (parse, ct) =>
        {
            var quarter = CliOptions.ParsePeriod(parse.GetValue(period)!);
            UpdateState? wanted = parse.GetValue(state) is { } s ? CliOptions.ParseEnum<UpdateState>(s, "--state") : null;
            await using var db = await context.OpenStoreAsync(parse, ct);
            var round = await ReportingRounds.FindAsync(db, quarter, parse.GetValue(plan), ct);
            var listing = new Listing("id", "commitment", "unit", "state", "status", "author", "updated", "words");
            foreach (var u in await UpdateQueries.ListAsync(db, round, parse.GetValue(unit), wanted, parse.GetValue(commitment), ct))
            {
                listing.Add(u.Id, u.Commitment.Reference, u.Unit.ShortName, CliOptions.Kebab(u.State.ToString()), CliOptions.Kebab(u.Status.ToString()),
                    u.Author, u.UpdatedAt.ToString("yyyy-MM-dd HH:mm", EnGb.Culture), u.Commentary.WordCount);
            }

            listing.Write(context.Out, parse.GetValue(format));
            return 0;
        });
        update.Subcommands.Add(list);

        var id = new Argument<int>("ID") { Description = "The update's number, as 'update list' shows it." };
        var show = new Command("show", "Show one update: commentary, status, review and its full history.") { id };
        show.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var u = await UpdateQueries.GetAsync(db, parse.GetValue(id), ct);
            var w = context.Out;
            await w.WriteLineAsync($"Update {u.Id}: {u.Round.Period}, commitment {u.Commitment.Reference}, {u.Unit.DisplayName}");
            await w.WriteLineAsync($"We will: {u.Commitment.Text}");
            await w.WriteLineAsync($"State: {CliOptions.Words(u.State)}; delivery status: {CliOptions.Words(u.Status)}; by {u.Author}, last changed {u.UpdatedAt.ToString("d MMMM yyyy HH:mm", EnGb.Culture)}");
            if (u.Reviewer is not null)
            {
                await w.WriteLineAsync($"Reviewed by {u.Reviewer} on {u.ReviewedAt?.ToString("d MMMM yyyy HH:mm", EnGb.Culture)}{(u.ReviewerComment is null ? "" : ": " + u.ReviewerComment)}");
            }

            await w.WriteLineAsync();
            await w.WriteLineAsync(u.Commentary.IsEmpty ? "(no commentary yet)" : u.Commentary.ToString());
            await w.WriteLineAsync();
            await w.WriteLineAsync("History:");
            foreach (var h in u.History)
            {
                await w.WriteLineAsync($"  {h.At.ToString("yyyy-MM-dd HH:mm", EnGb.Culture)}  {CliOptions.Words(h.Action),-9}  {h.Actor}{(h.Comment is null ? "" : " — " + h.Comment)}");
            }

            return 0;
        });
        update.Subcommands.Add(show);
        yield return update;
    }
}
