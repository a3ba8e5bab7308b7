using System.Text.Json;

namespace Scrutineer.Domain.Imports;

/// <summary>
/// One import, from the command line or the web: who ran it, when, the files it read (names, sizes, SHA-256), how many
/// rows, and what it wrote. Observation imports also keep every figure they replaced or added
/// (<see cref="ImportRunChange"/>) and, per measure and month, the totals before and after and any plausibility hold
/// (<see cref="ImportRunMonth"/>), so that the run can be undone exactly. The row is audited; undoing it is an audited change.
/// </summary>
public sealed class ImportRun
{
    /// <summary>The most characters of the summary of what was written.</summary>
    public const int WroteMaxLength = 1000;

    private ImportRun()
    {
        By = "";
        Files = "[]";
        Wrote = "";
    }

    public ImportRun(ImportRunKind kind, DateTimeOffset started, string by, IReadOnlyList<ImportedFile> files, long rows)
    {
        Kind = kind;
        Started = started;
        By = by.Length <= 200 ? by : by[..200];
        Files = JsonSerializer.Serialize(files);
        Rows = rows;
        Wrote = "";
    }

    /// <summary>Store key: rises with every run, so it orders them.</summary>
    public long Id { get; private set; }

    /// <summary>What was imported.</summary>
    public ImportRunKind Kind { get; private set; }

    /// <summary>When the import began (UTC).</summary>
    public DateTimeOffset Started { get; private set; }

    /// <summary>Who ran it, as the audit trail names them ("cli:alice", a user name on the web).</summary>
    public string By { get; private set; }

    /// <summary>The files read, as JSON (name, bytes, SHA-256); see <see cref="FileList"/>.</summary>
    public string Files { get; private set; }

    /// <summary>Data rows read from the files.</summary>
    public long Rows { get; private set; }

    /// <summary>What it wrote, in a sentence: "1 month × 15 measures × 48 areas (720 observations)".</summary>
    public string Wrote { get; private set; }

    /// <summary>When it was undone (UTC), or null.</summary>
    public DateTimeOffset? UndoneAt { get; private set; }

    /// <summary>Who undid it, or null.</summary>
    public string? UndoneBy { get; private set; }

    /// <summary>The files read.</summary>
    public IReadOnlyList<ImportedFile> FileList => JsonSerializer.Deserialize<List<ImportedFile>>(Files) ?? [];

    /// <summary>Undone, else provisional while any month it wrote is held, else completed.</summary>
    public static ImportRunStatus StatusOf(bool undone, bool holdsMonths) =>
        undone ? ImportRunStatus.Undone : holdsMonths ? ImportRunStatus.Provisional : ImportRunStatus.Completed;

    public void Finish(string wrote) => Wrote = wrote.Length <= WroteMaxLength ? wrote : wrote[..WroteMaxLength];

    public void Undo(DateTimeOffset at, string by)
    {
        UndoneAt = at;
        UndoneBy = by.Length <= 200 ? by : by[..200];
    }
}
