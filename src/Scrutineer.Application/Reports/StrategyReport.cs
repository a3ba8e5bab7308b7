using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Statistics;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>
/// The strategy scrutiny report (layout of seed 004): metadata block, sections 1.0–9.0, the delivery progress table
/// with its totals computed, and per strand the thematic lead, insights (rolling 12 months compared with the 12 before,
/// monthly bar chart, SPC chart where there are at least 20 months), delivery achieved and scheduled; 6.3 lists every
/// task at risk. The public version holds OFFICIAL text only; the full version adds, labelled in each strand's section,
/// the OFFICIAL-SENSITIVE notes of the strand's tasks.
/// </summary>
public static class StrategyReport
{
    /// <summary>Months needed before an SPC chart is drawn.</summary>
    public const int SpcMinimumMonths = 20;

    /// <summary>Months of data fetched for a strand's insights (the SPC chart's span).</summary>
    public const int SpcMonths = 36;

    /// <summary>Builds the report from the store: the strategy's delivery plans as at the period's last day, and the crime data to its last month.</summary>
    /// <param name="db">The store.</param>
    /// <param name="period">The quarter reported on.</param>
    /// <param name="now">Today, for "Date Paper was Written".</param>
    /// <param name="version">The version to build: only the full one holds the tasks' OFFICIAL-SENSITIVE notes.</param>
    /// <param name="strategyTitle">The strategy, when the store holds several (default: the one whose years cover the period).</param>
    /// <param name="cover">The cover details set for this report (default: none set, each printing its default).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="DomainException">The store holds no crime prevention strategy, or several and none covers the period.</exception>
    public static async Task<ReportDocument> BuildAsync(ScrutineerDb db, FinancialQuarter period, DateTimeOffset now, ReportVersion version, string? strategyTitle = null, StrategyReportCover? cover = null, CancellationToken cancellationToken = default) =>
        Build(await DataAsync(db, period, now, version, strategyTitle, cover, cancellationToken), version);

    /// <summary>Gathers the data of <paramref name="version"/> of the report from the store (see <see cref="BuildAsync"/>).</summary>
    /// <exception cref="DomainException">No strategy, or several and none covers the period.</exception>
    public static async Task<StrategyReportData> DataAsync(ScrutineerDb db, FinancialQuarter period, DateTimeOffset now, ReportVersion version, string? strategyTitle = null, StrategyReportCover? cover = null, CancellationToken cancellationToken = default)
    {
        cover ??= StrategyReportCover.None;
        var strategyId = await ChooseStrategyAsync(db, period, strategyTitle, cancellationToken);
        var strategy = await DeliveryStore.LoadAsync(db, strategyId, cancellationToken);
        var today = UkClock.DateOf(now);
        var asAt = period.DataTo;
        var overdueOn = today < asAt ? today : asAt;
        var progress = DeliveryProgress.ForStrategy(strategy, period, today);
        var atRisk = DeliveryProgress.AtRisk(strategy, period, today);
        var items = DeliveryProgress.DeliveryItems(strategy, period);
        var links = await ReportMeasures.ForStrandsAsync(db, strategy.Strands.Select(s => s.Id).ToList(), cancellationToken);
        var wanted = strategy.Strands.ToDictionary(s => s.Id, s => links.GetValueOrDefault(s.Id) ?? []);
        var (area, series) = await ReportMeasures.LoadAsync(db, wanted.Values.SelectMany(v => v), period.LastMonth.Plus(1 - SpcMonths), period.LastMonth, cancellationToken);
        var narratives = await StrandNarratives.ApprovedAsync(db, period, strategy.Strands.Select(s => s.Id).ToList(), cancellationToken);

        var strands = new List<StrandReport>();
        foreach (var strand in strategy.Strands)
        {
            var row = progress.Strands.Single(r => r.Position == strand.Position);
            var leads = strand.LeadsOn(asAt);
            var lead = leads.FirstOrDefault(l => l.Role == LeadRole.Thematic) ?? leads.FirstOrDefault(l => l.Role == LeadRole.Tactical) ?? leads.FirstOrDefault();
            var insights = wanted[strand.Id]
                .Where(name => series.ContainsKey(name) && series[name].Measure.Kind == MeasureKind.Count && series[name].Points.Count > 0)
                .Select(name => series[name])
                .Select(x => new StrandInsight(x.Measure.Name, x.Measure.Unit, x.Measure.Better, x.Points.Select(p => (p.Month, (long)p.Value)).ToList()))
                .ToList();
            var delivery = items.Single(i => i.Strand == strand.Title);
            strands.Add(new StrandReport(
                strand.Title,
                lead?.Person ?? "Not recorded",
                row.Complete,
                row.Ongoing - row.NotStarted,
                row.NotStarted,
                row.AtRisk,
                insights,
                Lines(delivery.Achieved),
                Lines(delivery.Scheduled),
                atRisk.Where(t => t.Strand == strand.Title)
                    .Select(t => new StrandRisk($"{t.Task} – {t.Text}", string.IsNullOrWhiteSpace(t.OwnerName ?? t.Owner) ? "No owner recorded" : (t.OwnerName ?? t.Owner),
                        t.Risk, string.IsNullOrWhiteSpace(t.Mitigation) ? "None recorded" : t.Mitigation!))
                    .ToList())
            {
                SensitiveNotes = version == ReportVersion.Full
                    ? strand.Plans.SelectMany(p => p.Tasks).Where(t => t.SensitiveNote is not null).Select(t => $"{t.Reference} – {t.SensitiveNote}").ToList()
                    : [],
                Narrative = narratives.GetValueOrDefault(strand.Id)?.Commentary ?? Commentary.Empty,
                SensitiveNarrative = version == ReportVersion.Full ? narratives.GetValueOrDefault(strand.Id)?.SensitiveCommentary ?? Commentary.Empty : Commentary.Empty,
            });
        }

        for (var k = 0; k < strands.Count; k++)
        {
            // The peer comparison needs the 12 months to the rolling figures' month only (or, with too few months for
            // them, to the latest month every measure holds), so it does not wait for 24 months.
            var held = strands[k].Insights.Where(i => i.Monthly.Count > 0).ToList();
            if (held.Count > 0)
            {
                var to = StrandFigures.Of(strands[k], period).To ?? held.Min(i => i.Monthly[^1].Month);
                strands[k] = strands[k] with
                {
                    Peers = await ReportPeerFigures.LoadAsync(db, area, held.Select(i => i.Measure), to, withHarm: false, cancellationToken),
                };
            }
        }

        var priorities = strategy.Strands.SelectMany(s => s.Plans).SelectMany(p => p.Tasks).SelectMany(t => t.Commitments)
            .Select(c => c.Priority).Distinct().OrderBy(p => p.Number)
            .Select(p => $"Priority {p.Number} – {p.Title}").ToList();
        var plans = await db.Plans.AsNoTracking().ToListAsync(cancellationToken);
        var plan = plans.Where(p => p.Covers(period)).OrderByDescending(p => p.FirstYear).FirstOrDefault();
        var meta = plan?.Metadata ?? DocumentMetadata.Default;
        var metadata = new ScrutinyPaperMetadata(
            $"Performance and Resources Scrutiny Programme {period.LastMonth.Plus(1).Year.ToString(CultureInfo.InvariantCulture)}",
            "the Office of the Police, Fire and Crime Commissioner",
            Classification.Official,
            cover.Agenda ?? "To be confirmed",
            string.IsNullOrWhiteSpace(meta.DocumentOwner) ? "To be confirmed" : meta.DocumentOwner,
            cover.Written ?? today,
            cover.Version ?? meta.Version,
            meta.AuthorUnit,
            cover.Meeting,
            string.IsNullOrWhiteSpace(meta.Author) ? meta.AuthorUnit : meta.Author,
            cover.Approved);
        return new StrategyReportData(StrategyName(strategy.Title), period, metadata, strands, priorities)
        {
            OverdueOn = overdueOn,
            Overdue = Overdue(strategy, overdueOn),
        };
    }

    /// <summary>
    /// Tasks due before <paramref name="on"/> (a "When" that names a day, month or season) and not complete on it; a
    /// recurring task, a review date or an "ongoing until" is never overdue.
    /// </summary>
    private static List<OverdueTask> Overdue(CrimePreventionStrategy strategy, DateOnly on) =>
        strategy.Strands.SelectMany(s => s.Plans.SelectMany(p => p.Tasks).Select(t => (Strand: s, Task: t)))
            .Where(x => x.Task.Due is { Kind: DueKind.Date or DueKind.Month or DueKind.Season, Date: { } due } && due < on)
            .Select(x => (x.Strand, x.Task, Status: x.Task.StatusOn(on)))
            .Where(x => x.Status is { } status && status != DeliveryTaskStatus.Complete)
            .Select(x => new OverdueTask(x.Strand.Title, $"{x.Task.Reference} – {x.Task.Text}", x.Task.Due.AsWritten, x.Task.Due.Date!.Value, StatusWords(x.Status!.Value)))
            .ToList();

    private static string StatusWords(DeliveryTaskStatus status) => status switch
    {
        DeliveryTaskStatus.NotStarted => "not started",
        DeliveryTaskStatus.Ongoing => "ongoing",
        DeliveryTaskStatus.AtRisk => "at risk",
        DeliveryTaskStatus.Complete => "complete",
    };

    /// <summary>Delivery lines in order, a line several tasks share printed once with their references.</summary>
    private static List<string> Lines(IReadOnlyList<DeliveryItem> items) =>
        items.GroupBy(i => i.Text.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ({string.Join(", ", g.Select(i => i.Task))})")
            .ToList();

    private static async Task<int> ChooseStrategyAsync(ScrutineerDb db, FinancialQuarter period, string? title, CancellationToken cancellationToken)
    {
        if (!await db.Strategies.AnyAsync(cancellationToken))
        {
            throw new DomainException($"The strategy report for {period} needs a crime prevention strategy with its delivery plans, and the store holds none: "
                + "import the delivery-plan workbooks first (scrutineer delivery import FILE --strategy NAME), or build the demo.");
        }

        return await DeliveryStore.FindStrategyAsync(db, title, period, cancellationToken);
    }

    /// <summary>"Crime Prevention Strategy 2021-2024" → "Crime Prevention Strategy": the report's title has no years.</summary>
    private static string StrategyName(string title)
    {
        var trimmed = System.Text.RegularExpressions.Regex.Replace(title, @"\s+\d{4}\s*[-–]\s*\d{2,4}$", "");
        return trimmed.Length > 0 ? trimmed : title;
    }

    /// <summary>Builds <paramref name="version"/> of the report from its data: the strands' sensitive notes are printed in the full version only.</summary>
    public static ReportDocument Build(StrategyReportData data, ReportVersion version)
    {
        var q = data.Period;
        var m = data.Metadata;
        var full = version == ReportVersion.Full;
        var classification = SensitivePart.Marking(version, full && data.Strands.Any(s => s.SensitiveNotes.Count > 0 || !s.SensitiveNarrative.IsEmpty), m.Classification);
        var title = $"{data.StrategyTitle} Report Q{q.Quarter}";
        var months = Months(q);
        var next = Months(q.Next);
        var strands = data.Strands;
        var atRisk = strands.Count(s => s.AtRisk > 0);
        var figures = strands.Select(s => StrandFigures.Of(s, q)).ToList();
        var appendix = new List<MonthlyTable>();
        var blocks = new List<ReportBlock>
        {
            new ReportParagraph(m.Programme, ParagraphStyle.Title),
            new ReportTable("About this paper", ["Field", "Value"],
            [
                ReportRow.Of("Report to:", m.ReportTo),
                ReportRow.Of("Title of Report:", title),
                ReportRow.Of("Classification of Paper:", classification.Marking()),
                ReportRow.Of("Agenda Number:", m.AgendaNumber),
                ReportRow.Of("Chief Officer:", m.ChiefOfficer),
                ReportRow.Of("Date Paper was Written:", Date(m.Written)),
                ReportRow.Of("Version Number:", m.Version),
                ReportRow.Of("Report from:", m.ReportFrom),
                ReportRow.Of("Date of Meeting:", m.Meeting is { } meeting ? Date(meeting) : "To be confirmed"),
                ReportRow.Of("Author on behalf of Chief Officer:", m.Author),
                ReportRow.Of("Date of Approval:", m.Approved is { } approved ? Date(approved) : "Awaiting approval"),
            ])
            {
                ShowHeader = false,
                RowHeaders = true,
                Widths = [40, 60],
            },
            new ReportContents([]),
            new ReportHeading(1, "1.0 Purpose of Report", NewPage: true),
            new ReportParagraph($"This report updates the board on progress of the {data.StrategyTitle} (the Strategy) for Q{q.Quarter} ({months})."),
            new ReportHeading(1, "2.0 Recommendations"),
            new ReportParagraph("There are no recommendations; the board is asked to note the report."),
            new ReportHeading(1, "3.0 Executive Summary"),
            new ReportParagraph($"The Strategy has {Words(strands.Count)} thematic strands, each with a force lead. Across them, {strands.Sum(s => s.Complete)} of {strands.Sum(s => s.Total)} delivery plan tasks are complete."),
        };
        blocks.AddRange(ByException(data, figures));
        blocks.Add(new ReportHeading(1, "4.0 Introduction/Background"));
        blocks.Add(new ReportParagraph($"This report gives a structured update on each of the {Words(strands.Count)} thematic strands:"));
        blocks.Add(new ReportBulletList(["Insights: data for the rolling 12 months", $"Delivery achieved {months}", $"Delivery scheduled {next}"]));
        blocks.Add(new ReportHeading(1, "5.0 Current Work and Performance"));
        blocks.Add(new ReportParagraph($"Delivery plan progress across the {strands.Count} thematic strands:"));
        blocks.Add(ProgressTable(strands));
        blocks.Add(new ReportParagraph("Thematic strand updates:", ParagraphStyle.Strong));

        for (var k = 0; k < strands.Count; k++)
        {
            var strand = strands[k];
            blocks.Add(new ReportHeading(2, $"5.{k + 1} {strand.Name}"));
            blocks.Add(new ReportParagraph("Thematic Lead: " + strand.ThematicLead, ParagraphStyle.Strong));
            blocks.AddRange(Narrative(strand, q, full));
            blocks.Add(new ReportParagraph("Insights:", ParagraphStyle.Strong));
            blocks.AddRange(Insights(strand, figures[k], q, appendix));
            blocks.AddRange(strand.Peers.Blocks(headingLevel: null));
            blocks.Add(new ReportParagraph($"Delivery achieved {months}:", ParagraphStyle.Strong));
            blocks.Add(strand.Achieved.Count > 0 ? new ReportBulletList(strand.Achieved) : new ReportParagraph("No delivery recorded as achieved this quarter.", ParagraphStyle.Notice));
            blocks.Add(new ReportParagraph($"Delivery scheduled {next}:", ParagraphStyle.Strong));
            blocks.Add(strand.Scheduled.Count > 0 ? new ReportBulletList(strand.Scheduled) : new ReportParagraph("No delivery scheduled for next quarter.", ParagraphStyle.Notice));
            if (full && strand.SensitiveNotes.Count > 0)
            {
                blocks.Add(SensitivePart.Label());
                blocks.Add(new ReportParagraph("Sensitive notes on the strand's delivery plan tasks:", ParagraphStyle.Strong));
                blocks.Add(new ReportBulletList(strand.SensitiveNotes));
            }
        }

        blocks.Add(new ReportHeading(1, "6.0 Implications (Issues)"));
        blocks.Add(new ReportParagraph($"{Capital(Words(atRisk))} strand{(atRisk == 1 ? "" : "s")} with tasks at risk across {Words(strands.Count)} thematic strands (see 6.2)."));
        blocks.Add(new ReportHeading(2, "6.1 Links to Police and Crime Plan Priorities"));
        blocks.Add(data.PlanPriorities.Count > 0
            ? new ReportBulletList(data.PlanPriorities)
            : new ReportParagraph("No Police and Crime Plan is in the store to link to.", ParagraphStyle.Notice));
        blocks.Add(new ReportHeading(2, "6.2 Risks/Mitigation"));
        var risks = strands.SelectMany(s => s.Risks.Select(r => (Strand: s.Name, Risk: r))).ToList();
        if (risks.Count == 0)
        {
            blocks.Add(new ReportParagraph("No delivery plan task is at risk."));
        }
        else
        {
            blocks.Add(new ReportParagraph($"There {(risks.Count == 1 ? "is one delivery plan task" : $"are {Words(risks.Count)} delivery plan tasks")} at risk across {Words(atRisk)} of the {Words(strands.Count)} thematic strands, and work is under way to mitigate {(risks.Count == 1 ? "it" : "each")}:"));
            blocks.Add(new ReportTable("Delivery plan tasks at risk, their owners and mitigation", ["Strand", "Task", "Owner", "Risk", "Mitigation"],
                risks.Select(r => ReportRow.Of(r.Strand, r.Risk.Task, r.Risk.Owner, r.Risk.Risk, r.Risk.Mitigation)).ToList())
            {
                Widths = [15, 25, 14, 22, 24],
            });
            blocks.Add(new ReportParagraph("If parts of the Strategy are not delivered, its aims may not be met; each strand lead reviews these tasks at the strand meeting until they are back on track."));
        }

        blocks.Add(new ReportHeading(1, "7.0 Consultation/Engagement"));
        blocks.Add(new ReportParagraph("Every thematic lead contributed to this report:"));
        blocks.Add(new ReportBulletList(strands.Select(s => $"{s.Name} – {s.ThematicLead}").ToList()));
        blocks.Add(new ReportHeading(1, "8.0 Future Work/Development and Expected Outcome"));
        blocks.Add(new ReportParagraph("Section 5 sets out the delivery scheduled for next quarter in each thematic strand."));
        if (appendix.Count > 0)
        {
            blocks.Add(new ReportHeading(1, "Appendix A Monthly figures behind the charts", NewPage: true));
            blocks.Add(new ReportParagraph("One row per financial year (April to March), one column per month; a dash marks a month outside the chart or not in the store."));
            blocks.AddRange(appendix.Select(t => t.Table));
        }

        return new ReportDocument(title, classification, blocks);
    }

    /// <summary>
    /// The narrative by exception, at the front of the report: tasks at risk, tasks overdue, and strand measures whose
    /// rolling 12 months changed significantly or whose latest month shows special-cause variation; one line when there is nothing.
    /// </summary>
    /// <summary>The lead's approved narrative for the quarter: its OFFICIAL part, then (full version only) its sensitive part, labelled.</summary>
    private static IEnumerable<ReportBlock> Narrative(StrandReport strand, FinancialQuarter q, bool full)
    {
        yield return new ReportParagraph($"Lead's narrative for Q{q.Quarter} ({Months(q)}):", ParagraphStyle.Strong);
        var sensitive = full ? strand.SensitiveNarrative : Commentary.Empty;
        if (strand.Narrative.IsEmpty && sensitive.IsEmpty)
        {
            yield return new ReportParagraph("No narrative approved for this quarter.", ParagraphStyle.Notice);
            yield break;
        }

        foreach (var block in strand.Narrative.Blocks)
        {
            yield return QuarterlyReport.Block(block);
        }

        if (!sensitive.IsEmpty)
        {
            yield return SensitivePart.Label();
            foreach (var block in sensitive.Blocks)
            {
                yield return QuarterlyReport.Block(block);
            }
        }
    }

    private static IEnumerable<ReportBlock> ByException(StrategyReportData data, IReadOnlyList<StrandFigures> figures)
    {
        var risks = data.Strands.SelectMany(s => s.Risks.Select(r => $"{s.Name}: {r.Task} ({r.Owner}). {r.Risk}")).ToList();
        var overdue = data.Overdue.Select(o => $"{o.Strand}: {o.Task}, due {o.Due} ({Date(o.DueOn)}), {o.Status}").ToList();
        var changes = new List<string>();
        for (var k = 0; k < data.Strands.Count; k++)
        {
            foreach (var r in figures[k].Rolling.Where(r => r.Rolling.Comparison.Significant))
            {
                var c = r.Rolling.Comparison;
                changes.Add($"{data.Strands[k].Name}: {r.Insight.Measure} {(c.Difference > 0 ? "rose" : "fell")} from {Figures.Count(c.Previous)} to {Figures.Count(c.Latest)} "
                    + $"({Figures.SignedPercent(c.PercentChange)}) in the 12 months to {r.Rolling.To.LongLabel} against the 12 months before: {c.Verdict}");
            }

            foreach (var (insight, chart, to) in figures[k].Spc.Where(x => x.Chart.LatestVariation != SpcVariation.CommonCause))
            {
                changes.Add($"{data.Strands[k].Name}: {insight.Measure} in {to.LongLabel} shows {VariationWords(chart.LatestVariation)} on its SPC chart");
            }
        }

        yield return new ReportParagraph("By exception:", ParagraphStyle.Strong);
        if (risks.Count + overdue.Count + changes.Count == 0)
        {
            yield return new ReportParagraph($"Nothing to report by exception: no delivery plan task is at risk or overdue on {Date(data.OverdueOn)}, and no strand measure changed significantly.");
            yield break;
        }

        if (risks.Count > 0)
        {
            yield return new ReportParagraph($"{Capital(Count(risks.Count, "task"))} at risk (mitigation in section 6.2):");
            yield return new ReportBulletList(risks);
        }

        if (overdue.Count > 0)
        {
            yield return new ReportParagraph($"{Capital(Count(overdue.Count, "task"))} past {(overdue.Count == 1 ? "its" : "their")} due date and not complete on {Date(data.OverdueOn)}:");
            yield return new ReportBulletList(overdue);
        }

        if (changes.Count > 0)
        {
            yield return new ReportParagraph($"{Capital(Count(changes.Count, "significant change"))} in the strands' measures:");
            yield return new ReportBulletList(changes);
        }
    }

    private static string Count(int n, string noun) => $"{Words(n)} {noun}{(n == 1 ? "" : "s")}";

    private static ReportTable ProgressTable(IReadOnlyList<StrandReport> strands)
    {
        var rows = strands.Select(s => ReportRow.Of(s.Name, N(s.Total), N(s.Complete), N(s.Ongoing), N(s.NotStarted), N(s.AtRisk))).ToList();
        rows.Add(ReportRow.Total("Total", N(strands.Sum(s => s.Total)), N(strands.Sum(s => s.Complete)), N(strands.Sum(s => s.Ongoing)), N(strands.Sum(s => s.NotStarted)), N(strands.Sum(s => s.AtRisk))));
        return new ReportTable("Delivery plan progress by thematic strand", ["Strand", "Total actions", "Complete", "Ongoing/In progress", "Not started", "At risk"], rows)
        {
            NumericColumns = new HashSet<int> { 1, 2, 3, 4, 5 },
            Widths = [30, 14, 14, 14, 14, 14],
        };
    }

    /// <summary>A strand's figures worked out once, for its insights and for the narrative by exception.</summary>
    private sealed record StrandFigures(
        IReadOnlyList<string> Notices,
        ReportingMonth? To,
        IReadOnlyList<(StrandInsight Insight, RollingTwelveMonths Rolling)> Rolling,
        IReadOnlyList<(StrandInsight Insight, XmrChart Chart, ReportingMonth To)> Spc)
    {
        public static StrandFigures Of(StrandReport strand, FinancialQuarter period)
        {
            var notices = new List<string>();
            var ready = new List<StrandInsight>();
            foreach (var insight in strand.Insights)
            {
                var run = ConsecutiveTail(insight.Monthly);
                if (run.Count >= 24)
                {
                    ready.Add(insight with { Monthly = run });
                }
                else
                {
                    notices.Add(insight.Monthly.Count == 0
                        ? $"No monthly {insight.Measure.ToLowerInvariant()} data is in the store, so there is no rolling comparison for it."
                        : $"Only {run.Count} consecutive months of {insight.Measure.ToLowerInvariant()} data to {insight.Monthly[^1].Month.LongLabel} are in the store; the rolling comparison needs 24.");
                }
            }

            if (ready.Count == 0)
            {
                return new StrandFigures(notices, null, [], []);
            }

            var to = ready.Min(i => i.Monthly[^1].Month);
            var rolling = ready.Select(i => (Insight: i, Rolling: RollingTwelveMonths.Compute(i.Monthly.ToDictionary(p => p.Month, p => p.Count), to))).ToList();
            var spc = new List<(StrandInsight, XmrChart, ReportingMonth)>();
            foreach (var insight in ready)
            {
                var points = insight.Monthly.Where(p => p.Month > to.Plus(-SpcMonths) && p.Month <= to).ToList();
                if (points.Count >= SpcMinimumMonths)
                {
                    spc.Add((insight, XmrChart.Build(points.Select(p => (p.Month, (decimal)p.Count)).ToList(), insight.Better), to));
                }
            }

            return new StrandFigures(notices, to, rolling, spc);
        }
    }

    /// <summary>A measure's monthly figures printed once in the appendix, one row per financial year.</summary>
    private sealed record MonthlyTable(string Measure, ReportTable Table);

    private static IEnumerable<ReportBlock> Insights(StrandReport strand, StrandFigures figures, FinancialQuarter period, List<MonthlyTable> appendix)
    {
        if (strand.Insights.Count == 0)
        {
            yield return new ReportParagraph($"No crime measure in the store is linked to {strand.Name}, so this strand has no data insights.", ParagraphStyle.Notice);
            yield break;
        }

        foreach (var notice in figures.Notices)
        {
            yield return new ReportParagraph(notice, ParagraphStyle.Notice);
        }

        if (figures.To is not { } to)
        {
            yield break;
        }

        if (to < period.LastMonth)
        {
            yield return new ReportParagraph($"The latest month with data is {to.LongLabel}: the store does not yet hold every month of {period} ({period.MonthsLabel}).", ParagraphStyle.Notice);
        }

        var results = figures.Rolling;
        yield return new ReportParagraph($"Data for 12 months to end of {to.LongLabel}, in comparison to the previous 12 months:");
        yield return new ReportTable($"{strand.Name}: the 12 months to {to.LongLabel} compared with the 12 months before",
            ["Offence type", $"12 Month ending {Header(to.Plus(-12))}", $"12 Month ending {Header(to)}", "Diff.", "% Diff.", "Significance (Poisson test, 95%)"],
            results.Select(r => ReportRow.Of(r.Insight.Measure, Figures.Count(r.Rolling.Previous), Figures.Count(r.Rolling.Latest),
                Figures.Difference(r.Rolling.Comparison.Difference), Figures.SignedPercent(r.Rolling.Comparison.PercentChange), Capital(r.Rolling.Comparison.Verdict))).ToList())
        {
            NumericColumns = new HashSet<int> { 1, 2, 3, 4 },
            RowHeaders = true,
            Widths = [22, 16, 16, 11, 11, 24],
        };
        foreach (var (insight, rolling) in results)
        {
            var c = rolling.Comparison;
            var change = c.Difference == 0
                ? $"stayed at {Figures.Count(c.Latest)}"
                : $"{(c.Difference > 0 ? "rose" : "fell")} from {Figures.Count(c.Previous)} to {Figures.Count(c.Latest)} ({Figures.SignedPercent(c.PercentChange)})";
            yield return new ReportParagraph($"{insight.Measure} {change} in the 12 months to {to.LongLabel} against the 12 months before: {c.Verdict}"
                + (c.Significant ? "." : ", so the difference is within what chance alone would give."));
        }

        foreach (var (insight, _) in results)
        {
            var table = appendix.FirstOrDefault(t => t.Measure == insight.Measure)
                ?? AddMonthly(appendix, insight, insight.Monthly.Where(p => p.Month > to.Plus(-SpcMonths) && p.Month <= to).ToList());
            var where = $"Appendix A, table {table.Table.Caption[..table.Table.Caption.IndexOf(' ', StringComparison.Ordinal)]}";
            var bars = insight.Monthly.Where(p => p.Month > to.Plus(-24) && p.Month <= to).ToList();
            var unit = string.IsNullOrWhiteSpace(insight.Unit) ? "recorded" : insight.Unit;
            var measureLower = insight.Measure.ToLowerInvariant();
            var lowest = bars.MinBy(x => x.Count);
            var highest = bars.MaxBy(x => x.Count);
            yield return new ReportChart(ChartKind.Bar, $"{insight.Measure}: {unit} recorded each month, {bars[0].Month.ShortLabel} to {to.ShortLabel}",
                $"Bar chart of {measureLower} ({unit}) recorded each month from {bars[0].Month.LongLabel} to {to.LongLabel}: lowest {Figures.Count(lowest.Count)} in {lowest.Month.LongLabel}, "
                + $"highest {Figures.Count(highest.Count)} in {highest.Month.LongLabel}, latest {Figures.Count(bars[^1].Count)}.",
                bars.Select(x => x.Month.ShortLabel).ToList(), [new ChartSeries(Capital(unit), bars.Select(x => (double?)x.Count).ToList())])
            {
                ValueAxisTitle = Capital(unit),
                DataElsewhere = where,
            };

            var spc = figures.Spc.FirstOrDefault(x => x.Insight.Measure == insight.Measure);
            if (spc.Chart is not { } chart)
            {
                yield return new ReportParagraph($"An SPC chart needs at least {SpcMinimumMonths} months; {insight.Monthly.Count(p => p.Month > to.Plus(-SpcMonths) && p.Month <= to)} are in the store.", ParagraphStyle.Notice);
                continue;
            }

            var spcMonths = chart.Points.Select(p => p.Month).ToList();
            var lower = Math.Max(0, chart.LowerLimit);
            var special = chart.Points.Where(p => p.Rules != SpcRules.None).ToList();
            var summary = $"mean {Figures.Number(chart.Mean)}, process limits {Figures.Number(lower)} to {Figures.Number(chart.UpperLimit)}; "
                + (special.Count == 0
                    ? "every month shows common-cause variation."
                    : $"special-cause variation in {Ranges(special.Select(p => p.Month).ToList())}; {to.LongLabel}: {VariationWords(chart.LatestVariation)}.");
            yield return new ReportChart(ChartKind.Spc, $"{insight.Measure}: SPC (XmR) chart, {spcMonths[0].ShortLabel} to {to.ShortLabel}",
                $"SPC chart of {measureLower} each month from {spcMonths[0].LongLabel} to {to.LongLabel}: {summary}",
                spcMonths.Select(p => p.ShortLabel).ToList(),
                [
                    new ChartSeries(Capital(unit), chart.Points.Select(p => (double?)p.Value).ToList()),
                    new ChartSeries("Mean", spcMonths.Select(_ => (double?)Math.Round((double)chart.Mean, 1)).ToList(), Dashed: true),
                    new ChartSeries("Upper process limit", spcMonths.Select(_ => (double?)Math.Round((double)chart.UpperLimit, 1)).ToList(), Dashed: true),
                    new ChartSeries("Lower process limit", spcMonths.Select(_ => (double?)Math.Round((double)lower, 1)).ToList(), Dashed: true),
                ])
            {
                ValueAxisTitle = Capital(unit),
                DataElsewhere = where,
                Variations = chart.Points.Select(PointVariation.Of).ToList(),
            };
            yield return new ReportParagraph($"The SPC chart: {summary}");
        }
    }

    /// <summary>Adds to the appendix the table of <paramref name="insight"/>'s monthly figures: one row per financial year, one column per month.</summary>
    private static MonthlyTable AddMonthly(List<MonthlyTable> appendix, StrandInsight insight, IReadOnlyList<(ReportingMonth Month, long Count)> points)
    {
        var byMonth = points.ToDictionary(p => p.Month, p => p.Count);
        var first = points[0].Month.FinancialYear;
        var last = points[^1].Month.FinancialYear;
        var rows = new List<ReportRow>();
        for (var year = first; year <= last; year = year.Next)
        {
            var cells = new List<string> { year.ToString() };
            for (var i = 0; i < 12; i++)
            {
                cells.Add(byMonth.TryGetValue(year.FirstMonth.Plus(i), out var count) ? Figures.Count(count) : "–");
            }

            rows.Add(ReportRow.Of([.. cells]));
        }

        var number = $"A.{(appendix.Count + 1).ToString(CultureInfo.InvariantCulture)}";
        var unit = string.IsNullOrWhiteSpace(insight.Unit) ? "recorded" : insight.Unit;
        var table = new ReportTable($"{number} {insight.Measure}: {unit} recorded each month, {points[0].Month.LongLabel} to {points[^1].Month.LongLabel}",
            ["Year", .. Enumerable.Range(0, 12).Select(i => new ReportingMonth(2000, 4).Plus(i).ShortLabel[..3])], rows)
        {
            NumericColumns = Enumerable.Range(1, 12).ToHashSet(),
            RowHeaders = true,
            Widths = [12, .. Enumerable.Repeat(7, 12)],
        };
        var entry = new MonthlyTable(insight.Measure, table);
        appendix.Add(entry);
        return entry;
    }

    /// <summary>The longest run of consecutive months that ends with the last month given.</summary>
    private static IReadOnlyList<(ReportingMonth Month, long Count)> ConsecutiveTail(IReadOnlyList<(ReportingMonth Month, long Count)> monthly)
    {
        var start = monthly.Count - 1;
        while (start > 0 && monthly[start - 1].Month == monthly[start].Month.Plus(-1))
        {
            start--;
        }

        return monthly.Count == 0 ? [] : monthly.Skip(start).ToList();
    }

    private static string VariationWords(SpcVariation variation) => variation switch
    {
        SpcVariation.CommonCause => "common-cause variation",
        SpcVariation.Improvement => "special-cause variation, an improvement",
        SpcVariation.Concern => "special-cause variation, a concern",
        _ => "special-cause variation",
    };

    private static string Ranges(IReadOnlyList<ReportingMonth> months)
    {
        var parts = new List<string>();
        for (var i = 0; i < months.Count;)
        {
            var j = i;
            while (j + 1 < months.Count && months[j + 1] == months[j].Plus(1))
            {
                j++;
            }

            parts.Add(i == j ? months[i].ShortLabel : $"{months[i].ShortLabel} to {months[j].ShortLabel}");
            i = j + 1;
        }

        return string.Join(", ", parts);
    }

    private static string Months(FinancialQuarter q) => q.MonthsLabel;

    private static string Header(ReportingMonth month) =>
        month.FirstDay.ToString("MMMM yy", EnGb.Culture);

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", EnGb.Culture);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Words(int n) => n switch
    {
        0 => "no",
        1 => "one", 2 => "two", 3 => "three", 4 => "four", 5 => "five", 6 => "six", 7 => "seven", 8 => "eight", 9 => "nine", 10 => "ten",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
