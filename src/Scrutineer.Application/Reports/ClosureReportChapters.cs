using Scrutineer.Domain.Plans;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>What the closure report's optional chapters are built from; each chapter is left out when its part is empty.</summary>
public sealed record ClosureReportChapters
{
    /// <summary>The analysts' foreword and executive summary, or null for the generated text alone.</summary>
    public ClosureReportText? Text { get; init; }

    /// <summary>The force's budget measures by financial year (the Financial Overview chapter).</summary>
    public IReadOnlyList<FinancialYearSeries> Budgets { get; init; } = [];

    /// <summary>The plan that starts after this one ends (the next plan's priorities), or null.</summary>
    public Plan? NextPlan { get; init; }
}
