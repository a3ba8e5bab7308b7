using System.Globalization;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>
/// The strategy scrutiny report (layout of seed 004): metadata block, sections 1.0–9.0, the delivery progress table
/// with its totals computed, and per strand the thematic lead, insights (rolling 12 months compared with the 12 before,
/// monthly bar chart, SPC chart where there are at least 20 months), delivery achieved and scheduled; 6.3 lists every
/// task at risk.
/// </summary>
public static class StrategyReport
{
    /// <summary>Months needed before an SPC chart is drawn.</summary>
    public const int SpcMinimumMonths = 20;

    /// <summary>Builds the report from the store.</summary>
    /// <exception cref="DomainException">The store holds no crime prevention delivery plans (the report needs them).</exception>
    public static Task<ReportDocument> BuildAsync(ScrutineerDb db, FinancialQuarter period, CancellationToken cancellationToken = default)
    {
        _ = db;
        _ = cancellationToken;
        throw new DomainException(
            $"The strategy report for {period} needs crime prevention delivery plans (strands, tasks and their status) and the "
            + "strands' monthly crime data, and the store holds neither yet. Import the delivery-plan workbooks and the crime data first.");
    }

    /// <summary>Builds the report from its data.</summary>
    public static ReportDocument Build(StrategyReportData data)
    {
        var q = data.Period;
        var m = data.Metadata;
        var title = $"{data.StrategyTitle} Report Q{q.Quarter}";
        var months = Months(q);
        var next = Months(q.Next);
        var strands = data.Strands;
        var atRisk = strands.Count(s => s.AtRisk > 0);
        var blocks = new List<ReportBlock>
        {
            new ReportParagraph(m.Programme, ParagraphStyle.Title),
            new ReportTable("About this paper", ["Field", "Value"],
            [
                ReportRow.Of("Report to:", m.ReportTo),
                ReportRow.Of("Title of Report:", title),
                ReportRow.Of("Classification of Paper:", m.Classification.Marking()),
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
            new ReportParagraph("No recommendations."),
            new ReportHeading(1, "3.0 Executive Summary"),
            new ReportParagraph($"The Strategy has {Words(strands.Count)} thematic strands, each with a force lead. Across them, {strands.Sum(s => s.Complete)} of {strands.Sum(s => s.Total)} delivery plan tasks are complete."),
            new ReportParagraph(atRisk == 0
                ? "No strand currently has a task at risk."
                : $"{Capital(Words(atRisk))} strand{(atRisk == 1 ? " has" : "s have")} tasks at risk; work to mitigate them is set out in section 6.3."),
            new ReportHeading(1, "4.0 Introduction/Background"),
            new ReportParagraph($"This report gives a structured update on each of the {Words(strands.Count)} thematic strands:"),
            new ReportBulletList(["Insights: data for the rolling 12 months", $"Delivery achieved {months}", $"Delivery scheduled {next}"]),
            new ReportHeading(1, "5.0 Current Work and Performance"),
            new ReportParagraph($"Delivery plan progress across the {strands.Count} thematic strands:"),
            ProgressTable(strands),
            new ReportParagraph("Thematic strand updates:", ParagraphStyle.Strong),
        };

        for (var k = 0; k < strands.Count; k++)
        {
            var strand = strands[k];
            blocks.Add(new ReportHeading(2, $"5.{k + 1} {strand.Name}", NewPage: true));
            blocks.Add(new ReportParagraph("Thematic Lead: " + strand.ThematicLead, ParagraphStyle.Strong));
            blocks.Add(new ReportParagraph("Insights:", ParagraphStyle.Strong));
            blocks.AddRange(Insights(strand));
            blocks.Add(new ReportParagraph($"Delivery achieved {months}:", ParagraphStyle.Strong));
            blocks.Add(strand.Achieved.Count > 0 ? new ReportBulletList(strand.Achieved) : new ReportParagraph("No delivery recorded as achieved this quarter.", ParagraphStyle.Notice));
            blocks.Add(new ReportParagraph($"Delivery scheduled {next}:", ParagraphStyle.Strong));
            blocks.Add(strand.Scheduled.Count > 0 ? new ReportBulletList(strand.Scheduled) : new ReportParagraph("No delivery scheduled for next quarter.", ParagraphStyle.Notice));
        }

        blocks.Add(new ReportHeading(1, "6.0 Implications (Issues)", NewPage: true));
        blocks.Add(new ReportParagraph($"{Capital(Words(atRisk))} strand{(atRisk == 1 ? "" : "s")} with tasks at risk across {Words(strands.Count)} thematic strands (see 6.3)."));
        blocks.Add(new ReportHeading(2, "6.1 Links to Police and Crime Plan Priorities"));
        blocks.Add(data.PlanPriorities.Count > 0
            ? new ReportBulletList(data.PlanPriorities)
            : new ReportParagraph("No Police and Crime Plan is in the store to link to.", ParagraphStyle.Notice));
        blocks.Add(new ReportHeading(2, "6.2 Demand"));
        blocks.Add(new ReportParagraph("Not applicable."));
        blocks.Add(new ReportHeading(2, "6.3 Risks/Mitigation"));
        var risks = strands.SelectMany(s => s.Risks.Select(r => (Strand: s.Name, r.Task, r.Risk, r.Mitigation))).ToList();
        if (risks.Count == 0)
        {
            blocks.Add(new ReportParagraph("No delivery plan task is at risk."));
        }
        else
        {
            blocks.Add(new ReportTable("Delivery plan tasks at risk and their mitigation", ["Strand", "Task", "Risk", "Mitigation"],
                risks.Select(r => ReportRow.Of(r.Strand, r.Task, r.Risk, r.Mitigation)).ToList())
            {
                Widths = [18, 27, 27, 28],
            });
        }

        blocks.Add(new ReportHeading(2, "6.4 Equality and/or Human Rights Implications"));
        blocks.Add(new ReportParagraph("None identified."));
        blocks.Add(new ReportHeading(2, "6.5 Health and Safety Implications"));
        blocks.Add(new ReportParagraph("No health and safety risks identified."));
        blocks.Add(new ReportHeading(1, "7.0 Consultation/Engagement"));
        blocks.Add(new ReportParagraph("Every thematic lead contributed to this report:"));
        blocks.Add(new ReportBulletList(strands.Select(s => $"{s.Name} – {s.ThematicLead}").ToList()));
        blocks.Add(new ReportHeading(1, "8.0 Actions for Improvement"));
        blocks.Add(new ReportParagraph($"No outstanding inspection improvement plans or areas for improvement relate to the {data.StrategyTitle}."));
        blocks.Add(new ReportHeading(1, "9.0 Future Work/Development and Expected Outcome"));
        blocks.Add(new ReportParagraph("Section 5 sets out the delivery scheduled for next quarter in each thematic strand."));
        return new ReportDocument(title, m.Classification, blocks);
    }

    private static ReportTable ProgressTable(IReadOnlyList<StrandReport> strands)
    {
        var rows = strands.Select(s => ReportRow.Of(s.Name, N(s.Total), N(s.Complete), N(s.Ongoing), N(s.AtRisk))).ToList();
        rows.Add(ReportRow.Total("Total", N(strands.Sum(s => s.Total)), N(strands.Sum(s => s.Complete)), N(strands.Sum(s => s.Ongoing)), N(strands.Sum(s => s.AtRisk))));
        return new ReportTable("Delivery plan progress by thematic strand", ["Strand", "Total actions", "Complete", "Ongoing/In progress", "At risk"], rows)
        {
            NumericColumns = new HashSet<int> { 1, 2, 3, 4 },
            Widths = [36, 16, 16, 16, 16],
        };
    }

    private static IEnumerable<ReportBlock> Insights(StrandReport strand)
    {
        var series = strand.Monthly.OrderBy(x => x.Month).ToList();
        if (series.Count < 24)
        {
            yield return new ReportParagraph(series.Count == 0
                ? $"No monthly crime data for {strand.Name} is in the store, so there are no insights for this strand."
                : $"Only {series.Count} months of crime data for {strand.Name} are in the store; the rolling comparison needs 24.", ParagraphStyle.Notice);
            yield break;
        }

        var last = series[^1].Month;
        var current = series.Skip(series.Count - 12).Sum(x => x.Count);
        var previous = series.Skip(series.Count - 24).Take(12).Sum(x => x.Count);
        var diff = current - previous;
        var pct = previous == 0 ? (double?)null : Math.Round(100.0 * diff / previous, 1, MidpointRounding.AwayFromZero);
        var z = current + previous == 0 ? 0 : diff / Math.Sqrt(current + previous);
        var verdict = Math.Abs(z) < 1.96
            ? "not a statistically significant change (Poisson test, 95%)"
            : $"a statistically significant {(diff > 0 ? "increase" : "decrease")} (Poisson test, 95%)";
        yield return new ReportParagraph($"Data for 12 months to end of {last.LongLabel}, in comparison to the previous 12 months:");
        yield return new ReportTable($"{strand.Name}: crimes recorded in the 12 months to {last.LongLabel} and the 12 months before",
            [$"12 Month ending {Header(last.Plus(-12))}", $"12 Month ending {Header(last)}", "Diff.", "% Diff.", "Significance"],
            [ReportRow.Of(N(previous), N(current), N(diff), pct is { } p ? (p > 0 ? "+" : "") + p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a", verdict)])
        {
            NumericColumns = new HashSet<int> { 0, 1, 2, 3 },
            Widths = [18, 18, 12, 12, 40],
        };
        var categories = series.Select(x => x.Month.ShortLabel).ToList();
        var values = series.Select(x => (double?)x.Count).ToList();
        yield return new ReportChart(ChartKind.Bar, $"{strand.Name}: crimes recorded each month",
            $"Bar chart of {strand.Name.ToLowerInvariant()} crimes recorded each month from {series[0].Month.LongLabel} to {last.LongLabel}: lowest {series.Min(x => x.Count)}, highest {series.Max(x => x.Count)}, latest {series[^1].Count}.",
            categories, [new ChartSeries("Crimes recorded", values)])
        {
            ValueAxisTitle = "Crimes",
        };
        if (series.Count >= SpcMinimumMonths)
        {
            var mean = series.Average(x => x.Count);
            var movingRange = series.Zip(series.Skip(1), (a, b) => Math.Abs(b.Count - a.Count)).Average();
            var upper = mean + (2.66 * movingRange);
            var lower = Math.Max(0, mean - (2.66 * movingRange));
            var outside = series.Where(x => x.Count > upper || x.Count < lower).Select(x => x.Month.ShortLabel).ToList();
            yield return new ReportChart(ChartKind.Spc, $"{strand.Name}: SPC (XmR) chart of crimes recorded each month",
                $"SPC chart: mean {mean:0.0}, process limits {lower:0.0} to {upper:0.0}; "
                + (outside.Count == 0 ? "every month lies within the limits." : $"outside the limits: {string.Join(", ", outside)}."),
                categories,
                [
                    new ChartSeries("Crimes recorded", values),
                    new ChartSeries("Mean", series.Select(_ => (double?)Math.Round(mean, 1)).ToList(), Dashed: true),
                    new ChartSeries("Upper process limit", series.Select(_ => (double?)Math.Round(upper, 1)).ToList(), Dashed: true),
                    new ChartSeries("Lower process limit", series.Select(_ => (double?)Math.Round(lower, 1)).ToList(), Dashed: true),
                ])
            {
                ValueAxisTitle = "Crimes",
            };
        }
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
