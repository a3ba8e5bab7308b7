using Scrutineer.Application.Data;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Performance;

/// <summary>
/// The one rule for "the latest month": the latest month holding a confirmed monthly observation of a count measure.
/// Months an import holds as provisional are not confirmed (<see cref="ScrutineerDb.NotHeldSql"/>, the store's filter on
/// observations), so the dashboard, the insight defaults, the API, the reports and <c>scrutineer insights rolling12</c>
/// without <c>--to</c> stay on the month before until the held month is confirmed or replaced. Read over the store's
/// connection (<see cref="StoreReader"/>), so a report command needs no EF for it.
/// </summary>
public static class LatestMonth
{
    /// <summary>The latest confirmed month, or null when the store holds no monthly counts.</summary>
    public static Task<ReportingMonth?> ConfirmedAsync(ScrutineerDb db, CancellationToken cancellationToken = default) =>
        StoreReader.ReadAsync(db, reader => ConfirmedAsync(reader, cancellationToken), cancellationToken);

    /// <summary>The latest confirmed month, or null when the store holds no monthly counts.</summary>
    public static async Task<ReportingMonth?> ConfirmedAsync(StoreReader reader, CancellationToken cancellationToken = default)
    {
        var latest = await reader.ListAsync(
            $"""
            SELECT MAX(o."Period") FROM "Observations" o JOIN "Measures" m ON m."Id" = o."MeasureId"
            WHERE o."Kind" = 'Month' AND m."Kind" = 'Count' AND {ScrutineerDb.NotHeldSql}
            """,
            r => r.IsDBNull(0) ? (ReportingMonth?)null : StoreRows.Month(Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)),
            cancellationToken);
        return latest[0];
    }
}
