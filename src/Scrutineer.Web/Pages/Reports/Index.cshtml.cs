using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Web.Pages.Reports;

/// <summary>
/// Choose a report, a round, a format and a version, and download it; analysts also run the figures check. The full
/// version is offered only to those the catalogue lets have it (cleared to read every record's OFFICIAL-SENSITIVE text).
/// </summary>
public sealed class IndexModel(ScrutineerDb db) : ScrutineerPageModel
{
    public sealed record RoundRow(int Id, string Plan, string Period, RoundState State);

    public IReadOnlyList<RoundRow> Rounds { get; private set; } = [];

    /// <summary>Whether the signed-in reader may have the full version.</summary>
    public bool OffersFull => ReportCatalogue.MayRead(Me.Reader, ReportVersion.Full);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rounds = await db.Rounds.AsNoTracking().Select(r => new { r.Id, Plan = r.Plan.Title, r.Period, r.State }).ToListAsync(ct);
        Rounds = rounds.Where(r => ReportCatalogue.MaySeeRound(Me.Reader, r.State)).OrderByDescending(r => r.Period).ThenBy(r => r.Plan, StringComparer.Ordinal)
            .Select(r => new RoundRow(r.Id, r.Plan, r.Period.ToString(), r.State)).ToList();
    }
}
