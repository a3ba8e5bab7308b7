using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Web.Pages.Insights;

/// <summary>
/// The force beside its peer group for one measure over 12 months (each force's figure and rank, the peers' average and
/// the verdict), and its harm-weighted totals beside its counts under every harm index loaded (GET form). The figures
/// are the application's (<see cref="PeerComparisons"/>, <see cref="HarmTotals"/>), as the command line prints them.
/// </summary>
public sealed class PeersModel(ScrutineerDb db) : ScrutineerPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Measure { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Force { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<string> Measures { get; private set; } = [];

    public IReadOnlyList<string> Forces { get; private set; } = [];

    public ReportingMonth? Month { get; private set; }

    public PeerComparison? Peers { get; private set; }

    public string? PeersProblem { get; private set; }

    public HarmResult? Harm { get; private set; }

    public string? HarmProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Measures = (await db.Measures.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(ct)).Where(PeerComparisons.IsComparable).ToList();
        Forces = (await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Force).Select(a => a.Name).ToListAsync(ct)).Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (Measures.Count == 0 || Forces.Count == 0)
        {
            return;
        }

        Measure = string.IsNullOrWhiteSpace(Measure) ? (Measures.Contains("Burglary") ? "Burglary" : Measures.Contains(PoliceUkImport.AllCrime) ? PoliceUkImport.AllCrime : Measures[0]) : Measure.Trim();
        Force = string.IsNullOrWhiteSpace(Force) ? await ForceArea.DefaultAsync(db, ct) ?? Forces[0] : Force.Trim();
        if (!string.IsNullOrWhiteSpace(To))
        {
            if (!ReportingMonth.TryParse(To.Trim(), out var chosen))
            {
                ModelState.AddModelError(nameof(To), $"Enter the last month as YYYY-MM, for example 2025-12; '{To}' is not a month.");
                return;
            }

            Month = chosen;
        }

        Month ??= await LatestMonth.ConfirmedAsync(db, ct);
        if (Month is not { } to)
        {
            return;
        }

        try
        {
            Peers = await PeerComparisons.CompareAsync(db, Measure, Force, to, ct);
        }
        catch (DomainException ex)
        {
            PeersProblem = ex.Message;
        }

        try
        {
            Harm = await HarmTotals.ForAsync(db, Force, to, ct);
        }
        catch (DomainException ex)
        {
            HarmProblem = ex.Message;
        }
    }
}
