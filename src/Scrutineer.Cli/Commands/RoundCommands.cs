using System.CommandLine;
using Scrutineer.Application.Audit;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Cli.Output;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Cli.Commands;

/// <summary><c>scrutineer round open|close|reopen|publish|status</c>: the quarterly reporting round.</summary>
internal static class RoundCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var round = new Command("round", "Open, close, reopen and publish a quarterly reporting round, and see who is overdue.");

        var period = CliOptions.Period(required: true);
        var plan = CliOptions.Plan();
        var deadline = new Option<string>("--deadline") { Description = "The last day updates are due: YYYY-MM-DD.", Required = true };
        var open = new Command("open", "Open the round for a period: units can write and submit updates until it is closed.") { period, deadline, plan };
        open.SetAction(async (parse, ct) =>
        {
            var quarter = CliOptions.ParsePeriod(parse.GetValue(period)!);
            var due = CliOptions.ParseDate(parse.GetValue(deadline)!, "--deadline");
            await using var db = await context.OpenStoreAsync(parse, ct);
            var opened = await Application.Notifications.RoundOpening.OpenAsync(db, quarter, due, Application.Notifications.NotifySettings.FromEnvironment(), context.Clock.GetUtcNow(), parse.GetValue(plan), ct);
            await context.Out.WriteLineAsync($"Opened the {opened.Period} round; updates due by {opened.Deadline.ToString("d MMMM yyyy", EnGb.Culture)}.");
            return 0;
        });
        round.Subcommands.Add(open);

        round.Subcommands.Add(Transition(context, "close", "Close the round: no more submissions or reviews until it is reopened.", (r, now) => r.Close(now), "Closed"));
        round.Subcommands.Add(Transition(context, "reopen", "Reopen a closed round so updates, approved ones too, can be changed.", (r, now) => r.Reopen(now), "Reopened"));
        round.Subcommands.Add(Publish(context));
        round.Subcommands.Add(Status(context));
        yield return round;
    }

    private static Command Transition(CliContext context, string name, string description, Action<ReportingRound, DateTimeOffset> change, string done)
    {
        var period = CliOptions.Period(required: true);
        var plan = CliOptions.Plan();
        var command = new Command(name, description) { period, plan };
        command.SetAction(async (parse, ct) =>
        {
            var quarter = CliOptions.ParsePeriod(parse.GetValue(period)!);
            await using var db = await context.OpenStoreAsync(parse, ct);
            var round = await ReportingRounds.FindAsync(db, quarter, parse.GetValue(plan), ct);
            change(round, context.Clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await context.Out.WriteLineAsync($"{done} the {round.Period} round.");
            return 0;
        });
        return command;
    }

    private static Command Publish(CliContext context)
    {
        var period = CliOptions.Period(required: true);
        var plan = CliOptions.Plan();
        var accept = new Option<bool>("--accept-outstanding")
        {
            Description = "Publish even though updates are awaiting review, outstanding or returned, or the figures check finds problems (the list is kept in the audit trail).",
        };
        var command = new Command("publish", "Publish a closed round: it becomes read-only for good. Refused while anything is not ready, unless --accept-outstanding.")
        {
            period, plan, accept,
        };
        command.SetAction(async (parse, ct) =>
        {
            var quarter = CliOptions.ParsePeriod(parse.GetValue(period)!);
            await using var db = await context.OpenStoreAsync(parse, ct);
            PublishReadiness published;
            try
            {
                published = await ReportingRounds.PublishAsync(db, quarter, AuditContext.Actor, parse.GetValue(accept), context.Clock.GetUtcNow(), parse.GetValue(plan), ct);
            }
            catch (RoundNotReadyToPublish refused)
            {
                await context.Error.WriteLineAsync($"Not ready in the {refused.Readiness.Round.Period} round ({refused.Readiness.Count}):");
                foreach (var line in refused.Readiness.Lines)
                {
                    await context.Error.WriteLineAsync("  " + line);
                }

                throw new CliException(refused.Readiness.Summary + " Review them, or publish anyway with --accept-outstanding.");
            }

            await context.Out.WriteLineAsync(published.IsReady
                ? $"Published the {published.Round.Period} round: nothing was outstanding."
                : $"Published the {published.Round.Period} round with {published.Count} item{(published.Count == 1 ? "" : "s")} not ready, as confirmed; the list is in the audit trail.");
            return 0;
        });
        return command;
    }

    private static Command Status(CliContext context)
    {
        var period = CliOptions.Period(required: false, "The round's period (default: the open round, else the latest).");
        var plan = CliOptions.Plan();
        var format = Listing.FormatOption();
        var overdueOnly = new Option<bool>("--overdue") { Description = "List only the units that are overdue, with how many updates each owes (for reminders)." };
        var today = new Option<string?>("--today") { Description = "Judge deadlines as of this date, YYYY-MM-DD (default: today)." };
        var status = new Command("status", "Show, per commitment and unit, the state of each update in a round, and which units are overdue.")
        {
            period, plan, format, overdueOnly, today,
        };
        status.SetAction(async (parse, ct) =>
        {
            // Reads only, so it answers without EF's start-up (docs/decisions/0175).
            await using var store = await context.OpenReaderAsync(parse, ct);
            var round = parse.GetValue(period) is { } text
                ? await RoundHeading.FindAsync(store, CliOptions.ParsePeriod(text), parse.GetValue(plan), ct)
                : await RoundHeading.CurrentAsync(store, ct)
                    ?? throw new CliException("No reporting round has been opened yet: use 'scrutineer round open --period P --deadline D'.");

            var day = parse.GetValue(today) is { } t ? CliOptions.ParseDate(t, "--today") : UkClock.Today(context.Clock);
            var result = await RoundStatus.ForAsync(store, round, day, ct);
            var outputFormat = parse.GetValue(format);

            if (parse.GetValue(overdueOnly))
            {
                var units = new Listing("unit", "name", "overdue_updates");
                foreach (var (unit, name, count) in result.OverdueUnits)
                {
                    units.Add(unit, name, count);
                }

                units.Write(context.Out, outputFormat);
                return 0;
            }

            var lines = new Listing("priority", "commitment", "unit", "state", "status", "updated", "overdue");
            foreach (var line in result.Lines)
            {
                lines.Add(line.Priority, line.Commitment, line.Unit,
                    line.State is { } s ? CliOptions.Kebab(s.ToString()) : "missing",
                    line.Status is { } st ? CliOptions.Kebab(st.ToString()) : "",
                    line.UpdatedAt?.ToString("yyyy-MM-dd HH:mm", EnGb.Culture) ?? "",
                    line.Overdue);
            }

            if (outputFormat != OutputFormat.Table)
            {
                lines.Write(context.Out, outputFormat);
                return 0;
            }

            var w = context.Out;
            var deadlineText = round.Deadline.ToString("d MMMM yyyy", EnGb.Culture);
            await w.WriteLineAsync($"{round.Period} round of '{round.PlanTitle}': {round.State.ToString().ToLowerInvariant()}, "
                + $"deadline {deadlineText}{(round.IsPastDeadline(day) ? " (passed)" : "")}, as of {day.ToString("d MMMM yyyy", EnGb.Culture)}.");
            await w.WriteLineAsync($"{result.Lines.Count} updates expected: {result.Count(UpdateState.Approved)} approved, {result.Count(UpdateState.Submitted)} submitted, "
                + $"{result.Count(UpdateState.Returned)} returned, {result.Count(UpdateState.Draft)} draft, {result.Count(null)} missing.");
            await w.WriteLineAsync();
            lines.Write(w, OutputFormat.Table);
            await w.WriteLineAsync();
            if (result.OverdueUnits.Count == 0)
            {
                await w.WriteLineAsync(round.IsOpen ? "No unit is overdue." : $"The round is {round.State.ToString().ToLowerInvariant()}: nobody is chased for it.");
            }
            else
            {
                await w.WriteLineAsync($"Overdue units ({result.OverdueUnits.Count}):");
                var units = new Listing("unit", "name", "overdue updates");
                foreach (var (unit, name, count) in result.OverdueUnits)
                {
                    units.Add(unit, name, count);
                }

                units.Write(w, OutputFormat.Table);
            }

            return 0;
        });
        return status;
    }
}
