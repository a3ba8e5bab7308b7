using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Common;
using Scrutineer.Web.Reporting;

namespace Scrutineer.Web.Pages.Reports;

/// <summary>
/// The foreword and executive summary an analyst writes for a plan's closure report (analysts and administrators):
/// the foreword replaces the generated one, the summary precedes the summary of the figures. OFFICIAL text only.
/// </summary>
public sealed class ClosureTextModel(ScrutineerDb db, TimeProvider clock) : ScrutineerPageModel
{
    public sealed record PlanRow(int Id, string Title);

    public IReadOnlyList<PlanRow> Plans { get; private set; } = [];

    /// <summary>The plan whose text is shown (default: the latest).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Plan { get; set; }

    [BindProperty]
    public string? Foreword { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    public string PlanTitle => Plans.FirstOrDefault(p => p.Id == Plan)?.Title ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ReportAccess.CanWriteClosureText(Me))
        {
            return Forbid();
        }

        await LoadPlansAsync(ct);
        if (Plans.Count == 0)
        {
            return Page();
        }

        if (Plans.All(p => p.Id != Plan))
        {
            Plan = Plans[^1].Id;
        }

        var text = await ClosureReportTexts.ForPlanAsync(db, Plan!.Value, ct);
        Foreword = text?.Foreword ?? "";
        Summary = text?.Summary ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ReportAccess.CanWriteClosureText(Me))
        {
            return Forbid();
        }

        await LoadPlansAsync(ct);
        if (Plans.All(p => p.Id != Plan))
        {
            ModelState.AddModelError(nameof(Plan), "Choose the plan whose closure report this text is for");
            return Page();
        }

        try
        {
            await ClosureReportTexts.SetAsync(db, PlanTitle, Foreword ?? "", Summary ?? "", Me.UserName, clock.GetUtcNow(), cancellationToken: ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(ex.Message.StartsWith("The foreword", StringComparison.Ordinal) ? nameof(Foreword) : nameof(Summary), ex.Message);
            return Page();
        }

        Notice($"The closure report text of {PlanTitle} has been saved.");
        return Redirect($"/reports/closure-text?plan={Plan}");
    }

    private async Task LoadPlansAsync(CancellationToken ct) =>
        Plans = await db.Plans.AsNoTracking().OrderBy(p => p.FirstYear).Select(p => new PlanRow(p.Id, p.Title)).ToListAsync(ct);
}
