using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Web.Performance;

namespace Scrutineer.Web.Pages.Insights;

/// <summary>
/// Insights for one measure and area (GET form): the rolling 12-month comparison across areas with verdicts, the last
/// 36 months as a bar chart and the SPC (XmR) chart, each with its data table.
/// </summary>
public sealed class IndexModel(ScrutineerDb db) : ScrutineerPageModel
{
    /// <summary>How many months the charts show, ending at the chosen month.</summary>
    public const int ChartMonths = 36;

    [BindProperty(SupportsGet = true)]
    public string? Measure { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public IReadOnlyList<string> Measures { get; private set; } = [];

    public IReadOnlyList<(string Name, AreaLevel Level)> Areas { get; private set; } = [];

    public ReportingMonth? Month { get; private set; }

    public IReadOnlyList<RollingComparisonRow> Rolling { get; private set; } = [];

    public string? RollingProblem { get; private set; }

    /// <summary>The areas left out of the rolling table for missing months, in words; null when none is.</summary>
    public string? RollingLeftOut { get; private set; }

    public MonthlySeries? Series { get; private set; }

    public SpcResult? Spc { get; private set; }

    public string? ChartProblem { get; private set; }

    /// <summary>The measure's values by quarter or financial year, when it is held that way rather than by month.</summary>
    public PeriodSeries? Periods { get; private set; }

    /// <summary>The force's harm-weighted totals under every index loaded, when the area is a force and an index is loaded.</summary>
    public HarmResult? Harm { get; private set; }

    /// <summary>Why the harm figures cannot be shown for the area (an index is loaded but the figures fall short).</summary>
    public string? HarmProblem { get; private set; }

    /// <summary>True when some harm index weighs the chosen measure itself (it is a crime type), so the harm shown is its own.</summary>
    public bool HarmOfMeasure => Harm?.Indexes.Any(i => i.Rows.Any(r => string.Equals(r.CrimeType, Measure, StringComparison.OrdinalIgnoreCase))) == true;

    /// <summary>
    /// The rows of one index that stand beside the chosen measure: the measure's own crime type when it is one an index
    /// weighs (none when this index does not), else every type the index weighs (the total).
    /// </summary>
    public IReadOnlyList<HarmRow> HarmRowsFor(HarmIndexResult index) => HarmOfMeasure
        ? index.Rows.Where(r => string.Equals(r.CrimeType, Measure, StringComparison.OrdinalIgnoreCase)).ToList()
        : index.Rows;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Measures = await db.Measures.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(ct);
        Areas = (await db.Areas.AsNoTracking().Select(a => new { a.Name, a.Level }).ToListAsync(ct))
            .OrderBy(a => a.Level == AreaLevel.Other ? 9 : (int)a.Level).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a => (a.Name, a.Level)).ToList();
        if (Measures.Count == 0)
        {
            return;
        }

        Measure = string.IsNullOrWhiteSpace(Measure) ? (Measures.Contains(PoliceUkImport.AllCrime) ? PoliceUkImport.AllCrime : Measures[0]) : Measure.Trim();
        Area = string.IsNullOrWhiteSpace(Area) ? await ForceArea.DefaultAsync(db, ct) ?? Areas.FirstOrDefault().Name : Area.Trim();
        if (!string.IsNullOrWhiteSpace(To))
        {
            if (ReportingMonth.TryParse(To.Trim(), out var chosen))
            {
                Month = chosen;
            }
            else
            {
                ModelState.AddModelError(nameof(To), $"Enter the last month as YYYY-MM, for example 2024-03; '{To}' is not a month.");
                return;
            }
        }

        Month ??= await LatestMonth.ConfirmedAsync(db, ct);
        var queries = new PerformanceQueries(db);
        var kind = await db.Measures.AsNoTracking().Where(m => m.Name == Measure).Select(m => (MeasureKind?)m.Kind).FirstOrDefaultAsync(ct);
        if (kind is { } k && k != MeasureKind.Count)
        {
            RollingProblem = $"Rolling 12-month totals add up counts of events; {Measure} is {KindWords(k)}, so it is not added up: its values are shown below as they are held.";
        }
        else if (Month is { } to)
        {
            try
            {
                var rolling = await queries.Rolling12Async(to, Measure, null, ct);
                Rolling = rolling.Rows;
                RollingLeftOut = rolling.LeftOutText;
            }
            catch (DomainException ex)
            {
                RollingProblem = ex.Message;
            }
        }

        // Harm weighs counts of crimes: it stands beside a count measure of a force, never beside a rate or a survey.
        if (Month is { } last && (kind is null or MeasureKind.Count) && Areas.Any(a => a.Name == Area && a.Level == AreaLevel.Force) && await db.HarmIndexes.AnyAsync(ct))
        {
            try
            {
                Harm = await HarmTotals.ForAsync(db, Area!, last, ct);
            }
            catch (DomainException ex)
            {
                HarmProblem = ex.Message;
            }
        }

        try
        {
            var series = await queries.MonthlySeriesAsync(Measure, Area!, Month?.Plus(-(ChartMonths - 1)), Month, ct);
            if (series.Points.Count == 0)
            {
                Periods = await queries.PeriodSeriesAsync(Measure, Area!, cancellationToken: ct);
                if (Periods is null)
                {
                    ChartProblem = $"There is no data for {Measure} in {Area}.";
                }

                return;
            }

            Series = series;
            Spc = series.Points.Count >= 2 ? await queries.SpcAsync(Measure, Area!, series.Points[0].Month, series.Points[^1].Month, cancellationToken: ct) : null;
        }
        catch (DomainException ex)
        {
            ChartProblem = ex.Message;
        }
    }

    /// <summary>What kind of values a measure has, in words: "a headcount at a date".</summary>
    private static string KindWords(MeasureKind kind) => kind switch
    {
        MeasureKind.Count => "a count",
        MeasureKind.Rate => "a rate",
        MeasureKind.Percentage => "a percentage",
        MeasureKind.Duration => "a duration",
        MeasureKind.Money => "an amount of money",
        MeasureKind.Headcount => "a headcount at a date",
    };
}
