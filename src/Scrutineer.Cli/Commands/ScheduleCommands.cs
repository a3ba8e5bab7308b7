using System.CommandLine;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Notifications;
using Scrutineer.Cli.Output;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Cli.Commands;

/// <summary>
/// <c>scrutineer schedule add --report KIND --version public|full --format F --to USER|ADDRESS… (--on-publication | --on
/// YYYY-MM-DD)</c>, <c>schedule list</c> and <c>schedule remove ID</c>: report packs emailed to a distribution list.
/// </summary>
internal static class ScheduleCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return new Command("schedule", "Schedule a report to be emailed to a distribution list on publication or on a date; list and remove schedules.")
        {
            Add(context), List(context), Remove(context),
        };
    }

    private static Command Add(CliContext context)
    {
        var report = new Option<string>("--report") { Description = "The report: quarterly, strategy or closure.", Required = true };
        var version = new Option<string>("--version") { Description = "public (approved OFFICIAL text only) or full (with OFFICIAL-SENSITIVE text: cleared accounts only).", Required = true };
        var format = new Option<string>("--format") { Description = "pdf, docx or html.", Required = true };
        var to = new Option<string[]>("--to") { Description = "User names and email addresses; repeat the option or list them after it.", Required = true, AllowMultipleArgumentsPerToken = true };
        var onPublication = new Option<bool>("--on-publication") { Description = "Send the report of each round as it is published." };
        var on = new Option<string?>("--on") { Description = "Send once on this date, YYYY-MM-DD: the report of the latest round published by then." };
        var command = new Command("add", "Schedule a report pack. The full version is refused unless every recipient is an account cleared to read OFFICIAL-SENSITIVE text.")
        {
            report, version, format, to, onPublication, on,
        };
        command.SetAction(async (parse, ct) =>
        {
            var date = parse.GetValue(on) is { } text ? CliOptions.ParseDate(text, "--on") : (DateOnly?)null;
            if (parse.GetValue(onPublication) == date.HasValue)
            {
                throw new CliException("Give when to send it: --on-publication, or --on YYYY-MM-DD (one of them).");
            }

            await using var db = await context.OpenStoreAsync(parse, ct);
            var schedule = await ReportSchedules.AddAsync(db, parse.GetValue(report), parse.GetValue(version), parse.GetValue(format), parse.GetValue(to) ?? [], date,
                AuditContext.Actor, UkClock.Today(context.Clock), context.Clock.GetUtcNow(), ct);
            var recipients = schedule.AccountIds.Count + schedule.Addresses.Count;
            await context.Out.WriteLineAsync($"Scheduled report {schedule.Id}: {ReportSchedules.Describe(schedule)}, to {recipients} recipient{(recipients == 1 ? "" : "s")}.");
            return 0;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var format = Listing.FormatOption();
        var command = new Command("list", "List the scheduled report packs.") { format };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var listing = new Listing("Id", "Report", "Version", "Format", "When", "To", "Scheduled by");
            foreach (var (schedule, recipients) in await ReportSchedules.ListAsync(db, ct))
            {
                listing.Add(schedule.Id, schedule.Report, ReportSchedules.VersionName(schedule.Version), schedule.Format,
                    schedule.Trigger == ReportTrigger.OnPublication ? "on publication" : schedule.SendOn!.Value.ToString("yyyy-MM-dd", EnGb.Culture),
                    string.Join(" ", recipients), schedule.CreatedBy);
            }

            listing.Write(context.Out, parse.GetValue(format));
            return 0;
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var id = new Argument<int>("id") { Description = "The schedule's number, from schedule list." };
        var command = new Command("remove", "Remove a scheduled report pack; packs it queued and not yet sent are withheld.") { id };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var removed = await ReportSchedules.RemoveAsync(db, parse.GetValue(id), ct);
            await context.Out.WriteLineAsync($"Removed report schedule {removed.Id} ({ReportSchedules.Describe(removed)}).");
            return 0;
        });
        return command;
    }
}
