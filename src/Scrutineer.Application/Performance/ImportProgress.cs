namespace Scrutineer.Application.Performance;

/// <summary>
/// How far a large import has got: bytes read of the total, rows counted, what it is doing, and files read of the
/// total (a national archive is some 1,500 files).
/// </summary>
public sealed record ImportProgress(long BytesRead, long BytesTotal, long Rows, string Stage, int FilesRead = 0, int FilesTotal = 0);
