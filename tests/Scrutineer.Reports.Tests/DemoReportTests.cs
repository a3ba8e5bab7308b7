using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Application.Demo;
using Scrutineer.Application.Performance;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Reports;
using Scrutineer.Testing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Scrutineer.Reports.Tests;

/// <summary>The demo force built once into an SQLite store, shared by the report tests that read it.</summary>
public sealed class DemoStoreFixture : IAsyncLifetime
{
    public TestStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = Store.Open();
        await DemoForce.BuildAsync(db, new DemoSettings(DemoSettings.DemoToday, null, _ => { }));
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();
}

public sealed partial class DemoReportTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    private static readonly FinancialQuarter Q4 = FinancialQuarter.Parse("Q4 2023/24");

    [Fact]
    public async Task StrategyCommand_DemoDocx_SectionsProgressTotalsChartsAndEveryTaskAtRisk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"strategy-{Guid.NewGuid():N}.docx");
        try
        {
            var run = await Cli.RunAsync("report", "strategy", "--period", "Q4 2023/24", "--format", "docx", "--out", path, "--db", demo.Store.DbArgument);
            Assert.True(run.ExitCode == 0, run.Error);

            using var word = Docx.Open(await File.ReadAllBytesAsync(path));
            Docx.AssertValid(word);
            var headings = Docx.Headings(word).Select(h => h.Text).ToList();
            Assert.Equal(["1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0", "8.0"],
                headings.Where(h => Regex.IsMatch(h, @"^\d\.0 ")).Select(h => h[..3]));

            await using var db = demo.Store.Open();
            var strategy = await DeliveryStore.LoadAsync(db, await DeliveryStore.FindStrategyAsync(db, null));
            Assert.Equal(strategy.Strands.Select(s => $"5.{s.Position} {s.Title}"), headings.Where(h => Regex.IsMatch(h, @"^5\.[1-9] ")));

            var tables = word.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
            // The table in one part or continued on the next page under its header row.
            var progress = tables.Where(t => Docx.RowTexts(t.Elements<TableRow>().First()).Contains("Total actions")).ToList();
            Assert.NotEmpty(progress);
            var rows = progress.SelectMany(t => t.Elements<TableRow>().Skip(1)).Select(Docx.RowTexts).ToList();
            var body = rows.SkipLast(1).ToList();
            Assert.Equal(strategy.Strands.Select(s => s.Title), body.Select(r => r[0]));
            foreach (var row in body)
            {
                Assert.Equal(int.Parse(row[1]), int.Parse(row[2]) + int.Parse(row[3]) + int.Parse(row[4]) + int.Parse(row[5]));
            }

            Assert.Equal("Total", rows[^1][0]);
            for (var column = 1; column <= 5; column++)
            {
                Assert.Equal(body.Sum(r => int.Parse(r[column])), int.Parse(rows[^1][column]));
            }

            // Counted independently from the tasks: every task, and those complete or at risk at the end of March 2024.
            var tasks = strategy.Strands.SelectMany(s => s.Plans).SelectMany(p => p.Tasks).ToList();
            Assert.Equal(tasks.Count, int.Parse(rows[^1][1]));
            Assert.Equal(tasks.Count(t => t.StatusOn(Q4.DataTo) == DeliveryTaskStatus.Complete), int.Parse(rows[^1][2]));
            var atRisk = tasks.Where(t => t.StatusOn(Q4.DataTo) == DeliveryTaskStatus.AtRisk).ToList();
            Assert.NotEmpty(atRisk);
            Assert.Equal(atRisk.Count, int.Parse(rows[^1][5]));
            var notStarted = tasks.Count(t => t.StatusOn(Q4.DataTo) == DeliveryTaskStatus.NotStarted);
            Assert.NotEqual(0, notStarted);
            Assert.Equal(notStarted, int.Parse(rows[^1][4]));
            Assert.Equal(tasks.Count(t => t.StatusOn(Q4.DataTo) == DeliveryTaskStatus.Ongoing), int.Parse(rows[^1][3]));

            var risks = tables.Single(t => Docx.RowTexts(t.Elements<TableRow>().First()).Contains("Mitigation"));
            var riskRows = risks.Elements<TableRow>().Skip(1).Select(Docx.RowTexts).ToList();
            Assert.Equal(atRisk.Count, riskRows.Count);
            foreach (var task in atRisk)
            {
                var entry = task.EntryOn(Q4.DataTo)!;
                Assert.Contains(riskRows, r => r[0] == task.Plan.Strand.Title && r[1].StartsWith(task.Reference + " – ", StringComparison.Ordinal)
                    && r[3] == entry.Risk && r[4] == entry.Mitigation && r[2].Length > 0);
            }

            // One bar chart and one SPC chart per strand measure with data: every strand but two has at least one.
            var charts = word.MainDocumentPart.ChartParts.Select(p => p.ChartSpace).ToList();
            var bars = charts.Count(c => c.Descendants<C.BarChart>().Any());
            var spc = charts.Count(c => c.Descendants<C.LineChart>().Any() && !c.Descendants<C.BarChart>().Any());
            Assert.True(bars >= 7, $"{bars} bar charts");
            Assert.Equal(bars, spc);
            Assert.Contains("No crime measure in the store is linked to Extremism and Radicalisation", word.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task StrategyData_Demo_RollingFiguresAgreeWithTheInsightsQueries()
    {
        await using var db = demo.Store.Open();
        var data = await StrategyReport.DataAsync(db, Q4, TestClock.DefaultStart, ReportVersion.Full);
        var report = StrategyReport.Build(data, ReportVersion.Full);
        var knife = report.AllBlocks().OfType<Domain.Reports.ReportTable>().Single(t => t.Caption.StartsWith("Gangs and Knife Crime:", StringComparison.Ordinal));

        var expected = (await new PerformanceQueries(db).Rolling12Async(Q4.LastMonth, "Knife crime", "Essex Police")).Rows.Single();
        var row = knife.Rows.Single().Cells.Select(c => c.Text).ToList();
        Assert.Equal("Knife crime", row[0]);
        Assert.Equal(expected.Previous12Months, long.Parse(row[1], System.Globalization.NumberStyles.AllowThousands, Domain.Common.EnGb.Culture));
        Assert.Equal(expected.Latest12Months, long.Parse(row[2], System.Globalization.NumberStyles.AllowThousands, Domain.Common.EnGb.Culture));
        Assert.Equal(Domain.Common.Figures.SignedPercent(expected.PercentChange), row[4]);
        Assert.Equal(expected.Verdict, row[5], ignoreCase: true);
        Assert.Equal(["12 Month ending March 23", "12 Month ending March 24"], knife.Columns.Skip(1).Take(2));
        var text = string.Join("\n\n", report.AllBlocks().Select(b => b switch
        {
            Domain.Reports.ReportParagraph p => p.Text,
            Domain.Reports.ReportTable t => string.Join(" | ", t.Columns) + "\n" + string.Join("\n", t.Rows.Select(r => string.Join(" | ", r.Cells.Select(c => c.Text)))),
            _ => "",
        }));
        Assert.Empty(Domain.FiguresCheck.FigureChecker.Check(text, "strategy", Q4));
        Assert.Contains(data.Strands, s => s.Achieved.Count > 0);
        Assert.Contains(data.Strands, s => s.Scheduled.Count > 0);
    }

    [Fact]
    public async Task StrategyData_DemoQ2_EveryStrandHasDeliveryAchievedAndScheduled()
    {
        await using var db = demo.Store.Open();

        var data = await StrategyReport.DataAsync(db, FinancialQuarter.Parse("Q2 2023/24"), TestClock.DefaultStart, ReportVersion.Public);

        Assert.Equal(9, data.Strands.Count);
        Assert.All(data.Strands, s => Assert.True(s.Achieved.Count > 0 && s.Scheduled.Count > 0, $"{s.Name}: {s.Achieved.Count} achieved, {s.Scheduled.Count} scheduled"));
    }

    [Fact]
    public async Task StrategyHtml_Demo_EveryChartAnSvgWithTextAlternativeAndDataTable()
    {
        await using var db = demo.Store.Open();
        var report = await StrategyReport.BuildAsync(db, Q4, TestClock.DefaultStart, ReportVersion.Full);
        var html = System.Text.Encoding.UTF8.GetString(await RendererTests.RenderAsync(new HtmlReportRenderer(), report));

        var figures = Regex.Matches(html, "<figure class=\"chart-figure\"").Count;
        Assert.True(figures >= 14, $"{figures} charts");
        Assert.Equal(figures, Regex.Matches(html, "<svg [^>]*role=\"img\" aria-labelledby=\"chart-\\d+-title chart-\\d+-desc\"").Count);
        Assert.Equal(figures, Regex.Matches(html, "<desc id=\"chart-\\d+-desc\">[^<]{20,}</desc>").Count);
        // Compact: no data table beside a chart; each measure's monthly figures once, in the appendix, one row per financial year.
        Assert.Empty(Regex.Matches(html, "<table class=\"chart-data\">"));
        Assert.Equal(figures, Regex.Matches(html, "<p class=\"chart-data-elsewhere\">The figures behind this chart are in Appendix A, table A\\.\\d+\\.</p>").Count);
        var appendix = report.AllBlocks().OfType<Domain.Reports.ReportTable>().Where(t => t.Caption.StartsWith("A.", StringComparison.Ordinal)).ToList();
        Assert.Equal(report.AllBlocks().OfType<Domain.Reports.ReportChart>().Select(c => c.Title[..c.Title.IndexOf(':', StringComparison.Ordinal)]).Distinct().Count(), appendix.Count);
        Assert.All(appendix, t => Assert.Equal(13, t.Columns.Count));
        Assert.All(appendix, t => Assert.InRange(t.Rows.Count, 3, 4));
        Assert.Contains("SPC chart of knife crime each month", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrategyHtml_Demo_SpcChartsMarkEachMonthsVariation()
    {
        await using var db = demo.Store.Open();
        var report = await StrategyReport.BuildAsync(db, Q4, TestClock.DefaultStart, ReportVersion.Full);
        var html = System.Text.Encoding.UTF8.GetString(await RendererTests.RenderAsync(new HtmlReportRenderer(), report));

        var spc = report.AllBlocks().OfType<Domain.Reports.ReportChart>().Where(c => c.Kind == Domain.Reports.ChartKind.Spc).ToList();
        Assert.NotEmpty(spc);
        Assert.All(spc, c => Assert.Equal(c.Categories.Count, c.Variations?.Count));
        var special = spc.Sum(c => c.Variations!.Count(v => v.Special));
        var common = spc.Sum(c => c.Variations!.Count(v => !v.Special));
        Assert.Equal(special, Regex.Matches(html, "class=\"spc-(improvement|concern|neither)\"><title>[^<]+; special cause variation: ").Count);
        Assert.Equal(common, Regex.Matches(html, "class=\"spc-common\"><title>").Count);
    }

    [Fact]
    public async Task QuarterlyCommand_DemoQ2_FullVersionHoldsTheSensitiveParagraphAndThePublicOneLeavesItOut()
    {
        var full = Path.Combine(Path.GetTempPath(), $"quarterly-{Guid.NewGuid():N}.html");
        var open = Path.Combine(Path.GetTempPath(), $"quarterly-public-{Guid.NewGuid():N}.html");
        try
        {
            var fullRun = await Cli.RunAsync("report", "quarterly", "--period", "Q2 2023/24", "--format", "html", "--out", full, "--db", demo.Store.DbArgument);
            var openRun = await Cli.RunAsync("report", "quarterly", "--period", "Q2 2023/24", "--format", "html", "--out", open, "--public", "--db", demo.Store.DbArgument);
            Assert.True(fullRun.ExitCode == 0, fullRun.Error);
            Assert.True(openRun.ExitCode == 0, openRun.Error);
            var fullHtml = await File.ReadAllTextAsync(full);
            var openHtml = await File.ReadAllTextAsync(open);

            Assert.Contains("further lines were closed after covert work", fullHtml, StringComparison.Ordinal);
            Assert.Contains("<p><strong>OFFICIAL-SENSITIVE</strong></p>", fullHtml, StringComparison.Ordinal);
            Assert.Contains("content: \"OFFICIAL-SENSITIVE\"", fullHtml, StringComparison.Ordinal);
            Assert.DoesNotContain("covert work", openHtml, StringComparison.Ordinal);
            Assert.DoesNotContain("OFFICIAL-SENSITIVE", openHtml, StringComparison.Ordinal);
            Assert.Contains("content: \"OFFICIAL\"", openHtml, StringComparison.Ordinal);
            Assert.Contains("warrants executed against drug supply", openHtml, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(full);
            File.Delete(open);
        }
    }

    [Fact]
    public async Task StrategyPdf_Demo_EveryPageMarkedAndNumbered()
    {
        await using var db = demo.Store.Open();
        var report = await StrategyReport.BuildAsync(db, Q4, TestClock.DefaultStart, ReportVersion.Full);

        var pages = await PdfText.PagesAsync(await RendererTests.RenderAsync(new PdfReportRenderer(), report));

        Assert.True(pages.Count >= 15, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
        {
            var lines = pages[i].Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
            Assert.Contains("OFFICIAL", lines[0], StringComparison.Ordinal);
            Assert.Contains("OFFICIAL", lines[^1], StringComparison.Ordinal);
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i], StringComparison.Ordinal);
        }

        var text = string.Join("\n", pages);
        Assert.Contains("6.2 Risks/Mitigation", text, StringComparison.Ordinal);
        Assert.Contains("Appendix A Monthly figures", text, StringComparison.Ordinal);
        Assert.Contains("5.9 Serious and Organised Crime", text, StringComparison.Ordinal);
        var contents = pages.First(p => p.Contains("Contents", StringComparison.Ordinal));
        Assert.Contains("8.0 Future Work", contents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closure_Demo_StatesItsBaselineYear_BurglaryChangeMatchesInsightsYears()
    {
        await using var db = demo.Store.Open();
        var report = await ClosureReport.BuildAsync(db, Q4, ReportVersion.Full);

        using var word = Docx.Open(await RendererTests.RenderAsync(new DocxReportRenderer(), report));
        Docx.AssertValid(word);
        var charts = word.MainDocumentPart!.ChartParts.Select(p => p.ChartSpace).ToList();
        Assert.True(charts.Count >= 8, $"{charts.Count} charts");

        // What `scrutineer insights years` prints for the same measure and area.
        var run = await Cli.RunAsync("insights", "years", "--measure", "Residential burglary", "--area", "Essex Police", "--format", "csv", "--db", demo.Store.DbArgument);
        Assert.True(run.ExitCode == 0, run.Error);
        var totals = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
            .Select(line => line.Split(',')).ToDictionary(f => f[0], f => long.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture));
        var change = Domain.Statistics.CountComparison.Of(totals["2020/21"], totals["2023/24"]);

        var paragraphs = report.AllBlocks().OfType<Domain.Reports.ReportParagraph>().Select(p => p.Text).ToList();
        Assert.Contains(paragraphs, p => p.Contains("Baseline: 2020/21, the financial year before the plan began.", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains(
            $"Residential burglary went from {Figures.Count(change.Previous)} in 2020/21, the financial year before the plan began, to {Figures.Count(change.Latest)} in 2023/24: "
            + $"{Figures.Difference(change.Difference)} ({Figures.SignedPercent(change.PercentChange)}) on the baseline, a {change.Verdict}", StringComparison.Ordinal));
        var chart = report.AllBlocks().OfType<Domain.Reports.ReportChart>().Single(c => c.Title.EndsWith("Residential burglary by financial year", StringComparison.Ordinal));
        Assert.Equal(["2020/21 (baseline)", "2021/22", "2022/23", "2023/24"], chart.Categories);
        Assert.Equal(new[] { "2020/21", "2021/22", "2022/23", "2023/24" }.Select(y => (double?)totals[y]), chart.Series.Single().Values);
        var table = report.AllBlocks().OfType<Domain.Reports.ReportTable>().Single(t => t.Caption.Contains("Residential burglary by financial year against the baseline (2020/21", StringComparison.Ordinal));
        Assert.Equal([Figures.Count(change.Latest), Figures.Difference(change.Difference), Figures.SignedPercent(change.PercentChange)], table.Rows[^1].Cells.Skip(1).Take(3).Select(c => c.Text));
        Assert.Equal(change.Verdict, table.Rows[^1].Cells[4].Text, ignoreCase: true);

        // The demo's analyst text, its budgets, and quotes that say which quarter and unit they come from.
        Assert.Contains(paragraphs, p => p.StartsWith("1.1. When this plan began", StringComparison.Ordinal));
        Assert.Contains(report.AllBlocks().OfType<Domain.Reports.ReportHeading>(), h => h.Text == "3. Financial Overview");
        var quotes = paragraphs.Where(p => p.Contains('“')).ToList();
        Assert.NotEmpty(quotes);
        Assert.All(quotes, q => Assert.Matches(@"” \(Q4 2023/24 update, [^)]+\)$", q));

        var html = System.Text.Encoding.UTF8.GetString(await RendererTests.RenderAsync(new HtmlReportRenderer(), report));
        Assert.Equal(charts.Count, Regex.Matches(html, "<table class=\"chart-data\">").Count);
    }
}

public sealed class DemoReportPostgreSqlTests
{
    [Fact]
    public async Task Strategy_DemoOnPostgreSql_ProgressTotalsAndRisksFromTheStore()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        await using (var db = store.Open())
        {
            await DemoForce.BuildAsync(db, new DemoSettings(DemoSettings.DemoToday, null, _ => { }));
        }

        await using (var db = store.Open())
        {
            var data = await StrategyReport.DataAsync(db, FinancialQuarter.Parse("Q4 2023/24"), TestClock.DefaultStart, ReportVersion.Full);
            var tasks = await db.DeliveryTasks.CountAsync();
            Assert.Equal(9, data.Strands.Count);
            Assert.Equal(tasks, data.Strands.Sum(s => s.Total));
            Assert.Equal(data.Strands.Sum(s => s.AtRisk), data.Strands.Sum(s => s.Risks.Count));
            Assert.Contains(data.Strands, s => s.Insights.Count > 0 && s.Insights[0].Monthly.Count == StrategyReport.SpcMonths);

            using var word = Docx.Open(await RendererTests.RenderAsync(new DocxReportRenderer(), StrategyReport.Build(data, ReportVersion.Full)));
            Docx.AssertValid(word);
            Assert.NotEmpty(word.MainDocumentPart!.ChartParts);
        }
    }
}
