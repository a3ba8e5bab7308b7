using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Testing;

namespace Scrutineer.Reliability.Tests.Fuzzing;

/// <summary>
/// A cheap summary of a whole store: the row count of every table and the highest audit entry id. Since every committed
/// write adds audit entries, an unchanged fingerprint after a refused import means nothing at all was written.
/// </summary>
internal static class StoreFingerprint
{
    public static async Task<string> TakeAsync(TestStore store)
    {
        await using var db = store.Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = store.Location.Provider == StoreProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";
            await using DbDataReader reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        await using var count = connection.CreateCommand();
        count.CommandText = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', count(*) FROM \"{t}\""))
            + " UNION ALL SELECT 'audit max', coalesce(max(\"Id\"), 0) FROM \"AuditEntries\"";
        var parts = new List<string>();
        await using (DbDataReader reader = await count.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                parts.Add($"{reader.GetString(0)}={reader.GetInt64(1)}");
            }
        }

        // UNION ALL promises no order (PostgreSQL may run its branches in parallel), so the parts are put in order here.
        parts.Sort(StringComparer.Ordinal);
        return string.Join("; ", parts);
    }
}
