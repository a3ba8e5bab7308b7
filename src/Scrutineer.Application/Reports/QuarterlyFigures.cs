using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.Reports;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Reports;

/// <summary>
/// The figures the quarterly report carries: for every measure linked to a priority or to one of its commitments
/// (<see cref="MeasureLinks"/>), the
/// 12 months to the report's month against the 12 before (<see cref="RollingTwelveMonths"/>, with its significance
/// verdict), the latest month's SPC signal (<see cref="XmrChart"/> over the 24 months) and the target status. The
/// report's month is the last confirmed month (<see cref="LatestMonth.ConfirmedAsync"/>) within the quarter: a held month
/// is never used. Figures are the force area's (<see cref="ReportMeasures"/>). See docs/reports.md.
/// </summary>
/// <param name="Period">The report's quarter.</param>
/// <param name="To">The last month of the latest 12 months, or null when the store holds no confirmed month of the quarter.</param>
/// <param name="Area">The force area the figures are for, or null when none were found.</param>
/// <param name="Measures">The linked measures, by priority number, the priority's own links first, then by commitment number; each in link order.</param>
/// <param name="Notice">Why there are no figures, or which month they stop at when it is before the quarter's end; null otherwise.</param>
public sealed record QuarterlyFigures(FinancialQuarter Period, ReportingMonth? To, string? Area, IReadOnlyList<QuarterlyMeasureFigures> Measures, string? Notice)
{
    /// <summary>The bookmark of the performance summary.</summary>
    public const string SummaryAnchor = "Performance_summary";

    /// <summary>The bookmark of the appendix of monthly data.</summary>
    public const string AppendixAnchor = "Appendix_monthly_data";

    private const int MeasuresPerAppendixTable = 6;

    /// <summary>The force beside its peers and its harm-weighted crime (<see cref="ReportPeerFigures"/>), printed at the end of the summary; none when neither is loaded.</summary>
    public ReportPeerFigures Peers { get; init; } = ReportPeerFigures.None;

    /// <summary>No measure is linked: every priority says so.</summary>
    public static QuarterlyFigures None(FinancialQuarter period) => new(period, null, null, [], null);

    /// <summary>
    /// Reads the figures of the measures linked to the priorities and commitments of the plan <paramref name="planId"/>
    /// for <paramref name="period"/>, over the store's connection.
    /// </summary>
    public static async Task<QuarterlyFigures> LoadAsync(StoreReader reader, int planId, FinancialQuarter period, CancellationToken cancellationToken = default)
    {
        var links = await reader.ListAsync(
            """
            SELECT l."Id", p."Number", c."Number", m."Name", m."Kind", m."Better", l."Better", l."Target"
            FROM "MeasureLinks" l
            JOIN "Measures" m ON m."Id" = l."MeasureId"
            LEFT JOIN "Commitments" c ON c."Id" = l."CommitmentId"
            JOIN "Priorities" p ON p."Id" = COALESCE(l."PriorityId", c."PriorityId")
            WHERE p."PlanId" = @plan AND (l."PriorityId" IS NOT NULL OR l."CommitmentId" IS NOT NULL)
            """,
            r => new Link(r.GetInt32(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.GetString(3), Enum.Parse<MeasureKind>(r.GetString(4)),
                r.IsDBNull(6) ? Enum.Parse<BetterDirection>(r.GetString(5)) : Enum.Parse<BetterDirection>(r.GetString(6)), r.IsDBNull(7) ? null : r.GetDecimal(7)),
            cancellationToken,
            ("plan", planId));
        if (links.Count == 0)
        {
            return None(period);
        }

        var ordered = links.OrderBy(l => l.Priority).ThenBy(l => l.Commitment ?? 0).ThenBy(l => l.Id).ToList();
        var confirmed = await LatestMonth.ConfirmedAsync(reader, cancellationToken);
        if (confirmed is not { } latest || latest < period.FirstMonth)
        {
            var notice = $"The store holds no confirmed month of {period} ({period.MonthsLabel})"
                + (confirmed is { } c ? $"; the latest confirmed month is {c.LongLabel}" : "")
                + ": no figures are printed. Import the quarter's data, or confirm a month held as provisional (scrutineer import confirm).";
            return new QuarterlyFigures(period, null, null, ordered.Select(l => Without(l, "")).ToList(), notice);
        }

        var to = latest < period.LastMonth ? latest : period.LastMonth;
        var (area, series) = await ReportMeasures.LoadAsync(reader, ordered.Select(l => l.Measure), to.Plus(-23), to, cancellationToken);
        var measures = ordered.Select(l => Read(l, series.GetValueOrDefault(l.Measure).Points ?? [], to)).ToList();
        var stopsEarly = to < period.LastMonth
            ? $"{period.LastMonth.LongLabel} is not yet confirmed in the store (not imported, or held as provisional): the figures are to the end of {to.LongLabel}."
            : null;
        // The peer comparison needs the 12 months to `to` only, so a count measure the force holds figures for is compared
        // even when the 24 months of the rolling summary are not all held.
        var compared = ordered.Where(l => l.Kind == MeasureKind.Count && series.GetValueOrDefault(l.Measure).Points is { Count: > 0 }).Select(l => l.Measure);
        var peers = await ReportPeerFigures.LoadAsync(reader, area, compared, to, cancellationToken: cancellationToken);
        return new QuarterlyFigures(period, to, area, measures, stopsEarly) { Peers = peers };
    }

    /// <summary>
    /// The performance summary, printed after the contents on a page of its own: one row per linked measure, in the
    /// "Making Data Count" manner. With no linked measure at all, one notice instead (no section).
    /// </summary>
    public IEnumerable<ReportBlock> Summary()
    {
        if (Measures.Count == 0)
        {
            yield return new ReportParagraph(
                "No measure is linked to any priority or commitment of this plan, so this report carries no figures: link measures in the plan file (measures:) or on the measure links page.",
                ParagraphStyle.Notice);
            yield break;
        }

        yield return new ReportHeading(1, "Performance summary", SummaryAnchor, NewPage: true);

        if (Notice is not null)
        {
            yield return new ReportParagraph(Notice, ParagraphStyle.Notice);
        }

        if (To is { } to)
        {
            yield return new ReportParagraph(
                $"Recorded figures for {Area}: the 12 months to the end of {to.LongLabel} compared with the 12 months to the end of {to.Plus(-12).LongLabel}. "
                + "Verdict: conditional exact test for two Poisson counts, two-sided, at the 5% level (a small base is a previous total under "
                + $"{CountComparison.SmallBaseThreshold}). SPC signal: the latest month on an XmR chart of the 24 monthly counts (NHS \"Making Data Count\" rules). "
                + "Target: the latest 12 months against the target linked to the priority or commitment. "
                + "Priority: the priority a measure is linked to, or the We Will (such as 3.2: priority 3, commitment 2).");
            var rows = Measures.Where(m => m.Rolling is not null).Select(m => ReportRow.Of(
                m.Measure, m.LinkedTo, Figures.Count(m.Rolling!.Previous), Figures.Count(m.Rolling.Latest),
                Figures.Difference(m.Rolling.Comparison.Difference), Figures.SignedPercent(m.Rolling.Comparison.PercentChange),
                Capital(m.Rolling.Comparison.Verdict), m.Signal, m.TargetStatus)).ToList();
            if (rows.Count > 0)
            {
                yield return new ReportTable(
                    $"Performance summary: every linked measure, the 12 months to {to.LongLabel} compared with the 12 months to {to.Plus(-12).LongLabel}",
                    ["Measure", "Priority", $"12 months to {to.Plus(-12).ShortLabel}", $"12 months to {to.ShortLabel}", "Change", "% change", "Verdict", "SPC signal", "Target"],
                    rows)
                {
                    NumericColumns = new HashSet<int> { 2, 3, 4, 5 },
                    RowHeaders = true,
                    Widths = [17, 7, 10, 10, 8, 8, 14, 14, 12],
                };
            }
        }

        foreach (var gap in Measures.Where(m => m.Gap is { Length: > 0 }))
        {
            yield return new ReportParagraph($"{gap.Measure} ({(gap.CommitmentReference is { } c ? "We Will " + c : "priority " + gap.PriorityNumber)}): {gap.Gap}", ParagraphStyle.Notice);
        }

        if (To is not null && Measures.Any(m => m.Rolling is not null))
        {
            yield return new ReportParagraph("The monthly counts behind these figures are in the appendix.", ParagraphStyle.Small);
        }

        foreach (var block in Peers.Blocks())
        {
            yield return block;
        }

        yield return new ReportAnchor(SummaryAnchor + "_end");
    }

    /// <summary>The figures under priority <paramref name="priorityNumber"/>: its linked measures' rolling 12-month comparison, or one line saying it has none.</summary>
    public IEnumerable<ReportBlock> ForPriority(int priorityNumber)
    {
        var linked = Measures.Where(m => m.PriorityNumber == priorityNumber && m.CommitmentReference is null).ToList();
        if (linked.Count == 0)
        {
            yield return new ReportParagraph("No measure is linked to this priority.", ParagraphStyle.Notice);
            yield break;
        }

        var ready = linked.Where(m => m.Rolling is not null).ToList();
        if (To is { } to && ready.Count > 0)
        {
            yield return new ReportTable(
                $"Priority {priorityNumber}: linked measures, the 12 months to {to.LongLabel} compared with the 12 months to {to.Plus(-12).LongLabel}",
                ["Measure", $"12 months to {to.Plus(-12).ShortLabel}", $"12 months to {to.ShortLabel}", "Change", "% change", "Verdict"],
                ready.Select(m => ReportRow.Of(m.Measure, Figures.Count(m.Rolling!.Previous), Figures.Count(m.Rolling.Latest),
                    Figures.Difference(m.Rolling.Comparison.Difference), Figures.SignedPercent(m.Rolling.Comparison.PercentChange),
                    Capital(m.Rolling.Comparison.Verdict))).ToList())
            {
                NumericColumns = new HashSet<int> { 1, 2, 3, 4 },
                RowHeaders = true,
                Widths = [28, 14, 14, 11, 11, 22],
            };
        }

        foreach (var m in linked.Where(m => m.Rolling is null))
        {
            yield return new ReportParagraph(m.Gap is { Length: > 0 } ? $"{m.Measure}: {m.Gap}" : $"{m.Measure}: no figures ({Notice})", ParagraphStyle.Notice);
        }
    }

    /// <summary>
    /// The figures under the commitment <paramref name="reference"/> ("3.2"), for its We will cell: one line per linked
    /// measure with its rolling 12-month comparison and verdict, or why it has none; nothing when no measure is linked.
    /// </summary>
    public IEnumerable<ReportBlock> ForCommitment(string reference)
    {
        var linked = Measures.Where(m => m.CommitmentReference == reference).ToList();
        if (linked.Count == 0)
        {
            yield break;
        }

        yield return new ReportParagraph("Linked measures:", ParagraphStyle.Strong);
        yield return new ReportBulletList(linked.Select(m => m.Rolling is { } r && To is { } to
            ? $"{m.Measure}: {Figures.Count(r.Latest)} in the 12 months to {to.ShortLabel}, against {Figures.Count(r.Previous)} in the 12 months to {to.Plus(-12).ShortLabel} "
                + $"({Figures.Difference(r.Comparison.Difference)}, {Figures.SignedPercent(r.Comparison.PercentChange)}): {r.Comparison.Verdict}."
            : m.Gap is { Length: > 0 } ? $"{m.Measure}: {m.Gap}" : $"{m.Measure}: no figures ({Notice})").ToList());
    }

    /// <summary>The appendix: the monthly counts behind the summary, months down, at most six measures a table.</summary>
    public IEnumerable<ReportBlock> Appendix()
    {
        var measures = Measures.Where(m => m.Rolling is not null).DistinctBy(m => m.Measure, StringComparer.OrdinalIgnoreCase).ToList();
        if (To is not { } to || measures.Count == 0)
        {
            yield break;
        }

        yield return new ReportHeading(1, "Appendix: monthly data", AppendixAnchor, NewPage: true);
        yield return new ReportParagraph($"Recorded monthly counts for {Area}, {to.Plus(-23).LongLabel} to {to.LongLabel}: the 24 months behind the performance summary.");
        var months = Enumerable.Range(0, 24).Select(i => to.Plus(i - 23)).ToList();
        for (var start = 0; start < measures.Count; start += MeasuresPerAppendixTable)
        {
            var part = measures.Skip(start).Take(MeasuresPerAppendixTable).ToList();
            var rows = months.Select(month => ReportRow.Of([month.ShortLabel, .. part.Select(m => Count(m, month))])).ToList();
            yield return new ReportTable(
                $"Monthly counts, {to.Plus(-23).LongLabel} to {to.LongLabel}: {string.Join(", ", part.Select(m => m.Measure))}",
                ["Month", .. part.Select(m => m.Measure)],
                rows)
            {
                NumericColumns = Enumerable.Range(1, part.Count).ToHashSet(),
                RowHeaders = true,
            };
        }

        yield return new ReportAnchor(AppendixAnchor + "_end");
    }

    /// <summary>The contents entry of the performance summary, when a measure is linked.</summary>
    public IEnumerable<ContentsEntry> ContentsBefore() => Measures.Count > 0 ? [new ContentsEntry("Performance summary", SummaryAnchor)] : [];

    /// <summary>The contents entry of the appendix, when it has data.</summary>
    public IEnumerable<ContentsEntry> ContentsAfter() =>
        To is not null && Measures.Any(m => m.Rolling is not null) ? [new ContentsEntry("Appendix: monthly data", AppendixAnchor)] : [];

    private static string Count(QuarterlyMeasureFigures measure, ReportingMonth month)
    {
        var point = measure.Points.FirstOrDefault(p => p.Month == month);
        return point.Month == month ? Figures.Count((long)point.Value) : "";
    }

    private static QuarterlyMeasureFigures Read(Link link, IReadOnlyList<(ReportingMonth Month, decimal Value)> points, ReportingMonth to)
    {
        if (link.Kind != MeasureKind.Count)
        {
            return Without(link, $"a {link.Kind.ToString().ToLowerInvariant()} measure: rolling 12-month totals add up counts only.");
        }

        var monthly = points.ToDictionary(p => p.Month, p => (long)p.Value);
        var missing = Enumerable.Range(0, 24).Select(i => to.Plus(i - 23)).Where(m => !monthly.ContainsKey(m)).ToList();
        if (missing.Count > 0)
        {
            return Without(link,
                $"the 12 months to {to.LongLabel} and the 12 before need every month from {to.Plus(-23).LongLabel}; the store lacks {RollingTwelveMonths.Describe(missing)}.");
        }

        var window = points.OrderBy(p => p.Month).ToList();
        return Owned(link, new QuarterlyMeasureFigures(link.Priority, link.Measure, link.Better, link.Target,
            RollingTwelveMonths.Compute(monthly, to), XmrChart.Build(window, link.Better, link.Target), window, null));
    }

    private static QuarterlyMeasureFigures Without(Link link, string gap) =>
        Owned(link, new(link.Priority, link.Measure, link.Better, link.Target, null, null, [], gap));

    private static QuarterlyMeasureFigures Owned(Link link, QuarterlyMeasureFigures figures) =>
        link.Commitment is { } number ? figures with { CommitmentReference = Commitment.ReferenceOf(link.Priority, number) } : figures;

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A measure linked to a priority (<paramref name="Commitment"/> null) or to one of its commitments, with the link's better direction (its own, else the measure's) and target.</summary>
    private sealed record Link(int Id, int Priority, int? Commitment, string Measure, MeasureKind Kind, BetterDirection Better, decimal? Target);
}
