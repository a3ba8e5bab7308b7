using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;

namespace Scrutineer.Web.Dashboard;

/// <summary>
/// Keeps the dashboard's figures until the store changes. Every change to the store, from the web app, the command
/// line or an import, is written with its audit entry in the same transaction (docs/decisions/0050), so the highest
/// audit entry id is a fingerprint of the store's content: one indexed read per request instead of the dozen queries
/// and the rolling-12 tests the figures need. The UK date is part of the key, since "overdue" and "at risk since"
/// depend on it. Figures read after the fingerprint are at least as new as it, so a race can only make the cache
/// rebuild once more, never show figures older than the fingerprint.
/// </summary>
public sealed class DashboardCache
{
    private Entry? latest;

    /// <summary>The figures for the store as it is now: the kept ones when nothing changed, else newly built.</summary>
    public async Task<DashboardFigures> GetAsync(ScrutineerDb db, DateOnly today, Func<Task<DashboardFigures>> build, CancellationToken ct)
    {
        var fingerprint = await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        if (Volatile.Read(ref latest) is { } kept && kept.Fingerprint == fingerprint && kept.Today == today)
        {
            return kept.Figures;
        }

        var figures = await build();
        Volatile.Write(ref latest, new Entry(fingerprint, today, figures));
        return figures;
    }

    private sealed record Entry(long Fingerprint, DateOnly Today, DashboardFigures Figures);
}
