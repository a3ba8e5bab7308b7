using Microsoft.AspNetCore.Mvc;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Web.Delivery;

namespace Scrutineer.Web.Pages.Strategy;

/// <summary>
/// The crime prevention strategy: strands with their leads, the progress table and the tasks at risk; and its delivery
/// plans as a workbook or CSV in the import layout, with the OFFICIAL-SENSITIVE notes only for a reader who may read them all.
/// </summary>
public sealed class IndexModel(ScrutineerDb db, TimeProvider clock) : ScrutineerPageModel
{
    public string? Title { get; private set; }

    public ProgressSummary? Progress { get; private set; }

    public IReadOnlyList<StrandLead> Leads { get; private set; } = [];

    public IReadOnlyList<AtRiskTask> AtRisk { get; private set; } = [];

    /// <summary>The quarter asked for (<c>?period=Q3 2023/24</c>); empty for the position today.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public string? PeriodError { get; private set; }

    /// <summary>Whether this account's download holds the OFFICIAL-SENSITIVE notes (<see cref="DeliveryExport.IncludesSensitive"/>).</summary>
    public bool ExportIncludesSensitive => DeliveryExport.IncludesSensitive(Me.Reader);

    /// <summary>The delivery plans in the import layout (<c>?handler=Export&amp;format=xlsx|csv</c>), for this account as reader.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (await DeliveryStore.CurrentStrategyAsync(db, ct) is not { } strategy || format is not ("xlsx" or "csv"))
        {
            return NotFound();
        }

        using var buffer = new MemoryStream();
        await DeliveryExport.WriteAsync(db, strategy.Id, format, buffer, Me.Reader, ct);
        var marking = ExportIncludesSensitive ? "official-sensitive" : "official";
        var name = $"delivery-plans-{marking}.{format}";
        return File(buffer.ToArray(), format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8", name);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await DeliveryStore.CurrentStrategyAsync(db, ct) is not { } strategy)
        {
            return;
        }

        Title = strategy.Title;
        FinancialQuarter? quarter = null;
        if (!string.IsNullOrWhiteSpace(Period))
        {
            if (FinancialQuarter.TryParse(Period, out var q, out var error))
            {
                quarter = q;
            }
            else
            {
                PeriodError = error;
                ModelState.AddModelError(nameof(Period), error);
            }
        }

        var today = UkClock.Today(clock);
        var loaded = await DeliveryStore.LoadAsync(db, strategy.Id, ct);
        Progress = DeliveryProgress.ForStrategy(loaded, quarter, today);
        AtRisk = DeliveryProgress.AtRisk(loaded, quarter, today);
        Leads = loaded.Strands.SelectMany(s => s.LeadsOn(Progress.AsAt).Select(l => new StrandLead(s.Title, l.Role, l.Person, l.Area, l.ValidFrom, l.ValidTo))).ToList();
    }
}
