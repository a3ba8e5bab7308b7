using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Application.Performance;
using Scrutineer.Web.Dashboard;
using Scrutineer.Web.Quarterly;

namespace Scrutineer.Web.Pages;

public sealed class IndexModel(ScrutineerDb db, RoundBoard board, DashboardCache cache) : ScrutineerPageModel
{
    private DashboardFigures figures = null!;

    public IReadOnlyList<AtRiskTask> AtRisk => figures.AtRisk;

    public string? StrategyTitle => figures.StrategyTitle;

    public IReadOnlyList<RollingComparisonRow> Insights => figures.Insights;

    public string? InsightArea => figures.InsightArea;

    public RoundSummary? Round => figures.Round;

    public RoundProgress? Progress => figures.Progress;

    public IReadOnlyList<PriorityStatus> Priorities => figures.Priorities;

    /// <summary>The force's today.</summary>
    public DateOnly Today => board.Today;

    /// <summary>Whether the account writes or reviews, and so is told when nothing waits for it.</summary>
    public bool WritesOrReviews => Me.Role is Domain.Accounts.Role.Contributor or Domain.Accounts.Role.Reviewer;

    /// <summary>What this account has to do, leading the page.</summary>
    public IReadOnlyList<WorkItem> Work { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = board.Today;
        figures = await cache.GetAsync(db, today, () => DashboardFigures.BuildAsync(db, board, today, ct), ct);
        Work = await OwnWork.ForAsync(db, board, Me, Round, Progress, ct);
    }
}
