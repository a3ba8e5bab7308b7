using System.CommandLine;
using Scrutineer.Application.Reports;

namespace Scrutineer.Cli.Commands;

/// <summary>The strategy scrutiny and closure report commands.</summary>
internal static class ReportCommandsMore
{
    public static IEnumerable<Command> Documents(CliContext context) =>
    [
        ReportCommands.Document(context, "strategy", "The strategy scrutiny report: delivery progress by thematic strand, insights, risks.",
            (db, period, _, now, ct) => StrategyReport.BuildAsync(db, period, now, null, ct)),
        ReportCommands.Document(context, "closure", "The closure report of a plan: a chapter per priority and every We Will with its outcomes.",
            (db, period, plan, _, ct) => ClosureReport.BuildAsync(db, period, plan, ct)),
    ];
}
