using System.Globalization;
using System.Text;

namespace Scrutineer.Application.Delivery;

/// <summary>What an import note says about a row.</summary>
public enum ImportNoteKind
{
    /// <summary>Tidied without changing the meaning (a stray full stop, a two-row task joined).</summary>
    Normalised,

    /// <summary>A value the workbook does not give, filled in by rule (a number by position, a status from "When").</summary>
    Guessed,

    /// <summary>Something a person should look at (no owner, a duplicate, a sheet named after another strand).</summary>
    Flagged,

    /// <summary>Read but not imported, and why (an empty copy of a plan, a row holding only ".").</summary>
    Skipped,

    /// <summary>A task, plan or strand added to the store.</summary>
    Created,

    /// <summary>A stored task changed (text, owner, due, status).</summary>
    Updated,

    /// <summary>
    /// A status changed in Scrutineer since the last import that the workbook disagrees with: which status won and why
    /// (Scrutineer's is kept unless the workbook's own status changed since the last import).
    /// </summary>
    Conflict,
}

/// <summary>One total of an import report: "tasks updated", 4.</summary>
/// <param name="Name">What is counted, in words ("tasks created", "status conflicts").</param>
/// <param name="Count">How many.</param>
public sealed record ImportTotal(string Name, int Count);

/// <summary>One line of the import report.</summary>
/// <param name="File">The file.</param>
/// <param name="Sheet">The sheet, or "" for the whole file.</param>
/// <param name="Row">The spreadsheet row (CSV line), when the note is about one.</param>
/// <param name="Task">"PREVENT 3" when the note is about a task.</param>
/// <param name="Kind">What kind of note.</param>
/// <param name="Message">What was done and why.</param>
public sealed record ImportNote(string File, string Sheet, int? Row, string? Task, ImportNoteKind Kind, string Message);

/// <summary>Everything an import did, row by row, with totals.</summary>
public sealed class ImportReport
{
    private readonly List<ImportNote> notes = [];

    /// <summary>Every note in the order written.</summary>
    public IReadOnlyList<ImportNote> Notes => notes;

    /// <summary>Tasks added.</summary>
    public int Created { get; internal set; }

    /// <summary>Stored tasks that changed.</summary>
    public int Updated { get; internal set; }

    /// <summary>Stored tasks read again without change.</summary>
    public int Unchanged { get; internal set; }

    /// <summary>Status changes recorded in task histories.</summary>
    public int StatusChanges { get; internal set; }

    internal void Add(string file, string sheet, int? row, string? task, ImportNoteKind kind, string message) =>
        notes.Add(new ImportNote(file, sheet, row, task, kind, message));

    /// <summary>The notes of <paramref name="kind"/>.</summary>
    public IEnumerable<ImportNote> Of(ImportNoteKind kind) => notes.Where(n => n.Kind == kind);

    /// <summary>
    /// The totals, in the order the summary line gives them: the one source of the summary line and of any table of
    /// totals, so the two cannot disagree.
    /// </summary>
    public IReadOnlyList<ImportTotal> Totals =>
    [
        new("tasks created", Created),
        new("updated", Updated),
        new("unchanged", Unchanged),
        new("status changes recorded", StatusChanges),
        new("status conflicts", Of(ImportNoteKind.Conflict).Count()),
        new("normalised", Of(ImportNoteKind.Normalised).Count()),
        new("guessed", Of(ImportNoteKind.Guessed).Count()),
        new("flagged", Of(ImportNoteKind.Flagged).Count()),
        new("skipped", Of(ImportNoteKind.Skipped).Count()),
    ];

    /// <summary>
    /// One line of totals, from <see cref="Totals"/>: "312 tasks created, 0 updated, 0 unchanged; 41 status changes
    /// recorded, 0 status conflicts; 12 normalised, 3 guessed, 7 flagged, 0 skipped."
    /// </summary>
    public string Summary
    {
        get
        {
            var totals = Totals.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Count} {t.Name}")).ToList();
            return $"{string.Join(", ", totals[..3])}; {string.Join(", ", totals[3..5])}; {string.Join(", ", totals[5..])}.";
        }
    }

    /// <summary>The report as text: one line per note ("file › sheet › row 12 › PREVENT 3: guessed: …"), then the totals.</summary>
    public string ToText()
    {
        var builder = new StringBuilder();
        foreach (var note in notes)
        {
            var start = builder.Length;
            builder.Append(note.File);
            if (note.Sheet.Length > 0)
            {
                builder.Append(" › ").Append(note.Sheet);
            }

            if (note.Row is { } row)
            {
                builder.Append(CultureInfo.InvariantCulture, $" › row {row}");
            }

            if (note.Task is not null)
            {
                builder.Append(" › ").Append(note.Task);
            }

            builder.Append(builder.Length > start ? ": " : "").Append(note.Kind.ToString().ToLowerInvariant()).Append(": ").Append(note.Message).Append('\n');
        }

        builder.Append(Summary).Append('\n');
        return builder.ToString();
    }
}
