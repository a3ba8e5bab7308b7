using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Web.Performance;

/// <summary>Defaults for the insight pages and API: the force area and the latest month that holds monthly data.</summary>
public static class InsightChoices
{
    /// <summary>The first area at force level (the force itself), or null when there is none.</summary>
    public static Task<string?> ForceAreaAsync(ScrutineerDb db, CancellationToken ct) =>
        db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Force).OrderBy(a => a.Id).Select(a => a.Name).FirstOrDefaultAsync(ct);

    /// <summary>The latest month holding a monthly observation of a count measure, or null when there is none.</summary>
    public static async Task<ReportingMonth?> LatestMonthAsync(ScrutineerDb db, CancellationToken ct)
    {
        var months = db.Observations.AsNoTracking().Where(o => o.Kind == PeriodKind.Month && o.Measure.Kind == MeasureKind.Count).Select(o => o.Period);
        return await months.AnyAsync(ct) ? await months.MaxAsync(ct) : null;
    }
}
