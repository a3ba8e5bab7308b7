using System.Text;
using Scrutineer.Application.Data;
using Scrutineer.Application.Exports;
using Scrutineer.Application.Security;
using Scrutineer.Domain.Delivery;

namespace Scrutineer.Application.Delivery;

/// <summary>
/// Writes a strategy's delivery plans in the import layout, so that importing the file again finds the same tasks:
/// .xlsx with a leads sheet per strand and a sheet per plan (title, "Thematic strand: …", the header, tasks with the
/// stage on the first row of its block), or one flat .csv with Thematic strand and Plan columns (formulas neutralised, <see cref="CsvCell"/>).
/// A full export, for a reader who may read every task's OFFICIAL-SENSITIVE note (<see cref="NeedToKnow.CanReadAllSensitive"/>),
/// adds the <see cref="SensitiveNotesColumn"/> column; every other export leaves it out and holds OFFICIAL text only.
/// </summary>
public static class DeliveryExport
{
    /// <summary>The task columns, in order: the force's six, then Scrutineer's own.</summary>
    public static readonly IReadOnlyList<string> TaskColumns =
    [
        "Strand", "Task", "How will this be delivered?/ How will we measure performance?", "Who", "When", "Task No",
        "Status", "Risk", "Mitigation", "Plan commitments", "Quarter", "Achieved this quarter", "Scheduled next quarter",
    ];

    /// <summary>The heading of the column holding each task's OFFICIAL-SENSITIVE note (read back by the import).</summary>
    public const string SensitiveNotesColumn = "OFFICIAL-SENSITIVE notes";

    private static readonly double[] Widths = [12, 60, 60, 24, 18, 8, 12, 40, 40, 16, 10, 40, 40, 40];

    /// <summary>Whether an export for <paramref name="reader"/> holds the OFFICIAL-SENSITIVE notes: only a full export for a reader who may read them all.</summary>
    public static bool IncludesSensitive(Reader reader) => NeedToKnow.CanReadAllSensitive(reader);

    /// <summary>
    /// Writes the strategy to <paramref name="path"/> as "xlsx" or "csv" for <paramref name="reader"/> (with the
    /// OFFICIAL-SENSITIVE notes only when <see cref="IncludesSensitive"/>); returns the number of tasks written.
    /// </summary>
    /// <exception cref="DeliveryImportException">An unknown format (nothing is written).</exception>
    public static async Task<int> WriteAsync(ScrutineerDb db, int strategyId, string format, string path, Reader reader, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var count = await WriteAsync(db, strategyId, format, buffer, reader, ct);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllBytesAsync(path, buffer.ToArray(), ct);
        return count;
    }

    /// <summary>Writes the strategy to <paramref name="stream"/> as "xlsx" or "csv" for <paramref name="reader"/>; returns the number of tasks written.</summary>
    /// <exception cref="DeliveryImportException">An unknown format (nothing is written).</exception>
    public static async Task<int> WriteAsync(ScrutineerDb db, int strategyId, string format, Stream stream, Reader reader, CancellationToken ct = default)
    {
        var kind = Format(format);
        var strategy = await DeliveryStore.LoadAsync(db, strategyId, ct);
        var sensitive = IncludesSensitive(reader);
        if (kind == "xlsx")
        {
            XlsxWriter.Write(stream, Sheets(strategy.Strands, sensitive));
        }
        else
        {
            var encoding = new UTF8Encoding(true);
            await stream.WriteAsync(encoding.GetPreamble(), ct);
            await stream.WriteAsync(encoding.GetBytes(Csv(strategy.Strands, sensitive)), ct);
        }

        return strategy.Strands.SelectMany(s => s.Plans).Sum(p => p.Tasks.Count);
    }

    private static string Format(string format) => format.ToLowerInvariant() switch
    {
        "xlsx" => "xlsx",
        "csv" => "csv",
        _ => throw new DeliveryImportException($"'{format}' is not an export format: expected xlsx or csv."),
    };

    /// <summary>
    /// The workbook sheets for <paramref name="strands"/>: a leads sheet (when a strand has leads) and one sheet per plan;
    /// with the <see cref="SensitiveNotesColumn"/> only when <paramref name="withSensitiveNotes"/> (decided by <see cref="IncludesSensitive"/>).
    /// </summary>
    public static IReadOnlyList<XlsxSheet> Sheets(IEnumerable<ThematicStrand> strands, bool withSensitiveNotes = false)
    {
        var columns = Columns(withSensitiveNotes);
        var sheets = new List<XlsxSheet>();
        foreach (var strand in strands)
        {
            var current = strand.Leads.Where(l => l.ValidTo is null).ToList();
            if (current.Count > 0)
            {
                var rows = new List<IReadOnlyList<string>>
                {
                    new[] { $"{strand.Title} - Strand Leads & Review Dates" },
                    Array.Empty<string>(),
                };
                if (current.FirstOrDefault(l => l.Role == LeadRole.Strategic) is { } strategic)
                {
                    rows.Add(["Leads", $"Strategic Lead: {strategic.Person}"]);
                }

                rows.Add(["Area", "Tactical Lead", "Operational Lead"]);
                foreach (var area in current.Where(l => l.Role is LeadRole.Tactical or LeadRole.Operational).GroupBy(l => l.Area ?? strand.Title))
                {
                    rows.Add([area.Key, area.FirstOrDefault(l => l.Role == LeadRole.Tactical)?.Person ?? "", area.FirstOrDefault(l => l.Role == LeadRole.Operational)?.Person ?? ""]);
                }

                rows.Add(Array.Empty<string>());
                rows.Add(["Timeline"]);
                sheets.Add(new XlsxSheet($"Leads - {strand.Title}", rows, [30, 40, 40]));
            }

            foreach (var plan in strand.Plans)
            {
                var rows = new List<IReadOnlyList<string>>
                {
                    new[] { plan.Title },
                    new[] { $"Thematic strand: {strand.Title}" },
                    Array.Empty<string>(),
                    columns,
                };
                FourPStage? stage = null;
                foreach (var task in plan.Tasks)
                {
                    rows.Add(TaskCells(task, stage != task.Stage, withSensitiveNotes));
                    stage = task.Stage;
                }

                sheets.Add(new XlsxSheet(plan.Title, rows, Widths[..columns.Length], HeaderRow: 3));
            }
        }

        return sheets;
    }

    /// <summary>One flat CSV of every task: Thematic strand, Plan, then the task columns (the notes only when <paramref name="withSensitiveNotes"/>).</summary>
    public static string Csv(IEnumerable<ThematicStrand> strands, bool withSensitiveNotes = false)
    {
        var builder = new StringBuilder();
        builder.AppendJoin(',', new[] { "Thematic strand", "Plan" }.Concat(Columns(withSensitiveNotes)).Select(CsvField)).Append("\r\n");
        foreach (var strand in strands)
        {
            foreach (var plan in strand.Plans)
            {
                foreach (var task in plan.Tasks)
                {
                    builder.AppendJoin(',', new[] { strand.Title, plan.Title }.Concat(TaskCells(task, true, withSensitiveNotes)).Select(CsvField)).Append("\r\n");
                }
            }
        }

        return builder.ToString();
    }

    private static string[] Columns(bool withSensitiveNotes) =>
        withSensitiveNotes ? [.. TaskColumns, SensitiveNotesColumn] : [.. TaskColumns];

    private static string[] TaskCells(DeliveryTask task, bool withStage, bool withSensitiveNotes)
    {
        var latest = task.Notes.Count == 0 ? (Domain.Periods.FinancialQuarter?)null : task.Notes.Max(n => n.Period);
        string[] cells =
        [
            withStage ? task.Stage.ToString().ToUpperInvariant() : "",
            task.Text,
            task.HowMeasured,
            task.Owner,
            task.Due.AsWritten,
            task.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DeliveryImport.Words(task.Status),
            task.Risk ?? "",
            task.Mitigation ?? "",
            string.Join("; ", task.Commitments.Select(c => c.Reference)),
            latest?.Code ?? "",
            latest is { } q ? string.Join("\n", task.NotesFor(q, QuarterNoteKind.Achieved)) : "",
            latest is { } p ? string.Join("\n", task.NotesFor(p, QuarterNoteKind.Scheduled)) : "",
        ];
        return withSensitiveNotes ? [.. cells, task.SensitiveNote ?? ""] : cells;
    }

    private static string CsvField(string value) => CsvCell.Write(value);
}
