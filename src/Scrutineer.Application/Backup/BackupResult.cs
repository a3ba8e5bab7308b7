namespace Scrutineer.Application.Backup;

/// <summary>What a backup wrote.</summary>
/// <param name="File">The backup file's full path.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Format">"SQLite database" or "PostgreSQL custom-format dump".</param>
public sealed record BackupResult(string File, long Bytes, string Format);
