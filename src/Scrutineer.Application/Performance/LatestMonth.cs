using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Performance;

/// <summary>
/// The one rule for "the latest month": the latest month holding a confirmed monthly observation of a count measure.
/// Months an import holds as provisional are not confirmed (the store's filter on observations leaves them out), so
/// the dashboard, the insight defaults, the API and <c>scrutineer insights rolling12</c> without <c>--to</c> stay on
/// the month before until the held month is confirmed or replaced.
/// </summary>
public static class LatestMonth
{
    /// <summary>The latest confirmed month, or null when the store holds no monthly counts.</summary>
    public static async Task<ReportingMonth?> ConfirmedAsync(ScrutineerDb db, CancellationToken cancellationToken = default)
    {
        var months = db.Observations.AsNoTracking().Where(o => o.Kind == PeriodKind.Month && o.Measure.Kind == MeasureKind.Count).Select(o => o.Period);
        return await months.AnyAsync(cancellationToken) ? await months.MaxAsync(cancellationToken) : null;
    }
}
