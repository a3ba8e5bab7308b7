using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.FiguresCheck;
using Scrutineer.Domain.Reports;
using Scrutineer.Web.Reporting;
using Scrutineer.Application.QuarterlyUpdates;

namespace Scrutineer.Web.Pages.Reports;

/// <summary>
/// Choose a report, a round, a format and a version, and download it; analysts also run the figures check. The full
/// version is offered only to those the catalogue lets have it (cleared to read every record's OFFICIAL-SENSITIVE text).
/// Analysts see the figures check's findings in each round's commentary here, where they generate the reports: the same
/// list the command line prints as it writes a report and publishing the round asks them to confirm.
/// </summary>
public sealed class IndexModel(ScrutineerDb db) : ScrutineerPageModel
{
    public sealed record RoundRow(int Id, string Plan, string Period, RoundState State);

    public IReadOnlyList<RoundRow> Rounds { get; private set; } = [];

    /// <summary>Whether the signed-in reader may have the full version.</summary>
    public bool OffersFull => ReportCatalogue.MayRead(Me.Reader, ReportVersion.Full);

    /// <summary>The figures check's findings by round id, for analysts (empty for everyone else).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<FigureInconsistency>> Findings { get; private set; } = new Dictionary<int, IReadOnlyList<FigureInconsistency>>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rounds = await db.Rounds.AsNoTracking().Select(r => new { r.Id, Plan = r.Plan.Title, r.Period, r.State }).ToListAsync(ct);
        Rounds = rounds.Where(r => ReportCatalogue.MaySeeRound(Me.Reader, r.State)).OrderByDescending(r => r.Period).ThenBy(r => r.Plan, StringComparer.Ordinal)
            .Select(r => new RoundRow(r.Id, r.Plan, r.Period.ToString(), r.State)).ToList();
        if (ReportAccess.CanCheckFigures(Me))
        {
            var findings = new Dictionary<int, IReadOnlyList<FigureInconsistency>>();
            foreach (var round in rounds.Where(r => Rounds.Any(row => row.Id == r.Id)))
            {
                findings[round.Id] = await CommentaryCheck.RunAsync(db, round.Period, round.Plan, ct);
            }

            Findings = findings;
        }
    }
}
