using System.CommandLine;
using Scrutineer.Application.Delivery;
using Scrutineer.Application.Security;
using Scrutineer.Cli.Output;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Cli.Commands;

/// <summary>
/// <c>scrutineer delivery import|summary|tasks|at-risk|export</c>: crime prevention delivery plans (4P workbooks),
/// their progress table and at-risk list.
/// </summary>
internal static class DeliveryCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var delivery = new Command("delivery", "Crime prevention strategy delivery plans: import 4P workbooks, progress per strand, tasks, export.");
        delivery.Subcommands.Add(Import(context));
        delivery.Subcommands.Add(Summary(context));
        delivery.Subcommands.Add(Tasks(context));
        delivery.Subcommands.Add(AtRisk(context));
        delivery.Subcommands.Add(Export(context));
        yield return delivery;
    }

    private static Option<string?> StrategyOption(string description) => new("--strategy") { Description = description };

    private static Option<string?> PeriodOption(string description) => new("--period") { Description = description };

    private static DateOnly Today(CliContext context) => UkClock.Today(context.Clock);

    private static FinancialQuarter? Period(string? text) => string.IsNullOrWhiteSpace(text) ? null : FinancialQuarter.Parse(text);

    private static Command Import(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Delivery-plan workbooks (.xlsx) or CSV files.", Arity = ArgumentArity.OneOrMore };
        var strategy = StrategyOption("The strategy to import into, created if missing (default: the store's only strategy).");
        var report = new Option<string?>("--report") { Description = "Also write the row-by-row import report to this file." };
        var period = PeriodOption("The quarter the workbook reports on: 'Achieved this quarter' / 'Scheduled next quarter' cells without a Quarter are filed under it, "
            + "and for a quarter already over, status changes take effect on its last day (default: the current quarter, changes dated today).");
        var command = new Command("import", "Import 4P delivery-plan workbooks: new tasks are added, stored ones updated in place, status changes recorded.");
        command.Arguments.Add(files);
        command.Options.Add(strategy);
        command.Options.Add(report);
        command.Options.Add(period);
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            // A workbook for a past quarter describes the tasks as at that quarter's end, so 'summary --period' for it shows them.
            var quarter = Period(parse.GetValue(period));
            var today = Today(context);
            var effective = quarter is { } q && q.DataTo < today ? q.DataTo : today;
            var options = new DeliveryImportOptions(parse.GetValue(strategy), effective, quarter);
            var result = await DeliveryImport.ImportAsync(db, parse.GetValue(files)!, options, ct);
            var text = result.ToText();
            await context.Out.WriteAsync(text);
            if (parse.GetValue(report) is { Length: > 0 } path)
            {
                await File.WriteAllTextAsync(path, text, ct);
                await context.Out.WriteLineAsync($"Report written to {Path.GetFullPath(path)}.");
            }

            return 0;
        });
        return command;
    }

    private static Command Summary(CliContext context)
    {
        var strategy = StrategyOption("The strategy (default: the store's only strategy).");
        var period = PeriodOption("Statuses as at the end of this quarter, e.g. 'Q3 2023/24' (default: today).");
        var format = Listing.FormatOption();
        var command = new Command("summary", "Progress per strand (total, complete, ongoing, at risk) and the totals row, counted from the tasks.");
        command.Options.Add(strategy);
        command.Options.Add(period);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var id = await DeliveryStore.FindStrategyAsync(db, parse.GetValue(strategy), ct);
            var summary = await DeliveryProgress.ForStrategyAsync(db, id, Period(parse.GetValue(period)), Today(context), ct);
            var listing = new Listing("strand", "total", "complete", "ongoing", "at_risk");
            foreach (var row in summary.Strands.Append(summary.Total))
            {
                listing.Add(row.Strand, row.Total, row.Complete, row.Ongoing, row.AtRisk);
            }

            listing.Write(context.Out, parse.GetValue(format));
            return 0;
        });
        return command;
    }

    private static Command Tasks(CliContext context)
    {
        var strategy = StrategyOption("The strategy (default: the store's only strategy).");
        var strand = new Option<string?>("--strand") { Description = "Only this strand (title or alias; part of the title will do)." };
        var status = new Option<string?>("--status") { Description = "Only tasks with this status: not-started, ongoing, complete or at-risk." };
        var owner = new Option<string?>("--owner") { Description = "Only tasks whose Who (or the name its initials stand for) contains this text." };
        var format = Listing.FormatOption();
        var command = new Command("tasks", "List delivery-plan tasks with their owner, due and status.");
        command.Options.Add(strategy);
        command.Options.Add(strand);
        command.Options.Add(status);
        command.Options.Add(owner);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var id = await DeliveryStore.FindStrategyAsync(db, parse.GetValue(strategy), ct);
            var loaded = await DeliveryStore.LoadAsync(db, id, ct);
            IEnumerable<ThematicStrand> strands = loaded.Strands;
            if (parse.GetValue(strand) is { Length: > 0 } wanted)
            {
                var match = loaded.FindStrand(wanted) is { } exact ? [exact]
                    : loaded.Strands.Where(s => s.Title.Contains(wanted.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
                strands = match.Count > 0 ? match : throw new CliException(
                    $"No strand matches '{wanted}'; the strands are {string.Join(", ", loaded.Strands.Select(s => $"'{s.Title}'"))}.");
            }

            DeliveryTaskStatus? statusFilter = parse.GetValue(status) is { Length: > 0 } s
                ? DeliveryImport.ParseStatus(s) ?? throw new CliException($"'{s}' is not a status: use not-started, ongoing, complete or at-risk.")
                : null;
            var ownerFilter = parse.GetValue(owner)?.Trim();
            var table = parse.GetValue(format) == OutputFormat.Table;
            var listing = new Listing("strand", "plan", "task", "text", "owner", "when", "status");
            foreach (var t in strands.SelectMany(x => x.Plans).SelectMany(p => p.Tasks))
            {
                if ((statusFilter is null || t.Status == statusFilter)
                    && (string.IsNullOrEmpty(ownerFilter) || t.Owner.Contains(ownerFilter, StringComparison.OrdinalIgnoreCase)
                        || (t.OwnerName?.Contains(ownerFilter, StringComparison.OrdinalIgnoreCase) ?? false)))
                {
                    listing.Add(t.Plan.Strand.Title, t.Plan.Title, t.Reference, table ? Abbreviate(t.Text) : t.Text, t.OwnerName is null ? t.Owner : $"{t.Owner} ({t.OwnerName})",
                        t.Due.AsWritten, DeliveryImport.Words(t.Status));
                }
            }

            listing.Write(context.Out, parse.GetValue(format));
            return 0;
        });
        return command;
    }

    private static Command AtRisk(CliContext context)
    {
        var strategy = StrategyOption("The strategy (default: the store's only strategy).");
        var period = PeriodOption("At risk as at the end of this quarter (default: today).");
        var format = Listing.FormatOption();
        var command = new Command("at-risk", "Tasks at risk, with owner, risk and mitigation.");
        command.Options.Add(strategy);
        command.Options.Add(period);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var id = await DeliveryStore.FindStrategyAsync(db, parse.GetValue(strategy), ct);
            var tasks = await DeliveryProgress.AtRiskAsync(db, id, Period(parse.GetValue(period)), Today(context), ct);
            var listing = new Listing("strand", "plan", "task", "owner", "risk", "mitigation", "since");
            foreach (var t in tasks)
            {
                listing.Add(t.Strand, t.Plan, t.Task, t.OwnerName ?? t.Owner, t.Risk, t.Mitigation, t.Since.ToString("dd/MM/yyyy", Domain.Common.EnGb.Culture));
            }

            listing.Write(context.Out, parse.GetValue(format));
            return 0;
        });
        return command;
    }

    private static Command Export(CliContext context)
    {
        var strategy = StrategyOption("The strategy (default: the store's only strategy).");
        var format = new Option<string>("--format") { Description = "xlsx (a sheet per plan, as imported) or csv (one flat file).", DefaultValueFactory = _ => "xlsx" };
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var isPublic = new Option<bool>("--public") { Description = "Leave out the OFFICIAL-SENSITIVE notes column; the file holds OFFICIAL text only." };
        var command = new Command("export", "Write the delivery plans in the import layout; importing the file again finds the same tasks. Includes each task's OFFICIAL-SENSITIVE note unless --public.");
        command.Options.Add(strategy);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(isPublic);
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var id = await DeliveryStore.FindStrategyAsync(db, parse.GetValue(strategy), ct);
            var path = parse.GetValue(output)!;
            var reader = parse.GetValue(isPublic) ? Reader.Public : Reader.Operator;
            var count = await DeliveryExport.WriteAsync(db, id, parse.GetValue(format)!, path, reader, ct);
            var marking = DeliveryExport.IncludesSensitive(reader) ? " (OFFICIAL-SENSITIVE: with the OFFICIAL-SENSITIVE notes column)" : " (OFFICIAL)";
            await context.Out.WriteLineAsync($"{count} tasks written to {Path.GetFullPath(path)}{marking}.");
            return 0;
        });
        return command;
    }

    private static string Abbreviate(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 70 ? line : line[..67] + "…";
    }
}
