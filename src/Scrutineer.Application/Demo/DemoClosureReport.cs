using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Reports;
using Scrutineer.Application.Imports;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Demo;

/// <summary>
/// What the demo's closure report shows off beyond the figures: an analyst's foreword and executive summary for the
/// demo plan, and two yearly budget measures (synthetic, in £ million) for its Financial Overview.
/// </summary>
internal static class DemoClosureReport
{
    private const string Foreword =
        """
        When this plan began, the public told us they wanted to see more of their police and to know that crime in their neighbourhood was being dealt with. This report sets out, priority by priority, what the force and its partners delivered over the life of the plan and how the figures moved against the year before it began.

        Some of the figures moved the wrong way. Recorded crime rose as more victims came forward and as the force recorded crime more accurately; the report says so plainly, and the next plan takes those lessons forward.
        """;

    private const string Summary =
        """
        The plan set twelve priorities and fifty-nine 'We Will' commitments. Almost all were delivered or carried into business as usual; the appendix lists what each one achieved.

        Officer numbers reached their highest level, and the money to sustain them is set out in the Financial Overview.
        """;

    // Financial year → (net revenue expenditure, precept income), £ million (synthetic).
    private static readonly (int Year, decimal Expenditure, decimal Precept)[] Budgets =
    [
        (2019, 301.4m, 104.2m),
        (2020, 312.9m, 110.6m),
        (2021, 327.6m, 118.3m),
        (2022, 341.2m, 124.9m),
        (2023, 362.8m, 131.7m),
    ];

    public static async Task AddAsync(ScrutineerDb db, DateTimeOffset now, CancellationToken ct)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Title == DemoForce.PlanTitle, ct);
        var force = await db.Areas.SingleOrDefaultAsync(a => a.Name == DemoPerformanceData.Force && a.Level == AreaLevel.Force, ct);
        if (plan is null || force is null)
        {
            return;
        }

        var text = new ClosureReportText(plan.Id);
        text.SetForeword(Foreword, "A. Analyst 40010001", now);
        text.SetSummary(Summary, "A. Analyst 40010001", now);
        db.ClosureReportTexts.Add(text);

        var expenditure = new Measure("Net revenue expenditure", "£m", MeasureKind.Money, BetterDirection.Neither,
            "The force's net revenue expenditure for the financial year, in £ million (synthetic demo data).", "Demo force (synthetic)");
        var precept = new Measure("Police precept income", "£m", MeasureKind.Money, BetterDirection.Neither,
            "Council tax precept for policing received in the financial year, in £ million (synthetic demo data).", "Demo force (synthetic)");
        db.Measures.AddRange(expenditure, precept);
        await db.SaveChangesAsync(ct);
        var rows = Budgets.SelectMany(b => new[]
        {
            new ObservationRow(expenditure.Id, force.Id, PeriodKind.FinancialYear, new FinancialYear(b.Year).FirstMonth, b.Expenditure),
            new ObservationRow(precept.Id, force.Id, PeriodKind.FinancialYear, new FinancialYear(b.Year).FirstMonth, b.Precept),
        }).ToList();
        await ObservationWriter.InsertAsync(db, rows, ct);
    }
}
