using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Web.Performance;

/// <summary>Defaults for the insight pages and API: the force area (the latest month is <see cref="Application.Performance.LatestMonth"/>).</summary>
public static class InsightChoices
{
    /// <summary>The first area at force level (the force itself), or null when there is none.</summary>
    public static Task<string?> ForceAreaAsync(ScrutineerDb db, CancellationToken ct) =>
        db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Force).OrderBy(a => a.Id).Select(a => a.Name).FirstOrDefaultAsync(ct);
}
