namespace Scrutineer.Application.Performance;

/// <summary>A row an import left out and why: a force it cannot match to one the store holds (unmatched or ambiguous).</summary>
/// <param name="File">The file's name.</param>
/// <param name="Line">The 1-based line the row starts on.</param>
/// <param name="Field">The column ("force", "peer").</param>
/// <param name="Problem">What was wrong, in a sentence.</param>
public sealed record SkippedRow(string File, long Line, string Field, string Problem)
{
    /// <summary>"peers.csv:4: peer 'Norfolk' is not a force the store holds …; the row was skipped."</summary>
    public override string ToString() => $"{File}:{Line}: {Field} {Problem} The row was skipped.";
}
