using System.CommandLine;
using System.Diagnostics;
using Scrutineer.Application.Reports;
using Scrutineer.Application.Security;
using Scrutineer.Domain.FiguresCheck;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Reports;
using Scrutineer.Application.QuarterlyUpdates;

namespace Scrutineer.Cli.Commands;

/// <summary>
/// <c>scrutineer report quarterly|strategy|closure --period P --format docx|html|pdf --out PATH [--public]</c> (the strategy
/// report also takes its cover details: <c>--agenda --meeting --version --written --approved</c>) and
/// <c>scrutineer report check --period P | --text FILE</c>.
/// </summary>
internal static class ReportCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var report = new Command("report", "Write board reports (Word, HTML, PDF) from the store, and check the figures in typed text.");
        foreach (var kind in ReportCatalogue.Kinds)
        {
            report.Subcommands.Add(Document(context, kind));
        }

        report.Subcommands.Add(Check(context));
        report.Subcommands.Add(ClosureTextCommand.Create(context));
        yield return report;
    }

    /// <summary>
    /// A command that builds one kind of report from the catalogue and writes it in the format asked for: the full version
    /// (the command line is the operator's tool, with full rights), or with <c>--public</c> the public version.
    /// </summary>
    private static Command Document(CliContext context, ReportCatalogue.Kind kind)
    {
        var period = CliOptions.Period(required: true);
        var plan = CliOptions.Plan();
        var format = new Option<string>("--format") { Description = "docx, html or pdf.", Required = true };
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var isPublic = new Option<bool>("--public") { Description = "Build the public version: approved OFFICIAL text only, marked OFFICIAL." };
        var command = new Command(kind.Slug, $"{kind.Name}: {kind.Description}") { period, plan, format, output, isPublic };
        var cover = kind.Slug == "strategy" ? CoverOptions(command) : null;
        command.SetAction(async (parse, ct) =>
        {
            var quarter = CliOptions.ParsePeriod(parse.GetValue(period)!);
            var coverDetails = cover?.Invoke(parse);
            var entry = new ReportCatalogue.Entry(kind, CliOptions.ParseEnum<ReportFormat>(parse.GetValue(format)!, "--format"), parse.GetValue(isPublic) ? ReportVersion.Public : ReportVersion.Full);
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var folder = Path.GetDirectoryName(path)!;
            if (!Directory.Exists(folder))
            {
                throw new CliException($"--out: the folder {folder} does not exist.");
            }

            var watch = Stopwatch.StartNew();
            var temporary = path + ".part";
            ReportDocument document;
            IReadOnlyList<FigureInconsistency> findings;
            try
            {
                await using var store = await context.OpenReaderAsync(parse, ct);
                await using var file = File.Create(temporary);
                document = await ReportCatalogue.WriteAsync(store, entry, quarter, Reader.Operator, context.Clock.GetUtcNow(), file, parse.GetValue(plan), ct, coverDetails);
                findings = await CommentaryCheck.ForReportAsync(store, quarter, parse.GetValue(plan), ct);
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }

            File.Move(temporary, path, overwrite: true);
            await context.Out.WriteLineAsync($"Wrote {path} ({entry.Format.ToString().ToUpperInvariant()}, {document.Marking}, {new FileInfo(path).Length / 1024.0:0.#} KB) in {watch.Elapsed.TotalSeconds:0.00} s.");
            await WarnOfFindingsAsync(context, quarter, findings);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The figures check of the commentary a report quotes, run as it is generated: each finding on standard error. The
    /// report is written and the exit code stays 0 (the report is what was asked for); <c>report check</c> exits 1.
    /// </summary>
    private static async Task WarnOfFindingsAsync(CliContext context, FinancialQuarter quarter, IReadOnlyList<FigureInconsistency> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        await context.Error.WriteLineAsync($"Warning: the figures check found {findings.Count} inconsistent figure{(findings.Count == 1 ? "" : "s")} in the {quarter} commentary. "
            + "Correct the commentary and write the report again before it goes to the board; publishing the round asks you to confirm them:");
        foreach (var finding in findings)
        {
            await context.Error.WriteLineAsync("  " + finding);
        }
    }

    /// <summary>
    /// Adds the strategy report's cover options (<c>--agenda</c>, <c>--meeting</c>, <c>--version</c>, <c>--written</c>,
    /// <c>--approved</c>) to <paramref name="command"/>; returns how to read them, checked by <see cref="StrategyReportCover.Parse"/>.
    /// </summary>
    private static Func<ParseResult, StrategyReportCover> CoverOptions(Command command)
    {
        var agenda = new Option<string?>("--agenda") { Description = "Agenda number on the cover, for example 6.0 (default: To be confirmed)." };
        var meeting = new Option<string?>("--meeting") { Description = "Date of the meeting, DD/MM/YYYY or YYYY-MM-DD (default: To be confirmed)." };
        var version = new Option<string?>("--version") { Description = "Version number on the cover, for example V2 (default: the plan's version)." };
        var written = new Option<string?>("--written") { Description = "Date the paper was written, DD/MM/YYYY or YYYY-MM-DD (default: today)." };
        var approved = new Option<string?>("--approved") { Description = "Date the paper was approved, DD/MM/YYYY or YYYY-MM-DD (default: Awaiting approval)." };
        command.Options.Add(agenda);
        command.Options.Add(meeting);
        command.Options.Add(version);
        command.Options.Add(written);
        command.Options.Add(approved);
        return parse => StrategyReportCover.Parse(parse.GetValue(agenda), parse.GetValue(meeting), parse.GetValue(version), parse.GetValue(written), parse.GetValue(approved));
    }

    private static Command Check(CliContext context)
    {
        var period = CliOptions.Period(required: false, "Check the store's commentary for this reporting period.");
        var plan = CliOptions.Plan();
        var text = new Option<string?>("--text") { Description = "Check any text file or Word document (.docx) instead: pasted commentary or a draft report." };
        var command = new Command("check", "Check typed figures: shares, changes, table totals and period labels. Exit 1 when any inconsistency is found.")
        {
            period, plan, text,
        };
        command.SetAction(async (parse, ct) =>
        {
            var periodText = parse.GetValue(period);
            var file = parse.GetValue(text);
            if ((periodText is null) == (file is null))
            {
                throw new CliException("Give either --period P (the store's commentary for that period) or --text FILE, not both.");
            }

            IReadOnlyList<FigureInconsistency> findings;
            string what;
            if (file is not null)
            {
                if (!File.Exists(file))
                {
                    throw new CliException($"--text: no file {Path.GetFullPath(file)}.");
                }

                var content = await DraftText.ReadAsync(file, ct);
                FinancialQuarter? quarter = periodText is null ? null : CliOptions.ParsePeriod(periodText);
                findings = FigureChecker.Check(content, Path.GetFileName(file), quarter);
                what = Path.GetFileName(file);
            }
            else
            {
                var quarter = CliOptions.ParsePeriod(periodText!);
                await using var store = await context.OpenReaderAsync(parse, ct);
                findings = await CommentaryCheck.RunAsync(store, quarter, parse.GetValue(plan), ct);
                what = $"the {quarter} commentary";
            }

            foreach (var finding in findings)
            {
                await context.Out.WriteLineAsync(finding.ToString());
            }

            await context.Error.WriteLineAsync(findings.Count == 0
                ? $"No inconsistent figures found in {what}."
                : $"{findings.Count} inconsistent figure{(findings.Count == 1 ? "" : "s")} found in {what}.");
            return findings.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
