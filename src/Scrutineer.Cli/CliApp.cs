using System.CommandLine;
using System.Globalization;
using Scrutineer.Application.Audit;
using Scrutineer.Cli.Commands;
using Scrutineer.Domain.Common;

namespace Scrutineer.Cli;

/// <summary>
/// The <c>scrutineer</c> command line. Each feature adds its commands in a class of its own under Commands/.
/// Errors a user can fix go to stderr with exit code 1; anything else is a bug and exits 70.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        CultureInfo.DefaultThreadCurrentCulture = EnGb.Culture;
        CultureInfo.DefaultThreadCurrentUICulture = EnGb.Culture;
        CultureInfo.CurrentCulture = EnGb.Culture;
        CultureInfo.CurrentUICulture = EnGb.Culture;

        var context = new CliContext(stdout, stderr, clock ?? TimeProvider.System);
        using var actor = AuditContext.Begin("cli:" + Environment.UserName, context.Clock);
        var root = new RootCommand("Scrutineer: the Police and Crime Plan, quarterly updates, performance data and scrutiny reports in one place.");
        root.Options.Add(CliContext.DbOption);
        foreach (var command in new[]
        {
            StoreCommands.Create(context),
            DemoCommands.Create(context),
            PlanCommands.Create(context),
            RoundCommands.Create(context),
            UpdateCommands.Create(context),
            ReportCommands.Create(context),
            ImportCommands.Create(context),
            InsightsCommands.Create(context),
            PeerCommands.Create(context),
            TokenCommands.Create(context),
            DeliveryCommands.Create(context),
            SearchCommands.Create(context),
            ServeCommands.Create(context),
        }.SelectMany(c => c))
        {
            root.Subcommands.Add(command);
        }

        foreach (var command in BackupCommands.Create(context).Concat(AuditCommands.Create(context)).Concat(UserCommands.Create(context)).Concat(NotifyCommands.Create(context)).Concat(UnitCommands.Create(context)).Concat(ScheduleCommands.Create(context)))
        {
            root.Subcommands.Add(command);
        }

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                // What was wrong, one line each, and where the help is — not the whole help, nor the option's .NET type.
                foreach (var message in parsed.Errors.Select(e => ParseErrorText(e.Message)).Distinct(StringComparer.Ordinal))
                {
                    await stderr.WriteLineAsync("error: " + message);
                }

                var names = new List<string>();
                for (var at = parsed.CommandResult; at.Command != root; at = (System.CommandLine.Parsing.CommandResult)at.Parent!)
                {
                    names.Insert(0, at.Command.Name);
                }

                await stderr.WriteLineAsync($"To see what it takes: scrutineer {string.Concat(names.Select(n => n + " "))}--help");
                return 1;
            }

            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception ex) when (CliContext.IsUserError(ex))
        {
            await stderr.WriteLineAsync("error: " + ex.Message);
            return 1;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync("internal error (please report): " + ex);
            return 70;
        }
    }

    // System.CommandLine names an enum option's .NET type and lists suggestions a line each.
    private static string ParseErrorText(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @" as expected type '[^']*'", "")
            .Replace("Did you mean one of the following?", "It takes:", StringComparison.Ordinal)
            .ReplaceLineEndings(" ").Trim();
}
