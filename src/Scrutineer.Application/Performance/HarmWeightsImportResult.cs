namespace Scrutineer.Application.Performance;

/// <summary>What a harm-weights import did.</summary>
/// <param name="Index">The index's name.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="Weights">Weights written (national and by force).</param>
/// <param name="Forces">Forces with weights of their own.</param>
/// <param name="Skipped">Rows left out because their force could not be matched, by line.</param>
/// <param name="Summary">What was written, in a sentence.</param>
/// <param name="RunId">The import run it was recorded as.</param>
public sealed record HarmWeightsImportResult(string Index, int Rows, int Weights, int Forces, IReadOnlyList<SkippedRow> Skipped, string Summary, long RunId);
