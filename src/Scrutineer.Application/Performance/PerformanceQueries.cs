using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Performance;

/// <summary>
/// Insights over stored observations: rolling 12-month comparisons with a verdict, monthly series, financial-year
/// totals, quarter comparisons, monthly tables by area and XmR charts. Plain methods returning plain records, for the
/// CLI, the web pages and the scrutiny reports (see docs/performance-data.md).
/// </summary>
public sealed class PerformanceQueries(ScrutineerDb db)
{
    /// <summary>
    /// The 12 months to <paramref name="to"/> against the 12 before, for every count measure × area with data for all 24
    /// months (or only the measure / area named), ordered by measure, then area level and name; with those left out for
    /// lacking some of the months.
    /// </summary>
    /// <exception cref="DomainException">An unknown measure or area; a named measure and area lacking some of the 24 months; nothing with 24 months of data.</exception>
    public async Task<RollingComparisons> Rolling12Async(ReportingMonth to, string? measure = null, string? area = null, CancellationToken cancellationToken = default)
    {
        var measureFilter = measure is null ? null : await FindMeasureAsync(measure, cancellationToken);
        var areaFilter = area is null ? null : await FindAreaAsync(area, cancellationToken);
        var from = to.Plus(-23);
        var query = db.Observations.AsNoTracking()
            .Where(o => o.Kind == PeriodKind.Month && o.Period >= from && o.Period <= to && o.Measure.Kind == MeasureKind.Count);
        if (measureFilter is not null)
        {
            query = query.Where(o => o.MeasureId == measureFilter.Id);
        }

        if (areaFilter is not null)
        {
            query = query.Where(o => o.AreaId == areaFilter.Id);
        }

        var rows = await query.Select(o => new { o.MeasureId, o.AreaId, o.Period, o.Value }).ToListAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken);
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, cancellationToken);

        var result = new List<RollingComparisonRow>();
        var incomplete = new List<RollingLeftOut>();
        var wanted = Enumerable.Range(0, 24).Select(from.Plus).ToList();
        foreach (var group in rows.GroupBy(r => (r.MeasureId, r.AreaId)))
        {
            var monthly = group.ToDictionary(r => r.Period, r => (long)r.Value);
            if (monthly.Count < 24)
            {
                incomplete.Add(new RollingLeftOut(measures[group.Key.MeasureId].Name, areas[group.Key.AreaId].Name,
                    RollingTwelveMonths.Describe(wanted.Where(w => !monthly.ContainsKey(w)).ToList())));
                if (measureFilter is not null && areaFilter is not null)
                {
                    RollingTwelveMonths.Compute(monthly, to); // throws, naming the missing months
                }

                continue;
            }

            var m = measures[group.Key.MeasureId];
            var a = areas[group.Key.AreaId];
            result.Add(new RollingComparisonRow(m.Name, a.Name, a.Level, m.Better, RollingTwelveMonths.Compute(monthly, to)));
        }

        if (result.Count == 0)
        {
            var months = await db.Observations.Where(o => o.Kind == PeriodKind.Month).Select(o => o.Period).Distinct().ToListAsync(cancellationToken);
            throw new DomainException(
                $"Nothing has data for all 24 months from {from} to {to}{(incomplete.Count > 0 ? $" ({incomplete.Count} measure/area pairs have some of them)" : "")}. "
                + (months.Count == 0 ? "The store holds no monthly data: import some first." : $"The store holds months {Ranges(months)}."));
        }

        return new RollingComparisons(result.OrderBy(r => r.Measure == PoliceUkImport.AllCrime ? 0 : 1).ThenBy(r => r.Measure, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Level).ThenBy(r => r.Area, StringComparer.OrdinalIgnoreCase).ToList(), incomplete);
    }

    /// <summary>The monthly values of a measure for an area, from <paramref name="from"/> to <paramref name="to"/> inclusive (either may be open).</summary>
    /// <exception cref="DomainException">An unknown measure or area.</exception>
    public async Task<MonthlySeries> MonthlySeriesAsync(string measure, string area, ReportingMonth? from = null, ReportingMonth? to = null, CancellationToken cancellationToken = default)
    {
        var m = await FindMeasureAsync(measure, cancellationToken);
        var a = await FindAreaAsync(area, cancellationToken);
        var query = db.Observations.AsNoTracking().Where(o => o.MeasureId == m.Id && o.AreaId == a.Id && o.Kind == PeriodKind.Month);
        if (from is { } f)
        {
            query = query.Where(o => o.Period >= f);
        }

        if (to is { } t)
        {
            query = query.Where(o => o.Period <= t);
        }

        var points = await query.Select(o => new MonthlyValue(o.Period, o.Value, o.Numerator, o.Denominator)).ToListAsync(cancellationToken);
        return new MonthlySeries(m, a.Name, points.OrderBy(p => p.Month).ToList());
    }

    /// <summary>
    /// A measure that is held by quarter or by financial year (a survey, a headcount at 31 March), for an area: the
    /// last <paramref name="periods"/> values up to <paramref name="to"/> (default: the latest), each beside the same
    /// period a year before. Quarterly values are preferred when the measure has both. Null when it has neither.
    /// </summary>
    /// <exception cref="DomainException">An unknown measure or area.</exception>
    public async Task<PeriodSeries?> PeriodSeriesAsync(string measure, string area, ReportingMonth? to = null, int periods = 12, CancellationToken cancellationToken = default)
    {
        var m = await FindMeasureAsync(measure, cancellationToken);
        var a = await FindAreaAsync(area, cancellationToken);
        var held = await db.Observations.AsNoTracking()
            .Where(o => o.MeasureId == m.Id && o.AreaId == a.Id && o.Kind != PeriodKind.Month)
            .Select(o => new { o.Kind, o.Period, o.Value }).ToListAsync(cancellationToken);
        if (held.Count == 0)
        {
            return null;
        }

        var kind = held.Any(o => o.Kind == PeriodKind.Quarter) ? PeriodKind.Quarter : PeriodKind.FinancialYear;
        var values = held.Where(o => o.Kind == kind).ToDictionary(o => o.Period, o => o.Value);
        var points = values.Keys.Where(p => to is not { } last || p <= last).OrderBy(p => p).TakeLast(periods)
            .Select(p => new PeriodValue(p, kind == PeriodKind.Quarter ? p.FinancialQuarter.ToString() : p.FinancialYear.ToString(), values[p],
                values.TryGetValue(p.Plus(-12), out var before) ? before : null))
            .ToList();
        return new PeriodSeries(m, a.Name, kind, points);
    }

    /// <summary>An XmR chart of a measure's monthly values for an area.</summary>
    /// <param name="measure">The measure's name.</param>
    /// <param name="area">The area's name.</param>
    /// <param name="from">First month (default: the first with data).</param>
    /// <param name="to">Last month (default: the last with data).</param>
    /// <param name="baselinePoints">Fix the limits on the first N points; null for all points.</param>
    /// <param name="target">A target for the assurance verdict.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="DomainException">Unknown measure or area; fewer than 2 months; a gap in the months.</exception>
    public async Task<SpcResult> SpcAsync(string measure, string area, ReportingMonth? from = null, ReportingMonth? to = null,
        int? baselinePoints = null, decimal? target = null, CancellationToken cancellationToken = default)
    {
        var series = await MonthlySeriesAsync(measure, area, from, to, cancellationToken);
        var chart = XmrChart.Build(series.Points.Select(p => (p.Month, p.Value)).ToList(), series.Measure.Better, target, baselinePoints);
        return new SpcResult(series.Measure.Name, series.Area, series.Measure.Unit, chart);
    }

    /// <summary>Financial-year totals of a count measure for an area, each complete year compared with the complete year before.</summary>
    /// <exception cref="DomainException">Unknown measure or area, a measure that is not a count, or no monthly data.</exception>
    public async Task<FinancialYearsResult> FinancialYearsAsync(string measure, string area, CancellationToken cancellationToken = default)
    {
        var series = await MonthlySeriesAsync(measure, area, cancellationToken: cancellationToken);
        if (series.Measure.Kind != MeasureKind.Count)
        {
            // Twelve monthly headcounts or rates do not add up to a year's figure.
            throw new DomainException($"{series.Measure.Name} is a {series.Measure.Kind} measure, not a count: financial-year totals add up counts only.");
        }

        if (series.Points.Count == 0)
        {
            throw new DomainException($"{series.Measure.Name} has no monthly data for {series.Area}.");
        }

        var monthly = series.Points.ToDictionary(p => p.Month, p => (long)p.Value);
        var totals = FinancialYearTotal.All(monthly);
        var rows = totals.Select(t =>
        {
            var previous = totals.FirstOrDefault(p => p.Year == t.Year.Previous);
            return new FinancialYearRow(t, t.Complete && previous is { Complete: true } ? CountComparison.Of(previous.Total, t.Total) : null);
        }).ToList();
        return new FinancialYearsResult(series.Measure.Name, series.Area, rows);
    }

    /// <summary>A quarter of a count measure for an area against the previous quarter and the same quarter last year.</summary>
    /// <exception cref="DomainException">Unknown measure or area; the quarter lacks months.</exception>
    public async Task<QuarterComparison> QuarterAsync(string measure, string area, FinancialQuarter quarter, CancellationToken cancellationToken = default)
    {
        var series = await MonthlySeriesAsync(measure, area, quarter.SameQuarterLastYear.FirstMonth, quarter.LastMonth, cancellationToken);
        return QuarterComparison.Compute(series.Points.ToDictionary(p => p.Month, p => (long)p.Value), quarter);
    }

    /// <summary>A measure by month for the areas named (or every area below <paramref name="parent"/>), like a report's table by LPA.</summary>
    /// <exception cref="DomainException">Unknown measure or area.</exception>
    public async Task<MonthlyTable> MonthlyTableAsync(string measure, string parent, ReportingMonth from, ReportingMonth to, CancellationToken cancellationToken = default)
    {
        var m = await FindMeasureAsync(measure, cancellationToken);
        var top = await FindAreaAsync(parent, cancellationToken);
        var children = await db.Areas.AsNoTracking().Where(a => a.ParentId == top.Id).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var ids = children.Select(c => c.Id).ToList();
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.MeasureId == m.Id && ids.Contains(o.AreaId) && o.Kind == PeriodKind.Month && o.Period >= from && o.Period <= to)
            .Select(o => new { o.AreaId, o.Period, o.Value }).ToListAsync(cancellationToken);
        return MonthlyTable.Build(children.Select(c => (c.Name,
            (IReadOnlyDictionary<ReportingMonth, decimal>)rows.Where(r => r.AreaId == c.Id).ToDictionary(r => r.Period, r => r.Value))), from, to);
    }

    /// <summary>The measure called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="DomainException">No such measure; the message suggests close names.</exception>
    public async Task<Measure> FindMeasureAsync(string name, CancellationToken cancellationToken = default)
    {
        var all = await db.Measures.AsNoTracking().ToListAsync(cancellationToken);
        return all.FirstOrDefault(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException($"No measure called '{name}'. {Suggest(all.Select(m => m.Name), name)}");
    }

    /// <summary>The area called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="DomainException">No such area; the message lists the areas.</exception>
    public async Task<Area> FindAreaAsync(string name, CancellationToken cancellationToken = default)
    {
        var all = await db.Areas.AsNoTracking().ToListAsync(cancellationToken);
        return all.FirstOrDefault(a => string.Equals(a.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException($"No area called '{name}'. {Suggest(all.Select(a => a.Name), name)}");
    }

    private static string Suggest(IEnumerable<string> names, string asked)
    {
        var list = names.Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count == 0)
        {
            return "The store has none yet: import some data first.";
        }

        var close = list.Where(n => n.Contains(asked.Trim(), StringComparison.OrdinalIgnoreCase) || asked.Contains(n, StringComparison.OrdinalIgnoreCase)).ToList();
        return close.Count > 0 ? $"Did you mean: {string.Join(", ", close.Take(8))}?" : $"Known: {string.Join(", ", list.Take(30))}{(list.Count > 30 ? ", …" : "")}.";
    }

    private static string Ranges(IEnumerable<ReportingMonth> months) => RollingTwelveMonths.Describe(months.Order().ToList());
}
