using Microsoft.EntityFrameworkCore;

namespace Scrutineer.Application.Audit;

/// <summary>
/// Reads the audit trail for administrators: newest first, filtered by table, key, actor and time. Built over the store's
/// entries (<c>new AuditTrail(db.AuditEntries)</c>): the audit trail sits below the store and does not know it.
/// </summary>
public sealed class AuditTrail(IQueryable<AuditEntry> trail)
{
    /// <summary>Entries matching <paramref name="query"/>, newest first, at most <see cref="AuditQuery.Limit"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var rows = new List<AuditEntry>();
        await foreach (var entry in Filtered(query).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // Times are compared here: SQLite stores them as text and cannot compare offsets in SQL.
            if ((query.Since is null || entry.At >= query.Since) && (query.Until is null || entry.At < query.Until))
            {
                rows.Add(entry);
                if (query.Limit is { } limit && rows.Count >= limit)
                {
                    break;
                }
            }
        }

        return rows;
    }

    private IQueryable<AuditEntry> Filtered(AuditQuery query)
    {
        var entries = trail.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Entity))
        {
            entries = entries.Where(e => e.Entity == query.Entity.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Key))
        {
            entries = entries.Where(e => e.Key == query.Key.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            entries = entries.Where(e => e.Actor == query.Actor.Trim());
        }

        return entries.OrderByDescending(e => e.Id);
    }
}
