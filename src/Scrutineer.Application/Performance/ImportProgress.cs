namespace Scrutineer.Application.Performance;

/// <summary>How far a large import has got: bytes read of the total, rows counted, and what it is doing.</summary>
public sealed record ImportProgress(long BytesRead, long BytesTotal, long Rows, string Stage);
