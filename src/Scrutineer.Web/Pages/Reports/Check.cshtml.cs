using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.FiguresCheck;
using Scrutineer.Web.Reporting;
using Scrutineer.Application.QuarterlyUpdates;

namespace Scrutineer.Web.Pages.Reports;

/// <summary>The figures check of a round's commentary (analysts and administrators).</summary>
public sealed class CheckModel(ScrutineerDb db) : ScrutineerPageModel
{
    public string Period { get; private set; } = "";

    public string Plan { get; private set; } = "";

    public IReadOnlyList<FigureInconsistency> Findings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int round, CancellationToken ct)
    {
        if (!ReportAccess.CanCheckFigures(Me))
        {
            return Forbid();
        }

        var r = await db.Rounds.AsNoTracking().Where(x => x.Id == round).Select(x => new { x.Period, Plan = x.Plan.Title }).SingleOrDefaultAsync(ct);
        if (r is null)
        {
            return NotFound();
        }

        Period = r.Period.ToString();
        Plan = r.Plan;
        Findings = await CommentaryCheck.RunAsync(db, r.Period, r.Plan, ct);
        return Page();
    }
}
