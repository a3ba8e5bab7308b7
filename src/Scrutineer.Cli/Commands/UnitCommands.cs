using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Cli.Output;

namespace Scrutineer.Cli.Commands;

/// <summary><c>scrutineer unit list</c> and <c>unit set-head UNIT --email ADDRESS</c>: the units and their heads' addresses.</summary>
internal static class UnitCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return new Command("unit", "The units responsible for commitments, and the address of each unit's head (told of overdue updates).") { List(context), SetHead(context) };
    }

    private static Command List(CliContext context)
    {
        var format = Listing.FormatOption();
        var command = new Command("list", "List the units with their kind, parent and head's address.") { format };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var units = (await db.Units.AsNoTracking().Include(u => u.Parent).ToListAsync(ct)).OrderBy(u => u.ShortName, StringComparer.Ordinal);
            var listing = new Listing("Short name", "Name", "Kind", "Parent", "Head's email");
            foreach (var u in units)
            {
                listing.Add(u.ShortName, u.Name, u.Kind, u.Parent?.ShortName ?? "", u.HeadEmail ?? "");
            }

            listing.Write(context.Out, parse.GetValue(format));
            return 0;
        });
        return command;
    }

    private static Command SetHead(CliContext context)
    {
        var unit = new Argument<string>("unit") { Description = "The unit's short name (or full name), for example \"North LPA\"." };
        var email = new Option<string>("--email")
        {
            Description = "The head's email address, told when the unit's updates are still overdue after the deadline; \"\" to stop telling them.",
            Required = true,
        };
        var command = new Command("set-head", "Set the email address of a unit's head (who need not hold an account), for escalations of overdue updates.") { unit, email };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var found = await UpdateQueries.FindUnitAsync(db, parse.GetValue(unit)!, ct);
            found.SetHead(parse.GetValue(email));
            await db.SaveChangesAsync(ct);
            await context.Out.WriteLineAsync(found.HeadEmail is { } address
                ? $"The head of {found.DisplayName} is told of overdue updates at {address}."
                : $"No head's address is held for {found.DisplayName}: only the analysts are told of its overdue updates.");
            return 0;
        });
        return command;
    }
}
