using System.CommandLine;
using Scrutineer.Application.Imports;
using Scrutineer.Application.Plans;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Imports;

namespace Scrutineer.Cli.Commands;

/// <summary><c>scrutineer plan import|export</c>: the plan file (YAML, docs/plan-file.md).</summary>
internal static class PlanCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var plan = new Command("plan", "Import or export a Police and Crime Plan as a plan file (YAML: plan, units, priorities, commitments).");

        var file = new Argument<FileInfo>("FILE") { Description = "The plan file to read." };
        var replace = new Option<bool>("--replace") { Description = "Replace a plan of the same title (only while it has no reporting rounds)." };
        var import = new Command("import", "Import a plan file in one transaction: every problem is listed with its line, and nothing is written unless all is well.") { file, replace };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException($"{path.FullName}: no such file.");
            }

            var parsed = PlanFileReader.Read(path.FullName);
            await using var db = await context.OpenStoreAsync(parse, ct);
            var read = ImportedFile.Describe([path.FullName], ct)[0];
            var result = await PlanImporter.ImportAsync(db, parsed, path.Name, parse.GetValue(replace), read, ct);
            await context.Out.WriteLineAsync($"Imported '{result.PlanTitle}': {Figures.Count(result.Priorities, "priority", "priorities")}, {Figures.Count(result.Commitments, "commitment", "commitments")}; "
                + $"units {result.UnitsCreated} created, {result.UnitsUpdated} updated.");
            return 0;
        });
        plan.Subcommands.Add(import);

        var title = CliOptions.Plan();
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output." };
        var export = new Command("export", "Write a plan as a plan file that imports back to the same plan.") { title, output };
        export.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var planTitle = parse.GetValue(title) ?? (await PlanLoader.LoadAsync(db, null, ct)).Title;
            var text = await PlanFileWriter.WriteAsync(db, planTitle, ct);
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text, ct);
                await context.Error.WriteLineAsync($"Wrote '{planTitle}' to {Path.GetFullPath(path)}.");
            }
            else
            {
                await context.Out.WriteAsync(text);
            }

            return 0;
        });
        plan.Subcommands.Add(export);
        yield return plan;
    }
}
