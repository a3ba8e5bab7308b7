using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Domain.Periods;
using Scrutineer.Web.Delivery;

namespace Scrutineer.Web.Pages.Strategy;

/// <summary>The crime prevention strategy: strands with their leads, the progress table and the tasks at risk.</summary>
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

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await StrategyChoice.CurrentAsync(db, ct) is not { } strategy)
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

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var loaded = await DeliveryStore.LoadAsync(db, strategy.Id, ct);
        Progress = DeliveryProgress.ForStrategy(loaded, quarter, today);
        AtRisk = DeliveryProgress.AtRisk(loaded, quarter, today);
        Leads = loaded.Strands.SelectMany(s => s.LeadsOn(Progress.AsAt).Select(l => new StrandLead(s.Title, l.Role, l.Person, l.Area, l.ValidFrom, l.ValidTo))).ToList();
    }
}
