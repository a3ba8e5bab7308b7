using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Reporting;

namespace Scrutineer.Web.Pages.Reports;

/// <summary>Choose a report, a round, a format and a version, and download it; analysts also run the figures check.</summary>
public sealed class IndexModel(ScrutineerDb db) : ScrutineerPageModel
{
    public sealed record RoundRow(int Id, string Plan, string Period, RoundState State);

    public IReadOnlyList<RoundRow> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rounds = await db.Rounds.AsNoTracking().Select(r => new { r.Id, Plan = r.Plan.Title, r.Period, r.State }).ToListAsync(ct);
        Rounds = rounds.Where(r => ReportAccess.CanSeeRound(Me, r.State)).OrderByDescending(r => r.Period).ThenBy(r => r.Plan, StringComparer.Ordinal)
            .Select(r => new RoundRow(r.Id, r.Plan, r.Period.ToString(), r.State)).ToList();
    }
}
