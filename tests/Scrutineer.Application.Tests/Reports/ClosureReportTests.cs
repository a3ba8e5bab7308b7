using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.Reports;
using Scrutineer.Domain.Statistics;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Reports;

public sealed class ClosureReportTests
{
    private static readonly FinancialQuarter Closing = FinancialQuarter.Parse("Q4 2023/24");
    private static readonly DateTimeOffset Now = new(2024, 4, 22, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A plan running 2021/22 to 2023/24 whose first priority links "Residential burglary", with monthly figures from April 2018 to March 2024.</summary>
    private static async Task<Plan> SeedAsync(ScrutineerDb db)
    {
        var plan = new PlanBuilder().Titled("Plan 2021-2024").Covering(new FinancialYear(2021), new FinancialYear(2023)).WithPriority("Safer homes", 1).Build();
        db.Plans.Add(plan);
        var force = new Area("Test Police", AreaLevel.Force);
        var burglary = new Measure("Residential burglary", "crimes", MeasureKind.Count, BetterDirection.Lower, "", "Test");
        db.Areas.Add(force);
        db.Measures.Add(burglary);
        for (var month = new ReportingMonth(2018, 4); month <= new ReportingMonth(2024, 3); month = month.Plus(1))
        {
            // A fall to 2020/21, then a rise: the first year in the store (2018/19) is not the baseline.
            var value = 400 - (month.FinancialYear.StartYear == 2020 ? 120 : 0) + ((month.Ordinal * 7) % 23);
            db.Observations.Add(new Observation(burglary, force, PeriodKind.Month, month, value));
        }

        await db.SaveChangesAsync();
        await MeasureLinks.SetForPriorityAsync(db, plan.Priorities[0].Id, [new("Residential burglary")]);
        return plan;
    }

    private static IEnumerable<string> Paragraphs(ReportDocument report) => report.AllBlocks().OfType<ReportParagraph>().Select(p => p.Text);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_LinkedCount_EachPlanYearAgainstTheYearBeforeThePlan_MatchesInsightsYears(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        await SeedAsync(db);

        var report = await ClosureReport.BuildAsync(db, Closing, ReportVersion.Full, "Plan 2021-2024");

        var years = (await new PerformanceQueries(db).FinancialYearsAsync("Residential burglary", "Test Police")).Years.ToDictionary(y => y.Total.Year, y => y.Total.Total);
        var baseline = years[new FinancialYear(2020)];
        var table = report.AllBlocks().OfType<ReportTable>().Single(t => t.Caption.Contains("Residential burglary by financial year against the baseline (2020/21, the year before the plan began)", StringComparison.Ordinal));
        Assert.Equal(["2020/21 (baseline)", "2021/22", "2022/23", "2023/24"], table.Rows.Select(r => r.Cells[0].Text));
        Assert.Equal(["Financial year", "Crimes", "Change from 2020/21", "Change from 2020/21 (%)", "Significance (Poisson test, 95%)"], table.Columns);
        foreach (var (row, year) in table.Rows.Skip(1).Zip(new[] { 2021, 2022, 2023 }))
        {
            var total = years[new FinancialYear(year)];
            var change = CountComparison.Of(baseline, total);
            Assert.Equal(
                [Figures.Count(total), Figures.Difference(total - baseline), Figures.SignedPercent(change.PercentChange)],
                row.Cells.Skip(1).Take(3).Select(c => c.Text));
        }

        var last = CountComparison.Of(baseline, years[new FinancialYear(2023)]);
        Assert.Contains(Paragraphs(report), p => p.Contains(
            $"Residential burglary went from {Figures.Count(baseline)} in 2020/21, the financial year before the plan began, to {Figures.Count(last.Latest)} in 2023/24: "
            + $"{Figures.Difference(last.Difference)} ({Figures.SignedPercent(last.PercentChange)}) on the baseline", StringComparison.Ordinal));
        Assert.Contains(Paragraphs(report), p => p.StartsWith("2.1. Baseline: 2020/21, the financial year before the plan began.", StringComparison.Ordinal));
        Assert.Contains(Paragraphs(report), p => p.StartsWith("2.2. Of the 1 measure linked to the plan's priorities with figures for both 2020/21 and 2023/24, ", StringComparison.Ordinal));
        Assert.DoesNotContain(Paragraphs(report), p => p.Contains("2018/19", StringComparison.Ordinal) || p.Contains("2019/20", StringComparison.Ordinal));
        Assert.DoesNotContain(Paragraphs(report), p => p.Contains("this quarter", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_NoBudgetsNoLaterPlan_NeitherChapter(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        await SeedAsync(db);

        var report = await ClosureReport.BuildAsync(db, Closing, ReportVersion.Full, "Plan 2021-2024");

        var headings = report.AllBlocks().OfType<ReportHeading>().Where(h => h.Level == 1).Select(h => h.Text).ToList();
        Assert.Equal(["1. Foreword", "2. Executive Summary", "3. Safer homes", "Appendix 1. The Priorities and 'We Wills'"], headings);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_BudgetsAndALaterPlan_FinancialOverviewAndTheNextPlansPriorities(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        await SeedAsync(db);
        var force = db.Areas.Single();
        var spend = new Measure("Net revenue expenditure", "£m", MeasureKind.Money, BetterDirection.Neither, "", "Test");
        db.Measures.Add(spend);
        foreach (var (year, value) in new[] { (2019, 290.5m), (2020, 300m), (2021, 310.25m), (2022, 320m), (2023, 345m) })
        {
            db.Observations.Add(new Observation(spend, force, PeriodKind.FinancialYear, new FinancialYear(year).FirstMonth, value));
        }

        await db.SaveChangesAsync();
        await using (var other = store.Open())
        {
            var next = new Plan("Plan 2024-2027", new FinancialYear(2024), new FinancialYear(2026));
            next.AddPriority("Safer streets", "cut street crime");
            next.AddPriority("Victims first", "");
            other.Plans.Add(next);
            await other.SaveChangesAsync();
        }

        var report = await ClosureReport.BuildAsync(db, Closing, ReportVersion.Full, "Plan 2021-2024");

        var headings = report.AllBlocks().OfType<ReportHeading>().Where(h => h.Level == 1).Select(h => h.Text).ToList();
        Assert.Equal(["1. Foreword", "2. Executive Summary", "3. Financial Overview", "4. Safer homes", "5. Plan 2024-2027", "Appendix 1. The Priorities and 'We Wills'"], headings);
        var budget = report.AllBlocks().OfType<ReportTable>().Single(t => t.Caption.StartsWith("Table 3 (i): Net revenue expenditure by financial year", StringComparison.Ordinal));
        Assert.Equal(
            [["2020/21 (baseline)", "£300m", "–", "–"], ["2021/22", "£310.3m", "+£10.3m", "+3.4%"], ["2022/23", "£320m", "+£20m", "+6.7%"], ["2023/24", "£345m", "+£45m", "+15.0%"]],
            budget.Rows.Select(r => r.Cells.Select(c => c.Text).ToArray()).ToArray());
        Assert.Contains("3.2. Net revenue expenditure went from £300m in 2020/21, the financial year before the plan began, to £345m in 2023/24: +£45m (+15.0%) on the baseline (table 3 (i)).", Paragraphs(report));
        Assert.Contains("5.1. The Plan 2024-2027 follows this plan, covering 2024/25 to 2026/27. Its 2 priorities:", Paragraphs(report));
        Assert.Equal(["1. Safer streets: to cut street crime.", "2. Victims first"], report.AllBlocks().OfType<ReportBulletList>().First().Items);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_AnalystsText_ForewordReplacesTheGeneratedOne_SummaryPrecedesTheFigures(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            await SeedAsync(db);
            await ClosureReportTexts.SetAsync(db, "Plan 2021-2024", "The public asked for more visible policing.\n\nThis plan answered.", "Most commitments were delivered.", "A. Analyst", Now);
        }

        await using var check = store.Open();
        var report = await ClosureReport.BuildAsync(check, Closing, ReportVersion.Full, "Plan 2021-2024");

        var paragraphs = Paragraphs(report).ToList();
        Assert.Contains("1.1. The public asked for more visible policing.", paragraphs);
        Assert.Contains("1.2. This plan answered.", paragraphs);
        Assert.DoesNotContain(paragraphs, p => p.Contains("This report closes the Plan 2021-2024", StringComparison.Ordinal));
        Assert.Contains("2.1. Most commitments were delivered.", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("2.2. Baseline: 2020/21, the financial year before the plan began.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task SetAsync_MarkingInTheSummary_RefusedWithWhereItIs_NothingSaved(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        int planId;
        await using (var db = store.Open())
        {
            planId = (await SeedAsync(db)).Id;
            await ClosureReportTexts.SetAsync(db, "Plan 2021-2024", "First foreword.", null, "A. Analyst", Now);
        }

        await using (var db = store.Open())
        {
            var ex = await Assert.ThrowsAsync<DomainException>(() => ClosureReportTexts.SetAsync(
                db, "Plan 2021-2024", "Second foreword.", "All went well.\n\n[Official - Sensitive] the operation's name", "A. Analyst", Now));
            Assert.Equal(
                "The executive summary contains the marking \"Official - Sensitive\" on line 3. OFFICIAL text cannot carry a marking: move that text into the OFFICIAL-SENSITIVE part and delete the marking.",
                ex.Message);
        }

        await using var check = store.Open();
        var text = await ClosureReportTexts.ForPlanAsync(check, planId);
        Assert.Equal(("First foreword.", ""), (text!.Foreword, text.Summary));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task SetAsync_EmptyTextClears_NullLeavesAsItIs(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        var plan = await SeedAsync(db);
        await ClosureReportTexts.SetAsync(db, "Plan 2021-2024", "Foreword.", "Summary.", "A. Analyst", Now);

        await ClosureReportTexts.SetAsync(db, "Plan 2021-2024", "", null, "B. Analyst", Now.AddDays(1));

        await using var check = store.Open();
        var text = await ClosureReportTexts.ForPlanAsync(check, plan.Id);
        Assert.Equal(("", "Summary.", "B. Analyst", Now.AddDays(1)), (text!.Foreword, text.Summary, text.UpdatedBy, text.UpdatedAt));
    }
}
