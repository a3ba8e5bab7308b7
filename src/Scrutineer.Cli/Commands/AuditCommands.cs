using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Scrutineer.Application.Audit;
using Scrutineer.Cli.Output;
using Scrutineer.Domain.Common;

namespace Scrutineer.Cli.Commands;

/// <summary><c>scrutineer audit list</c> and <c>scrutineer audit export --out FILE.csv</c>: the audit trail, read-only.</summary>
internal static class AuditCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var entity = new Option<string?>("--entity") { Description = "Only this table, for example Updates or Plans." };
        var key = new Option<string?>("--key") { Description = "Only this row, as recorded: for example \"Id=12\"." };
        var actor = new Option<string?>("--actor") { Description = "Only changes by this person." };
        var since = new Option<string?>("--since") { Description = "From this date (dd/mm/yyyy or yyyy-mm-dd), inclusive." };
        var until = new Option<string?>("--until") { Description = "Before this date (dd/mm/yyyy or yyyy-mm-dd), exclusive." };
        var limit = new Option<int>("--limit") { Description = "At most this many entries, newest first.", DefaultValueFactory = _ => 50 };
        var format = Output.Listing.FormatOption();

        var list = new Command("list", "Show the audit trail, newest first: who changed what, when, and the values before and after.")
        {
            entity, key, actor, since, until, limit, format,
        };
        list.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var query = new AuditQuery(parse.GetValue(entity), parse.GetValue(key), parse.GetValue(actor),
                Date(parse.GetValue(since), "--since"), Date(parse.GetValue(until), "--until"), Math.Max(1, parse.GetValue(limit)));
            var entries = await new AuditTrail(db.AuditEntries).ListAsync(query, ct);
            var fmt = parse.GetValue(format);
            ToListing(entries, summarise: fmt == OutputFormat.Table).Write(context.Out, fmt);
            return 0;
        });

        var outOption = new Option<string>("--out") { Description = "The CSV file to write.", Required = true };
        var export = new Command("export", "Export the audit trail (all of it, or the filtered part) as CSV, oldest first.")
        {
            entity, key, actor, since, until, outOption,
        };
        export.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var query = new AuditQuery(parse.GetValue(entity), parse.GetValue(key), parse.GetValue(actor),
                Date(parse.GetValue(since), "--since"), Date(parse.GetValue(until), "--until"));
            var entries = (await new AuditTrail(db.AuditEntries).ListAsync(query, ct)).Reverse().ToList();
            var path = Path.GetFullPath(parse.GetValue(outOption)!);
            await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            {
                ToListing(entries, summarise: false).Write(writer, OutputFormat.Csv);
            }

            await context.Out.WriteLineAsync($"Exported {entries.Count:N0} audit entries to {path}.");
            return 0;
        });

        var audit = new Command("audit", "The audit trail of every change to the store (read-only).") { list, export };
        yield return audit;
    }

    private static Listing ToListing(IEnumerable<AuditEntry> entries, bool summarise)
    {
        var listing = new Listing("Id", "At", "Actor", "Action", "Entity", "Key", "Changes");
        foreach (var e in entries)
        {
            listing.Add(e.Id, summarise ? e.At.ToString("dd/MM/yyyy HH:mm:ss", EnGb.Culture) : e.At.ToString("O", CultureInfo.InvariantCulture),
                e.Actor, e.Action.ToString(), e.Entity, e.Key, summarise ? Summary(e.Changes) : e.Changes);
        }

        return listing;
    }

    /// <summary>"Status: OnTrack → AtRisk; Commentary: … → …", each value cut to 40 characters.</summary>
    private static string Summary(string changes)
    {
        using var json = JsonDocument.Parse(changes);
        var parts = json.RootElement.EnumerateObject().Select(p =>
        {
            var before = p.Value.GetProperty("before").GetString();
            var after = p.Value.GetProperty("after").GetString();
            return $"{p.Name}: {Cut(before)} → {Cut(after)}";
        });
        return string.Join("; ", parts).ReplaceLineEndings(" ");
    }

    private static string Cut(string? value) => value is null ? "∅" : value.Length <= 40 ? value : value[..39] + "…";

    private static DateTimeOffset? Date(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string[] formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
        return DateTime.TryParseExact(text.Trim(), formats, EnGb.Culture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Unspecified), TimeSpan.Zero)
            : throw new CliException($"{option} '{text}' is not a date: expected dd/mm/yyyy or yyyy-mm-dd.");
    }
}
