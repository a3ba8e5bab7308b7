using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Plans;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Domain.Reports;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Reports;

/// <summary>
/// The closure report of a plan (layout of seed 001): contents, a foreword and an executive summary (the analysts' text
/// from <see cref="ClosureReportTexts"/> with a summary generated from the figures), a financial overview from the
/// store's money measures (left out when it holds none), one chapter per priority comparing each year of the plan with
/// its baseline (the financial year before the plan began) with quotes from the closing quarter's approved updates, the
/// next plan's priorities (left out when the store holds no later plan), then Appendix 1 listing every priority and
/// We Will with its outcome bullets. The public version draws on the updates' OFFICIAL commentary only; the full
/// version adds their OFFICIAL-SENSITIVE part, labelled.
/// </summary>
public static class ClosureReport
{
    /// <summary>Builds <paramref name="version"/> of the closure report of the plan covering <paramref name="period"/> (its closing quarter), using updates up to that period.</summary>
    /// <exception cref="DomainException">No plan covers the period.</exception>
    public static async Task<ReportDocument> BuildAsync(ScrutineerDb db, FinancialQuarter period, ReportVersion version, string? planTitle = null, CancellationToken cancellationToken = default)
    {
        var plan = string.IsNullOrWhiteSpace(planTitle)
            ? await PlanLoader.CoveringAsync(db, period, cancellationToken)
            : await PlanLoader.LoadAsync(db, planTitle, cancellationToken);
        plan = await PlanLoader.LoadAsync(db, plan.Title, cancellationToken);
        var rounds = await db.Rounds.Where(r => r.PlanId == plan.Id).ToListAsync(cancellationToken);
        var roundIds = rounds.Where(r => r.Period <= period).Select(r => r.Id).ToList();
        var updates = await db.Updates.Where(u => roundIds.Contains(u.RoundId) && u.State == UpdateState.Approved)
            .Include(u => u.Round).Include(u => u.Unit)
            .ToListAsync(cancellationToken);
        var next = await db.Plans.AsNoTracking().Where(p => p.FirstYear > plan.LastYear).OrderBy(p => p.FirstYear).ThenBy(p => p.Id)
            .Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
        var chapters = new ClosureReportChapters
        {
            Text = await ClosureReportTexts.ForPlanAsync(db, plan.Id, cancellationToken),
            Budgets = await BudgetsAsync(db, period, cancellationToken),
            NextPlan = next is null ? null : await PlanLoader.LoadAsync(db, next, cancellationToken),
        };
        return Build(plan, period, updates, await SeriesAsync(db, plan, period, cancellationToken), version, chapters);
    }

    /// <summary>
    /// The long-run financial-year series of each priority (by number): its linked measures
    /// (<see cref="ReportMeasures.ForPrioritiesAsync"/>) for the force, complete financial years up to the one holding
    /// <paramref name="period"/>. Counts are summed over the year, exactly as <c>scrutineer insights years</c> sums them;
    /// headcounts are the year's last month. Held (provisional) months are never read, so a year holding one is incomplete.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<FinancialYearSeries>>> SeriesAsync(ScrutineerDb db, Plan plan, FinancialQuarter period, CancellationToken cancellationToken = default)
    {
        var links = await ReportMeasures.ForPrioritiesAsync(db, plan.Priorities.Select(p => p.Id).ToList(), cancellationToken);
        var wanted = plan.Priorities.ToDictionary(p => p.Number, p => links.GetValueOrDefault(p.Id) ?? []);
        var (_, loaded) = await ReportMeasures.LoadAsync(db, wanted.Values.SelectMany(v => v), null, period.Year.LastMonth, cancellationToken);
        var result = new Dictionary<int, IReadOnlyList<FinancialYearSeries>>();
        foreach (var (number, names) in wanted)
        {
            var list = new List<FinancialYearSeries>();
            foreach (var name in names.Where(loaded.ContainsKey))
            {
                var (measure, points) = loaded[name];
                var monthly = points.ToDictionary(p => p.Month, p => p.Value);
                if (measure.Kind == MeasureKind.Count)
                {
                    var totals = FinancialYearTotal.All(monthly.ToDictionary(p => p.Key, p => (long)p.Value)).Where(t => t.Complete).ToList();
                    var values = totals.Select(t => (t.Year, (decimal)t.Total)).ToList();
                    var changes = totals.Select((t, i) => i > 0 && totals[i - 1].Year == t.Year.Previous ? CountComparison.Of(totals[i - 1].Total, t.Total) : null).ToList();
                    list.Add(new FinancialYearSeries(measure.Name, values) { Unit = measure.Unit, Changes = changes });
                }
                else if (measure.Kind == MeasureKind.Headcount)
                {
                    var values = monthly.Where(p => p.Key.Month == 3).OrderBy(p => p.Key).Select(p => (p.Key.FinancialYear, p.Value)).ToList();
                    list.Add(new FinancialYearSeries(measure.Name, values) { Unit = $"{measure.Unit} at the end of March", Kind = MeasureKind.Headcount });
                }
            }

            result[number] = list;
        }

        return result;
    }

    /// <summary>
    /// The store's budget measures (kind <see cref="MeasureKind.Money"/>) for the force by financial year, up to the
    /// year holding <paramref name="period"/>: a yearly figure as given, else the sum of a year's four quarters or twelve
    /// months when all are present. Empty when the store holds none.
    /// </summary>
    public static async Task<IReadOnlyList<FinancialYearSeries>> BudgetsAsync(ScrutineerDb db, FinancialQuarter period, CancellationToken cancellationToken = default)
    {
        var measures = await db.Measures.AsNoTracking().Where(m => m.Kind == MeasureKind.Money).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var forces = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Force).Select(a => a.Id).ToListAsync(cancellationToken);
        if (measures.Count == 0 || forces.Count == 0)
        {
            return [];
        }

        var ids = measures.Select(m => m.Id).ToList();
        var to = period.Year.LastMonth;
        var rows = await db.Observations.AsNoTracking().Where(o => ids.Contains(o.MeasureId) && forces.Contains(o.AreaId) && o.Period <= to)
            .Select(o => new { o.MeasureId, o.AreaId, o.Kind, o.Period, o.Value }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var area = rows.GroupBy(r => r.AreaId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var result = new List<FinancialYearSeries>();
        foreach (var measure in measures)
        {
            var own = rows.Where(r => r.MeasureId == measure.Id && r.AreaId == area).ToList();
            var years = new SortedDictionary<FinancialYear, decimal>();
            foreach (var year in own.GroupBy(r => r.Period.FinancialYear))
            {
                var given = year.Where(r => r.Kind == PeriodKind.FinancialYear).ToList();
                var quarters = year.Where(r => r.Kind == PeriodKind.Quarter).ToList();
                var months = year.Where(r => r.Kind == PeriodKind.Month).ToList();
                if (given.Count == 1)
                {
                    years[year.Key] = given[0].Value;
                }
                else if (quarters.Select(r => r.Period).Distinct().Count() == 4)
                {
                    years[year.Key] = quarters.Sum(r => r.Value);
                }
                else if (months.Select(r => r.Period).Distinct().Count() == 12)
                {
                    years[year.Key] = months.Sum(r => r.Value);
                }
            }

            if (years.Count > 0)
            {
                result.Add(new FinancialYearSeries(measure.Name, years.Select(y => (y.Key, y.Value)).ToList()) { Unit = measure.Unit, Kind = MeasureKind.Money });
            }
        }

        return result;
    }

    /// <summary>
    /// Builds <paramref name="version"/> of the report from the plan, its approved updates (any other state is ignored),
    /// the long-run series of each priority (by number) and the optional chapters' content. <paramref name="period"/> is
    /// the closing quarter: the priorities' quotes come from its updates. The updates' OFFICIAL-SENSITIVE part is read only for the full version.
    /// </summary>
    public static ReportDocument Build(Plan plan, FinancialQuarter period, IReadOnlyList<QuarterlyUpdate> approved, IReadOnlyDictionary<int, IReadOnlyList<FinancialYearSeries>> series, ReportVersion version, ClosureReportChapters? chapters = null)
    {
        chapters ??= new ClosureReportChapters();
        approved = approved.Where(u => u.State == UpdateState.Approved).ToList();
        var full = version == ReportVersion.Full;
        var holdsSensitive = false;
        var title = $"{plan.Title} Closure Report";
        var baseline = plan.FirstYear.Previous;
        var lastYear = plan.LastYear < period.Year ? plan.LastYear : period.Year;
        var windows = series.ToDictionary(s => s.Key, s => (IReadOnlyList<FinancialYearSeries>)s.Value.Select(f => Window(f, baseline, lastYear)).ToList());
        var baselineLine = $"Baseline: {baseline}, the financial year before the plan began.";
        var blocks = new List<ReportBlock>
        {
            new ReportParagraph(title, ParagraphStyle.Title),
            new ReportParagraph($"Covering {plan.FirstYear} to {plan.LastYear}; quarterly updates to {period} ({period.DataToLabel.ToLowerInvariant()}). {baselineLine}"),
            new ReportContents([]),
        };

        var chapter = 0;
        var text = chapters.Text;

        // Foreword: the analysts' text replaces the generated one.
        chapter++;
        blocks.Add(new ReportHeading(1, $"{chapter}. Foreword", NewPage: true));
        var foreword = text is { Foreword.Length: > 0 } ? ClosureReportText.Paragraphs(text.Foreword) : GeneratedForeword(plan, baseline, lastYear);
        blocks.AddRange(foreword.Select((p, i) => new ReportParagraph($"{chapter}.{i + 1}. {p}")));

        // Executive summary: the analysts' text, then the summary of the figures.
        chapter++;
        blocks.Add(new ReportHeading(1, $"{chapter}. Executive Summary", NewPage: true));
        var summary = new List<string>();
        if (text is { Summary.Length: > 0 })
        {
            summary.AddRange(ClosureReportText.Paragraphs(text.Summary));
        }

        summary.AddRange(GeneratedSummary(plan, windows, baseline, lastYear));
        blocks.AddRange(summary.Select((p, i) => new ReportParagraph($"{chapter}.{i + 1}. {p}")));

        var budgets = chapters.Budgets.Select(b => Window(b, baseline, lastYear)).Where(b => b.Values.Count > 0).ToList();
        if (budgets.Count > 0)
        {
            chapter++;
            blocks.Add(new ReportHeading(1, $"{chapter}. Financial Overview", NewPage: true));
            blocks.AddRange(FinancialOverview(chapter, budgets, baseline, lastYear));
        }

        foreach (var priority in plan.Priorities)
        {
            chapter++;
            var c = chapter.ToString(CultureInfo.InvariantCulture);
            blocks.Add(new ReportHeading(1, $"{c}. {priority.Title}", NewPage: true));
            var paragraph = 0;
            string Next() => $"{c}.{++paragraph}.";
            if (!string.IsNullOrWhiteSpace(priority.Objective))
            {
                blocks.Add(new ReportParagraph($"{Next()} The objective of this priority was to {priority.Objective.TrimEnd('.')}."));
            }

            var figures = windows.TryGetValue(priority.Number, out var list) ? list : [];
            if (figures.Count == 0)
            {
                blocks.Add(new ReportParagraph("No measure linked to this priority has financial-year figures in the store, so its figures are not shown.", ParagraphStyle.Notice));
            }

            var figure = 0;
            foreach (var measure in figures)
            {
                if (measure.Values.Count == 0)
                {
                    blocks.Add(new ReportParagraph($"{measure.Measure}: the store holds no complete financial year from {baseline} to {lastYear}, so it is not shown.", ParagraphStyle.Notice));
                    continue;
                }

                var roman = Roman(++figure);
                blocks.Add(new ReportParagraph($"{Next()} {Sentence(measure, baseline, lastYear)} (figure {c} ({roman}))."));
                blocks.Add(new ReportChart(ChartKind.Bar, $"Figure {c} ({roman}): {measure.Measure} by financial year",
                    $"Bar chart of {measure.Measure.ToLowerInvariant()} by financial year from {measure.Values[0].Year} ({Show(measure.Values[0].Value)}) to {measure.Values[^1].Year} ({Show(measure.Values[^1].Value)}).",
                    measure.Values.Select(v => YearLabel(v.Year, baseline)).ToList(),
                    [new ChartSeries(measure.Measure, measure.Values.Select(v => (double?)v.Value).ToList())])
                {
                    ValueAxisTitle = Capital(measure.Unit),
                });
                blocks.Add(YearTable($"Figure {c} ({roman}) data: {measure.Measure} by financial year against the baseline ({baseline}, the year before the plan began)", measure, baseline));
                var missing = PlanYears(plan.FirstYear, lastYear).Where(y => measure.Values.All(v => v.Year != y)).ToList();
                if (missing.Count > 0)
                {
                    blocks.Add(new ReportParagraph($"Not shown: {string.Join(", ", missing)}, for which the store holds no complete year of {measure.Measure.ToLowerInvariant()} (a year with a missing or provisional month is left out).", ParagraphStyle.Small));
                }
            }

            // Quotes from the closing quarter's approved updates, each saying which quarter and unit it comes from.
            var closing = approved.Where(u => u.Round.Period == period).ToList();
            var quotes = priority.Commitments
                .SelectMany(cm => Latest(closing, cm).SelectMany(u => FirstParagraph(u.Commentary).Select(t => Quote(t, u))))
                .Distinct(StringComparer.Ordinal)
                .Take(4)
                .ToList();
            var sensitiveQuotes = full
                ? priority.Commitments.SelectMany(cm => Latest(closing, cm).SelectMany(u => FirstParagraph(u.SensitiveCommentary).Select(t => Quote(t, u)))).Distinct(StringComparer.Ordinal).Take(4).ToList()
                : [];
            blocks.Add(new ReportHeading(2, $"From the {period} updates"));
            if (quotes.Count == 0 && sensitiveQuotes.Count == 0)
            {
                blocks.Add(new ReportParagraph($"No approved {period} update gives a narrative for this priority.", ParagraphStyle.Notice));
            }

            foreach (var quote in quotes)
            {
                blocks.Add(new ReportParagraph($"{Next()} {quote}"));
            }

            if (sensitiveQuotes.Count > 0)
            {
                holdsSensitive = true;
                blocks.Add(SensitivePart.Label());
                blocks.AddRange(sensitiveQuotes.Select(quote => new ReportParagraph($"{Next()} {quote}")));
            }
        }

        if (chapters.NextPlan is { } nextPlan)
        {
            chapter++;
            blocks.Add(new ReportHeading(1, $"{chapter}. {nextPlan.Title}", NewPage: true));
            blocks.Add(new ReportParagraph($"{chapter}.1. The {nextPlan.Title} follows this plan, covering {nextPlan.FirstYear} to {nextPlan.LastYear}. Its {Count(nextPlan.Priorities.Count, "priority", "priorities")}:"));
            blocks.Add(new ReportBulletList(nextPlan.Priorities.Select(p => string.IsNullOrWhiteSpace(p.Objective)
                ? $"{p.Number}. {p.Title}"
                : $"{p.Number}. {p.Title}: to {p.Objective.TrimEnd('.')}.").ToList()));
        }

        blocks.Add(new ReportHeading(1, "Appendix 1. The Priorities and 'We Wills'", NewPage: true));
        foreach (var priority in plan.Priorities)
        {
            blocks.Add(new ReportHeading(2, $"{priority.Number}. {priority.Title}"));
            var rows = new List<ReportRow>();
            foreach (var commitment in priority.Commitments)
            {
                var bullets = Latest(approved, commitment).SelectMany(u => Bullets(u, u.Commentary)).ToList();
                var sensitiveBullets = full ? Latest(approved, commitment).SelectMany(u => Bullets(u, u.SensitiveCommentary)).ToList() : [];
                var outcome = new List<ReportBlock>();
                if (bullets.Count > 0)
                {
                    outcome.Add(new ReportBulletList(bullets));
                }

                if (sensitiveBullets.Count > 0)
                {
                    holdsSensitive = true;
                    outcome.Add(SensitivePart.Label());
                    outcome.Add(new ReportBulletList(sensitiveBullets));
                }

                if (outcome.Count == 0)
                {
                    outcome.Add(new ReportParagraph("No outcome recorded in an approved update.", ParagraphStyle.Notice));
                }

                var weWill = new List<ReportBlock> { new ReportParagraph(commitment.Text, ParagraphStyle.Strong) };
                if (commitment.SubPoints.Count > 0)
                {
                    weWill.Add(new ReportBulletList(commitment.SubPoints));
                }

                rows.Add(new ReportRow([new ReportCell(weWill), new ReportCell(outcome)]));
            }

            blocks.Add(new ReportTable($"Priority {priority.Number}: each We Will and its outcomes", ["We will", "Outcomes"], rows) { Widths = [40, 60] });
        }

        return new ReportDocument(title, SensitivePart.Marking(version, holdsSensitive, plan.Metadata.Classification), blocks);
    }

    /// <summary>The series cut to the baseline year and the plan's years up to <paramref name="lastYear"/>.</summary>
    private static FinancialYearSeries Window(FinancialYearSeries series, FinancialYear baseline, FinancialYear lastYear)
    {
        var keep = series.Values.Select((v, i) => (v, i)).Where(x => x.v.Year >= baseline && x.v.Year <= lastYear).ToList();
        return series with
        {
            Values = keep.Select(x => x.v).ToList(),
            Changes = series.Changes is { } changes ? keep.Select(x => changes.ElementAtOrDefault(x.i)).ToList() : null,
        };
    }

    private static IEnumerable<FinancialYear> PlanYears(FinancialYear first, FinancialYear last)
    {
        for (var year = first; year <= last; year = year.Next)
        {
            yield return year;
        }
    }

    private static IReadOnlyList<string> GeneratedForeword(Plan plan, FinancialYear baseline, FinancialYear lastYear)
    {
        var extended = plan.OriginalLastYear is { } original ? $" (extended from {original})" : "";
        return
        [
            $"This report closes the {plan.Title}, which ran from {plan.FirstYear} to {plan.LastYear}{extended}.",
            $"It sets out, priority by priority, how the figures of the measures linked to each priority moved from {baseline}, the financial year before the plan began, to {lastYear}, "
                + $"and what was delivered against each of the plan's {plan.Commitments.Count()} 'We Will' commitments, quoting the approved updates of its closing quarter.",
        ];
    }

    /// <summary>The executive summary generated from the figures: the baseline, how many linked measures fell or rose from it, and the significant changes named.</summary>
    private static IReadOnlyList<string> GeneratedSummary(Plan plan, IReadOnlyDictionary<int, IReadOnlyList<FinancialYearSeries>> windows, FinancialYear baseline, FinancialYear lastYear)
    {
        var result = new List<string>
        {
            $"Baseline: {baseline}, the financial year before the plan began. Each year of the plan is compared with it; figures are financial years (April to March) and changes in per cent are rounded to one decimal place.",
        };
        var compared = windows.Values.SelectMany(v => v)
            .GroupBy(s => s.Measure, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
            .Where(s => s.Values.Count >= 2 && s.Values[0].Year == baseline && s.Values[^1].Year == lastYear)
            .ToList();
        if (compared.Count == 0)
        {
            result.Add($"No measure linked to the plan's priorities has figures for both {baseline} and {lastYear}, so the plan's figures are not summarised against its baseline.");
        }
        else
        {
            var lower = compared.Count(s => s.Values[^1].Value < s.Values[0].Value);
            var higher = compared.Count(s => s.Values[^1].Value > s.Values[0].Value);
            var same = compared.Count - lower - higher;
            var parts = new List<string> { $"{Count(lower, "was", "were")} lower in {lastYear} than in {baseline}", $"{Count(higher, "was", "were")} higher" };
            if (same > 0)
            {
                parts.Add($"{Count(same, "was", "were")} the same");
            }

            result.Add($"Of the {Count(compared.Count, "measure", "measures")} linked to the plan's priorities with figures for both {baseline} and {lastYear}, {EnGb.List(parts)}.");
            var significant = compared.Where(s => s.Kind == MeasureKind.Count)
                .Select(s => (Series: s, Change: CountComparison.Of((long)s.Values[0].Value, (long)s.Values[^1].Value)))
                .Where(x => x.Change.Significant)
                .ToList();
            result.Add(significant.Count == 0
                ? $"None of the changes in counts from {baseline} to {lastYear} is statistically significant (Poisson test, 95%)."
                : $"Significant changes from {baseline} to {lastYear} (Poisson test, 95%): " + string.Join("; ", significant.Select(x =>
                    $"{x.Series.Measure}, {(x.Change.Difference < 0 ? "down" : "up")} from {Figures.Count(x.Change.Previous)} to {Figures.Count(x.Change.Latest)} ({Figures.SignedPercent(x.Change.PercentChange)})")) + ".");
        }

        result.Add($"The plan held {Count(plan.Commitments.Count(), "'We Will' commitment", "'We Will' commitments")} under {Count(plan.Priorities.Count, "priority", "priorities")}; Appendix 1 lists each with its outcomes.");
        return result;
    }

    private static IEnumerable<ReportBlock> FinancialOverview(int chapter, IReadOnlyList<FinancialYearSeries> budgets, FinancialYear baseline, FinancialYear lastYear)
    {
        var c = chapter.ToString(CultureInfo.InvariantCulture);
        var paragraph = 1;
        yield return new ReportParagraph($"{c}.{paragraph}. This chapter gives the force's budget figures by financial year from {baseline}, the financial year before the plan began, to {lastYear}, each year against {baseline}.");
        var figure = 0;
        foreach (var budget in budgets)
        {
            var roman = Roman(++figure);
            yield return new ReportParagraph($"{c}.{++paragraph}. {Sentence(budget, baseline, lastYear)} (table {c} ({roman})).");
            yield return YearTable($"Table {c} ({roman}): {budget.Measure} by financial year against the baseline ({baseline}, the year before the plan began)", budget, baseline);
        }
    }

    /// <summary>One sentence comparing the last year shown with the baseline, saying what it compares with.</summary>
    private static string Sentence(FinancialYearSeries series, FinancialYear baseline, FinancialYear lastYear)
    {
        var (firstYear, firstValue) = series.Values[0];
        var (endYear, endValue) = series.Values[^1];
        if (firstYear != baseline)
        {
            return $"{series.Measure}: the store holds no complete year of figures for {baseline}, the baseline year, so no change from the baseline is given; {endYear} stood at {Value(series, endValue)}";
        }

        if (series.Values.Count == 1)
        {
            return $"{series.Measure} stood at {Value(series, firstValue)} in {baseline}, the baseline year; the store holds no complete year of the plan up to {lastYear}";
        }

        var verdict = series.Kind == MeasureKind.Count ? $", {Article(CountComparison.Of((long)firstValue, (long)endValue).Verdict)}" : "";
        return $"{series.Measure} went from {Value(series, firstValue)} in {baseline}, the financial year before the plan began, to {Value(series, endValue)} in {endYear}: "
            + $"{Difference(series, endValue - firstValue)} ({Figures.SignedPercent(Figures.PercentChange(firstValue, endValue))}) on the baseline{verdict}";
    }

    /// <summary>The table of a series: the baseline year, then each year of the plan with its change from the baseline.</summary>
    private static ReportTable YearTable(string caption, FinancialYearSeries series, FinancialYear baseline)
    {
        var counts = series.Kind == MeasureKind.Count;
        var hasBaseline = series.Values[0].Year == baseline;
        var baseValue = series.Values[0].Value;
        var columns = new List<string> { "Financial year", Capital(string.IsNullOrWhiteSpace(series.Unit) ? "Total" : series.Unit), $"Change from {baseline}", $"Change from {baseline} (%)" };
        if (counts)
        {
            columns.Add("Significance (Poisson test, 95%)");
        }

        var rows = series.Values.Select(v =>
        {
            var cells = new List<string> { YearLabel(v.Year, baseline), Value(series, v.Value) };
            if (!hasBaseline || v.Year == baseline)
            {
                cells.AddRange(counts ? ["–", "–", "–"] : ["–", "–"]);
            }
            else
            {
                cells.Add(Difference(series, v.Value - baseValue));
                cells.Add(Figures.SignedPercent(Figures.PercentChange(baseValue, v.Value)));
                if (counts)
                {
                    cells.Add(Capital(CountComparison.Of((long)baseValue, (long)v.Value).Verdict));
                }
            }

            return ReportRow.Of([.. cells]);
        }).ToList();
        return new ReportTable(caption, columns, rows)
        {
            RowHeaders = true,
            NumericColumns = new HashSet<int> { 1, 2, 3 },
            Widths = counts ? [18, 16, 18, 14, 34] : [25, 25, 25, 25],
        };
    }

    private static string YearLabel(FinancialYear year, FinancialYear baseline) => year == baseline ? $"{year} (baseline)" : year.ToString();

    private static string Value(FinancialYearSeries series, decimal value) =>
        series.Kind == MeasureKind.Money && series.Unit.StartsWith('£') ? "£" + Show(value) + series.Unit[1..]
        : series.Kind == MeasureKind.Count ? Figures.Count((long)value)
        : Show(value);

    private static string Difference(FinancialYearSeries series, decimal difference)
    {
        if (series.Kind == MeasureKind.Count)
        {
            return Figures.Difference((long)difference);
        }

        var size = Value(series, Math.Abs(difference));
        return difference switch
        {
            > 0 => "+" + size,
            < 0 => Figures.Minus + size,
            _ => "0",
        };
    }

    private static string Quote(string text, QuarterlyUpdate update) => $"“{text}” ({update.Round.Period} update, {update.Unit.ShortName})";

    private static string Article(string verdict) => verdict.StartsWith("no ", StringComparison.Ordinal) ? verdict : "a " + verdict;

    private static string Count(int n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";


    /// <summary>The first paragraph of the commentary that says something: a unit's label line ("SCD Update:") is passed over.</summary>
    private static IEnumerable<string> FirstParagraph(Commentary commentary) =>
        commentary.Blocks.Where(b => b.Kind == CommentaryBlockKind.Paragraph && !b.Text.TrimEnd().EndsWith(':')).Take(1).Select(b => b.Text);

    private static IEnumerable<string> Bullets(QuarterlyUpdate update, Commentary commentary) =>
        commentary.Blocks.Where(b => b.Kind == CommentaryBlockKind.BulletList).SelectMany(b => b.Lines)
            .Select(line => $"{line} ({update.Unit.ShortName}, {update.Round.Period})");

    /// <summary>The latest approved update of each responsible unit for <paramref name="commitment"/>.</summary>
    private static IEnumerable<QuarterlyUpdate> Latest(IReadOnlyList<QuarterlyUpdate> approved, Commitment commitment) =>
        approved.Where(u => ReferenceEquals(u.Commitment, commitment) || (commitment.Id != 0 && u.CommitmentId == commitment.Id))
            .GroupBy(u => u.UnitId == 0 ? u.Unit.ShortName : u.UnitId.ToString(CultureInfo.InvariantCulture))
            .Select(g => g.OrderByDescending(u => u.Round.Period).First())
            .OrderBy(u => u.Unit.ShortName, StringComparer.Ordinal);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Show(decimal value) => value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.0", EnGb.Culture);

    private static string Roman(int n) => n switch
    {
        1 => "i", 2 => "ii", 3 => "iii", 4 => "iv", 5 => "v", 6 => "vi", 7 => "vii", 8 => "viii", 9 => "ix", 10 => "x",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
