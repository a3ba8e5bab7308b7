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
/// The closure report of a plan (layout of seed 001): contents, an introduction, one chapter per priority with its
/// long-run financial-year figures (table and chart, with the change from the first to the last year) and the narrative
/// drawn from approved updates, then Appendix 1 listing every priority and We Will with its outcome bullets. The public
/// version draws on the updates' OFFICIAL commentary only; the full version adds their OFFICIAL-SENSITIVE part, labelled.
/// </summary>
public static class ClosureReport
{
    /// <summary>Builds <paramref name="version"/> of the closure report of the plan covering <paramref name="period"/>, using updates up to that period.</summary>
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
        return Build(plan, period, updates, await SeriesAsync(db, plan, period, cancellationToken), version);
    }

    /// <summary>
    /// The long-run financial-year series of each priority (by number): the measures its title brings
    /// (its linked measures, <see cref="ReportMeasures.ForPrioritiesAsync"/>) for the force, complete financial years up to the one holding
    /// <paramref name="period"/>. Counts are summed over the year; headcounts are the year's last month.
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
                    list.Add(new FinancialYearSeries(measure.Name, values) { Unit = $"{measure.Unit} at the end of March" });
                }
            }

            result[number] = list;
        }

        return result;
    }

    /// <summary>
    /// Builds <paramref name="version"/> of the report from the plan, its approved updates (any other state is ignored)
    /// and the long-run series of each priority (by number). The updates' OFFICIAL-SENSITIVE part is read only for the full version.
    /// </summary>
    public static ReportDocument Build(Plan plan, FinancialQuarter period, IReadOnlyList<QuarterlyUpdate> approved, IReadOnlyDictionary<int, IReadOnlyList<FinancialYearSeries>> series, ReportVersion version)
    {
        approved = approved.Where(u => u.State == UpdateState.Approved).ToList();
        var full = version == ReportVersion.Full;
        var holdsSensitive = false;
        var title = $"{plan.Title} Closure Report";
        var blocks = new List<ReportBlock>
        {
            new ReportParagraph(title, ParagraphStyle.Title),
            new ReportParagraph($"Covering {plan.FirstYear} to {plan.LastYear}; quarterly updates to {period} ({period.DataToLabel.ToLowerInvariant()})."),
            new ReportContents([]),
            new ReportHeading(1, "1. Introduction", NewPage: true),
            new ReportParagraph($"1.1. This report closes the {plan.Title}. It sets out, priority by priority, how the long-run figures moved over the life of the plan and what was delivered against each of the plan's {plan.Commitments.Count()} 'We Will' commitments."),
            new ReportParagraph("1.2. Figures are financial years (April to March). Changes are given from the first to the last year shown, in per cent rounded to whole numbers."),
        };

        var chapter = 1;
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

            var figures = series.TryGetValue(priority.Number, out var list) ? list : [];
            if (figures.Count == 0)
            {
                blocks.Add(new ReportParagraph($"No financial-year series for this priority are in the store, so its long-run figures are not shown.", ParagraphStyle.Notice));
            }

            var figure = 0;
            foreach (var measure in figures.Where(f => f.Values.Count >= 2))
            {
                var roman = Roman(++figure);
                var (firstYear, firstValue) = measure.Values[0];
                var (lastYear, lastValue) = measure.Values[^1];
                var change = firstValue == 0 ? 0 : Math.Round(100m * (lastValue - firstValue) / firstValue, 0, MidpointRounding.AwayFromZero);
                var words = lastValue == firstValue ? "no change" : lastValue > firstValue ? $"an increase of {Math.Abs(change):0} per cent" : $"a reduction of {Math.Abs(change):0} per cent";
                blocks.Add(new ReportParagraph($"{Next()} {measure.Measure} went from {Show(firstValue)} in {firstYear} to {Show(lastValue)} in {lastYear}, {words} (figure {c} ({roman}))."));
                blocks.Add(new ReportChart(ChartKind.Bar, $"Figure {c} ({roman}): {measure.Measure} by financial year",
                    $"Bar chart of {measure.Measure.ToLowerInvariant()} by financial year from {firstYear} ({Show(firstValue)}) to {lastYear} ({Show(lastValue)}).",
                    measure.Values.Select(v => v.Year.ToString()).ToList(),
                    [new ChartSeries(measure.Measure, measure.Values.Select(v => (double?)v.Value).ToList())])
                {
                    ValueAxisTitle = Capital(measure.Unit),
                });
                if (measure.Changes is { } changes)
                {
                    blocks.Add(new ReportTable($"Figure {c} ({roman}) data: {measure.Measure} by financial year, each year against the year before",
                        ["Financial year", Capital(string.IsNullOrWhiteSpace(measure.Unit) ? "Total" : measure.Unit), "Change on the year before", "Change (%)", "Significance (Poisson test, 95%)"],
                        measure.Values.Select((v, i) => changes.ElementAtOrDefault(i) is { } k
                            ? ReportRow.Of(v.Year.ToString(), Show(v.Value), Figures.Difference(k.Difference), Figures.SignedPercent(k.PercentChange), Capital(k.Verdict))
                            : ReportRow.Of(v.Year.ToString(), Show(v.Value), "–", "–", "–")).ToList())
                    {
                        RowHeaders = true,
                        NumericColumns = new HashSet<int> { 1, 2, 3 },
                        Widths = [16, 16, 18, 14, 36],
                    });
                }
            }

            var narrative = priority.Commitments
                .SelectMany(cm => Latest(approved, cm).SelectMany(u => FirstParagraph(u.Commentary)))
                .Distinct(StringComparer.Ordinal)
                .Take(4)
                .ToList();
            var sensitiveNarrative = full
                ? priority.Commitments.SelectMany(cm => Latest(approved, cm).SelectMany(u => FirstParagraph(u.SensitiveCommentary))).Distinct(StringComparer.Ordinal).Take(4).ToList()
                : [];
            if (narrative.Count == 0 && sensitiveNarrative.Count == 0)
            {
                blocks.Add(new ReportParagraph("No approved update gives a narrative for this priority.", ParagraphStyle.Notice));
            }

            foreach (var text in narrative)
            {
                blocks.Add(new ReportParagraph($"{Next()} {text}"));
            }

            if (sensitiveNarrative.Count > 0)
            {
                holdsSensitive = true;
                blocks.Add(SensitivePart.Label());
                blocks.AddRange(sensitiveNarrative.Select(text => new ReportParagraph($"{Next()} {text}")));
            }
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

    private static IEnumerable<string> FirstParagraph(Commentary commentary) =>
        commentary.Blocks.Where(b => b.Kind == CommentaryBlockKind.Paragraph).Take(1).Select(b => b.Text);

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
