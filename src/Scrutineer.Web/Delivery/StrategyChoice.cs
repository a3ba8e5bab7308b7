using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;

namespace Scrutineer.Web.Delivery;

/// <summary>The strategy the pages show: the store's latest crime prevention strategy (by its last year), if any.</summary>
public static class StrategyChoice
{
    /// <summary>The latest strategy's identity and title, or null when the store holds none.</summary>
    public static async Task<(int Id, string Title)?> CurrentAsync(ScrutineerDb db, CancellationToken ct)
    {
        var latest = await db.Strategies.AsNoTracking().OrderByDescending(s => s.LastYear).ThenByDescending(s => s.Id)
            .Select(s => new { s.Id, s.Title }).FirstOrDefaultAsync(ct);
        return latest is null ? null : (latest.Id, latest.Title);
    }
}
