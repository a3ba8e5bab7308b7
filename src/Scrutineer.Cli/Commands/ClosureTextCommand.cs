using System.CommandLine;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Plans;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Cli.Commands;

/// <summary>
/// <c>scrutineer report closure-text [--plan T] [--foreword-file F] [--summary-file F]</c>: sets the analysts' foreword
/// (it replaces the generated one) and executive summary (it precedes the summary of the figures) of a plan's closure
/// report; an empty file clears one. With neither file, prints the text held.
/// </summary>
internal static class ClosureTextCommand
{
    public static Command Create(CliContext context)
    {
        var plan = new Option<string?>("--plan") { Description = "The plan's title (default: the latest plan)." };
        var forewordFile = new Option<string?>("--foreword-file") { Description = "A text file holding the foreword (paragraphs separated by blank lines); an empty file clears it." };
        var summaryFile = new Option<string?>("--summary-file") { Description = "A text file holding the executive summary (paragraphs separated by blank lines); an empty file clears it." };
        var command = new Command("closure-text", "Set or show the foreword and executive summary an analyst writes for a plan's closure report (OFFICIAL text).")
        {
            plan, forewordFile, summaryFile,
        };
        command.SetAction(async (parse, ct) =>
        {
            var forewordPath = parse.GetValue(forewordFile);
            var summaryPath = parse.GetValue(summaryFile);
            var foreword = forewordPath is null ? null : await ReadAsync(forewordPath, "--foreword-file", ct);
            var summary = summaryPath is null ? null : await ReadAsync(summaryPath, "--summary-file", ct);
            await using var db = await context.OpenStoreAsync(parse, ct);
            var title = (await PlanLoader.LoadAsync(db, parse.GetValue(plan), ct)).Title;
            ClosureReportText? text;
            if (foreword is null && summary is null)
            {
                var planId = (await PlanLoader.LoadAsync(db, title, ct)).Id;
                text = await ClosureReportTexts.ForPlanAsync(db, planId, ct);
            }
            else
            {
                text = await ClosureReportTexts.SetAsync(db, title, foreword, summary, AuditContext.Actor, context.Clock.GetUtcNow(),
                    $"The foreword ({Path.GetFileName(forewordPath)})", $"The executive summary ({Path.GetFileName(summaryPath)})", ct);
                await context.Out.WriteLineAsync($"Closure report text of {title} saved.");
            }

            await context.Out.WriteLineAsync($"Foreword: {Describe(text?.Foreword, "the foreword generated from the figures")}");
            await WriteParagraphsAsync(text?.Foreword);
            await context.Out.WriteLineAsync($"Executive summary: {Describe(text?.Summary, "the summary generated from the figures alone")}");
            await WriteParagraphsAsync(text?.Summary);
            return 0;

            async Task WriteParagraphsAsync(string? value)
            {
                foreach (var paragraph in ClosureReportText.Paragraphs(value ?? ""))
                {
                    await context.Out.WriteLineAsync("  " + paragraph);
                }
            }
        });
        return command;
    }

    private static string Describe(string? text, string otherwise)
    {
        var count = ClosureReportText.Paragraphs(text ?? "").Count;
        return count == 0 ? $"none written, so {otherwise}." : $"{count} paragraph{(count == 1 ? "" : "s")}:";
    }

    private static async Task<string> ReadAsync(string path, string option, CancellationToken ct) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : throw new CliException($"{option}: no file {Path.GetFullPath(path)}. Give the path of a text file.");
}
