namespace Scrutineer.Application.Performance;

/// <summary>What a peer-group import did.</summary>
/// <param name="Rows">Data rows read.</param>
/// <param name="Links">Peer links written.</param>
/// <param name="Forces">Forces whose groups were replaced.</param>
/// <param name="Skipped">Rows left out because a force could not be matched, by line.</param>
/// <param name="Summary">What was written, in a sentence.</param>
/// <param name="RunId">The import run it was recorded as.</param>
public sealed record PeerGroupImportResult(int Rows, int Links, int Forces, IReadOnlyList<SkippedRow> Skipped, string Summary, long RunId);
