using Scrutineer.Application.Imports;
using Scrutineer.Domain.Imports;

namespace Scrutineer.Application.Performance;

/// <summary>
/// data.police.uk files read and tallied, not yet written: <see cref="PoliceUkImport"/> reads them while the store opens
/// and its area tree loads, then writes them.
/// </summary>
internal sealed class PoliceUkReading
{
    internal PoliceUkReading(DateTimeOffset started, List<string> files, IReadOnlyList<ImportedFile> described, Dictionary<PoliceUkFileKind, PoliceUkTally> tallies, long bytes)
    {
        Started = started;
        Files = files;
        Described = described;
        Tallies = tallies;
        Bytes = bytes;
    }

    /// <summary>When reading began (the import run's start).</summary>
    public DateTimeOffset Started { get; }

    /// <summary>The files read, full paths.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The rows counted, all files together.</summary>
    public long Rows => Tallies.Values.Sum(t => t.Rows);

    internal IReadOnlyList<ImportedFile> Described { get; }

    internal Dictionary<PoliceUkFileKind, PoliceUkTally> Tallies { get; }

    internal long Bytes { get; }
}
