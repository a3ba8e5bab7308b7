using System.CommandLine;

namespace Scrutineer.Cli.Commands;

/// <summary>The strategy scrutiny and closure report commands.</summary>
internal static class ReportCommandsMore
{
    public static IEnumerable<Command> Documents(CliContext context)
    {
        _ = context;
        return [];
    }
}
