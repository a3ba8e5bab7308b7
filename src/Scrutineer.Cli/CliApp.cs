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
        catch (Exception ex) when (StoreProblem(ex) is { } problem)
        {
            await stderr.WriteLineAsync("error: " + problem);
            return 1;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync("internal error (please report): " + ex);
            return 70;
        }
    }

    /// <summary>A store that cannot be reached or is not a store, in one line for the user; null for anything else.</summary>
    private static string? StoreProblem(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 26 }:
                    return "The file --db names is not a Scrutineer store (it is not an SQLite database). Check the path; nothing was written.";
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 14 }:
                    return "The SQLite store could not be opened (check that its folder exists and that you may read and write it).";
                case Npgsql.PostgresException { SqlState: "3D000" or "28P01" or "28000" } postgres:
                    return $"The PostgreSQL store refused the connection: {postgres.MessageText}. Check Database, Username and Password in --db.";
                case Npgsql.NpgsqlException { InnerException: System.Net.Sockets.SocketException socket }:
                    return $"Could not connect to the PostgreSQL store: {socket.Message.TrimEnd('.').ToLowerInvariant()}. Check Host and Port in --db, and that the server is running.";
            }
        }

        return null;
    }

    // System.CommandLine names an enum option's .NET type and lists suggestions a line each.
    // A value an option cannot take reads "--state: 'failed' is not one of dead, pending or sent."
    private static string ParseErrorText(string message)
    {
        var value = System.Text.RegularExpressions.Regex.Match(message,
            @"^Cannot parse argument '(?<value>[^']*)' for option '(?<option>[^']*)'(?: as expected type '(?<type>[^']*)')?\.\s*(?:Did you mean one of the following\?(?<choices>.*))?$",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        if (value.Success)
        {
            var choices = value.Groups["choices"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToLowerInvariant()).ToList();
            var expected = choices.Count > 0 ? "one of " + (choices.Count == 1 ? choices[0] : string.Join(", ", choices[..^1]) + " or " + choices[^1])
                : value.Groups["type"].Value.Contains("System.Int", StringComparison.Ordinal) ? "a whole number"
                : "a value it takes";
            return $"{value.Groups["option"].Value}: '{value.Groups["value"].Value}' is not {expected}.";
        }

        return System.Text.RegularExpressions.Regex.Replace(message, @" as expected type '[^']*'", "")
            .Replace("Did you mean one of the following?", "It takes:", StringComparison.Ordinal)
            .ReplaceLineEndings(" ").Trim();
    }
}
