using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Scrutineer.Application.Backup;

/// <summary>
/// What a backup holds, read without restoring it: its kind, the schema version it was taken at, and its audit
/// trail's size and newest entry (so that a restore can say what later history it would erase).
/// </summary>
/// <param name="Format">"SQLite database" or "PostgreSQL custom-format dump".</param>
/// <param name="SchemaVersion">The newest migration applied when it was taken.</param>
/// <param name="AuditEntries">How many audit entries it holds.</param>
/// <param name="NewestAuditId">The newest audit entry's id (null when it holds none).</param>
/// <param name="NewestAuditAt">When that entry was written.</param>
public sealed record BackupContents(string Format, string SchemaVersion, long AuditEntries, long? NewestAuditId, DateTimeOffset? NewestAuditAt)
{
    internal static BackupContents OfSqlite(string file)
    {
        using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        backup.Open();
        using var query = backup.CreateCommand();
        query.CommandText = "SELECT MigrationId FROM __SchemaHistory ORDER BY MigrationId DESC LIMIT 1;";
        var schema = query.ExecuteScalar() as string ?? "";
        query.CommandText = "SELECT count(*), max(Id), (SELECT At FROM AuditEntries ORDER BY Id DESC LIMIT 1) FROM AuditEntries;";
        using var reader = query.ExecuteReader();
        reader.Read();
        return new BackupContents("SQLite database", schema, reader.GetInt64(0),
            reader.IsDBNull(1) ? null : reader.GetInt64(1),
            reader.IsDBNull(2) ? null : DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture));
    }

    /// <summary>Reads a pg_dump's schema history and audit table from the data <c>pg_restore --data-only --table=T --file=-</c> prints.</summary>
    internal static BackupContents OfPgDump(string schemaHistoryCopy, string auditCopy)
    {
        var schema = CopyRows(schemaHistoryCopy, "MigrationId").Select(r => r.Value).Max(StringComparer.Ordinal) ?? "";
        long count = 0;
        (long Id, string At)? newest = null;
        var at = CopyRows(auditCopy, "At").Select(r => r.Value).ToList();
        var ids = CopyRows(auditCopy, "Id").Select(r => long.Parse(r.Value, CultureInfo.InvariantCulture)).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            count++;
            if (newest is null || ids[i] > newest.Value.Id)
            {
                newest = (ids[i], at[i]);
            }
        }

        return new BackupContents("PostgreSQL custom-format dump", schema, count, newest?.Id,
            newest is { } n ? DateTimeOffset.Parse(n.At, CultureInfo.InvariantCulture) : null);
    }

    /// <summary>One column's values from the rows of a COPY … FROM stdin block (tab-separated, ended by "\.").</summary>
    private static IEnumerable<(int Row, string Value)> CopyRows(string script, string column)
    {
        var lines = script.Split('\n');
        var row = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("COPY ", StringComparison.Ordinal))
            {
                continue;
            }

            var columns = lines[i][(lines[i].IndexOf('(', StringComparison.Ordinal) + 1)..lines[i].LastIndexOf(')')]
                .Split(',').Select(c => c.Trim().Trim('"')).ToList();
            var index = columns.IndexOf(column);
            for (i++; i < lines.Length && lines[i] != "\\."; i++)
            {
                if (index >= 0)
                {
                    yield return (row++, lines[i].Split('\t')[index]);
                }
            }
        }
    }
}
