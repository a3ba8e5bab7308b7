using DocumentFormat.OpenXml.Wordprocessing;
using Scrutineer.Application.Data;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Reports;
using Scrutineer.Testing;

namespace Scrutineer.Reports.Tests;

public sealed class QuarterlyReportTests
{
    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BuildAsync_StoredPlan_OneSectionPerPriorityAndOneRowPerCommitment(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await SaveAsync(store, sensitive: false);

        await using var db = store.Open();
        var report = await QuarterlyReport.BuildAsync(db, SampleReports.Q2, TestClock.DefaultStart, ReportVersion.Full);

        var bytes = await RendererTests.RenderAsync(new DocxReportRenderer(), report);
        using var word = Docx.Open(bytes);
        Docx.AssertValid(word);
        Assert.Equal(["Priority 1 – Safer streets", "Priority 2 – Roads", "Priority 3 – Volunteers"], Docx.Headings(word).Select(h => h.Text));
        var body = word.MainDocumentPart!.Document.Body!;
        Assert.Equal(
            ["Contents", "Priority 1 – Safer streets", "Priority 2 – Roads", "Priority 3 – Volunteers"],
            body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.PageBreakBefore is not null).Select(p => p.InnerText));
        Assert.Contains(body.Descendants<BookmarkStart>(), b => b.Name == "Priority_2");
        Assert.Contains(body.Descendants<BookmarkStart>(), b => b.Name == "Priority_2_end");
        Assert.Contains("Data to: End September 2023", body.InnerText, StringComparison.Ordinal);
        Assert.Contains("Sensitivity: Official", body.InnerText, StringComparison.Ordinal);

        var tables = body.Elements<Table>().ToList();
        var contents = tables[0];
        Assert.Equal(["Section", "Pages", "Bookmark"], Docx.RowTexts(contents.Elements<TableRow>().First()));
        Assert.Contains(contents.Descendants<Hyperlink>(), h => h.Anchor == "Priority_3");
        Assert.Contains(contents.Descendants<FieldCode>(), f => f.Text.Contains("PAGEREF Priority_3_end", StringComparison.Ordinal));

        var sections = tables.Skip(1).ToList();
        Assert.Equal([3, 2, 1], sections.Select(t => t.Elements<TableRow>().Count() - 1));
        Assert.All(sections, t => Assert.Equal(["We will", "Commentary", "Who"], Docx.RowTexts(t.Elements<TableRow>().First())));
        Assert.All(sections, t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>()));
        var roads = sections[1].Elements<TableRow>().Skip(1).Select(Docx.RowTexts).ToList();
        Assert.Contains("Progress on 2.2 this quarter.", roads[1][1], StringComparison.Ordinal);
        Assert.Contains("Charlie Local Policing Area (C): no approved update for Q2 2023/24 (still a draft).", roads[1][1], StringComparison.Ordinal);
        Assert.Equal("Bravo Command (B) / Charlie Local Policing Area (C)", roads[1][2]);
        var volunteers = Docx.RowTexts(sections[2].Elements<TableRow>().Last());
        Assert.Contains("no approved update for Q2 2023/24 (none started)", volunteers[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_SensitivePart_InTheFullVersionLabelledAndMarkedAndNeverInThePublicOne()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await SaveAsync(store, sensitive: true);
        await using var db = store.Open();

        var full = await QuarterlyReport.BuildAsync(db, SampleReports.Q2, TestClock.DefaultStart, ReportVersion.Full);
        var open = await QuarterlyReport.BuildAsync(db, SampleReports.Q2, TestClock.DefaultStart, ReportVersion.Public);

        Assert.Equal("OFFICIAL-SENSITIVE", full.Marking);
        var cell = full.AllBlocks().OfType<ReportTable>().SelectMany(t => t.Rows).Select(r => r.Cells[1].Content)
            .Single(c => c.Any(b => b is ReportParagraph p && p.Text.Contains("operation name", StringComparison.Ordinal)));
        var label = cell.ToList().FindIndex(b => b is ReportParagraph { Text: "OFFICIAL-SENSITIVE", Style: ParagraphStyle.Strong });
        Assert.True(label >= 0, "The sensitive part has no label.");
        Assert.Equal("The operation name is withheld.", Assert.IsType<ReportParagraph>(cell[label + 1]).Text);
        Assert.Contains(full.Blocks, b => b is ReportParagraph { Text: "Sensitivity: Official-Sensitive" });

        Assert.Equal("OFFICIAL", open.Marking);
        Assert.Contains(open.AllBlocks(), b => b is ReportParagraph p && p.Text.Contains("Progress on 1.1", StringComparison.Ordinal));
        Assert.Contains(open.Blocks, b => b is ReportParagraph { Text: "Sensitivity: Official" });
        Assert.DoesNotContain(open.AllBlocks(), b => b is ReportParagraph p && (p.Text.Contains("operation name", StringComparison.Ordinal) || p.Text.Contains("Sensitive", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Build_PlanMarkedOfficialSensitiveButNoSensitivePart_FullKeepsThePlansMarkingAndPublicIsOfficial()
    {
        var (plan, round, updates) = SampleReports.QuarterlyPlan();
        plan.SetMetadata(plan.Metadata with { Classification = Classification.OfficialSensitive });

        var full = QuarterlyReport.Build(plan, round, updates, TestClock.DefaultStart, ReportVersion.Full);
        var open = QuarterlyReport.Build(plan, round, updates, TestClock.DefaultStart, ReportVersion.Public);

        Assert.Equal("OFFICIAL-SENSITIVE", full.Marking);
        Assert.Equal("OFFICIAL", open.Marking);
        Assert.Contains(open.Blocks, b => b is ReportParagraph { Text: "Sensitivity: Official" });
    }

    [Fact]
    public async Task Pdf_QuarterlyReport_ContentsPageRangesMatchThePagesEachPriorityStartsOn()
    {
        var (plan, round, updates) = SampleReports.QuarterlyPlan();
        var report = QuarterlyReport.Build(plan, round, updates, TestClock.DefaultStart, ReportVersion.Full);

        var pages = await PdfText.PagesAsync(await RendererTests.RenderAsync(new PdfReportRenderer(), report));

        Assert.Equal(5, pages.Count);
        Assert.Matches(@"Priority 1 – Safer streets\s+3\s+Priority_1", pages[1]);
        Assert.Matches(@"Priority 3 – Volunteers\s+5\s+Priority_3", pages[1]);
        Assert.Contains("Priority 2 – Roads", pages[3].Split('\n').First(l => l.Contains("Priority", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.All(pages, p => Assert.Contains("OFFICIAL", p.Split('\n').First(l => l.Trim().Length > 0), StringComparison.Ordinal));
    }

    private static async Task SaveAsync(TestStore store, bool sensitive)
    {
        var (plan, round, updates) = SampleReports.QuarterlyPlan(sensitive);
        await using var db = store.Open();
        db.Plans.Add(plan);
        db.Rounds.Add(round);
        db.Updates.AddRange(updates);
        await db.SaveChangesAsync();
    }
}
