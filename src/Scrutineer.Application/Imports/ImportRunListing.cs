using Scrutineer.Domain.Imports;

namespace Scrutineer.Application.Imports;

/// <summary>An import run as the list of runs shows it.</summary>
/// <param name="Id">The run's number.</param>
/// <param name="Started">When it began (UTC).</param>
/// <param name="By">Who ran it.</param>
/// <param name="Kind">What it imported.</param>
/// <param name="Files">The files read, with sizes and SHA-256.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="Status">Completed, provisional or undone.</param>
/// <param name="Wrote">What it wrote.</param>
/// <param name="Held">The months it holds as provisional, with the reasons.</param>
/// <param name="UndoneAt">When it was undone, or null.</param>
/// <param name="UndoneBy">Who undid it, or null.</param>
public sealed record ImportRunListing(
    long Id, DateTimeOffset Started, string By, ImportRunKind Kind, IReadOnlyList<ImportedFile> Files, long Rows, ImportRunStatus Status,
    string Wrote, IReadOnlyList<HeldMonth> Held, DateTimeOffset? UndoneAt, string? UndoneBy)
{
    /// <summary>Whether the run wrote figures, and so can be undone.</summary>
    public bool WroteFigures => Kind is ImportRunKind.PoliceUk or ImportRunKind.Measures;

    /// <summary>The kind as the command line and CSV name it: police-uk, measures, measure-definitions, areas, delivery.</summary>
    public string KindName => ImportRuns.NameOf(Kind);
}
