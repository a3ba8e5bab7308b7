using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Scrutineer.Application.Data;
using Scrutineer.Application.Reports;
using Scrutineer.Application.Security;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Domain.Reports;
using Scrutineer.Testing;

namespace Scrutineer.Reports.Tests;

/// <summary>
/// Every report of the catalogue, in every format and both versions, built from a store whose approved update has an
/// OFFICIAL part and an OFFICIAL-SENSITIVE part, whose draft and submitted updates must never be printed, and whose
/// delivery task has an OFFICIAL-SENSITIVE note.
/// </summary>
public sealed class ReportVersionTests
{
    /// <summary>In the approved update's OFFICIAL commentary (paragraph and bullet).</summary>
    private const string OfficialToken = "TOKOFF4417";

    /// <summary>In the approved update's OFFICIAL-SENSITIVE part (paragraph and bullet).</summary>
    private const string SensitiveToken = "TOKSENS8823";

    /// <summary>In both parts of a draft update.</summary>
    private const string DraftToken = "TOKDRAFT3391";

    /// <summary>In both parts of a submitted update.</summary>
    private const string SubmittedToken = "TOKSUB5560";

    /// <summary>In a delivery task's OFFICIAL-SENSITIVE note.</summary>
    private const string NoteToken = "TOKNOTE2276";

    /// <summary>In the OFFICIAL risk of the same task (at risk in the quarter).</summary>
    private const string RiskToken = "TOKRISK6604";

    public static TheoryData<string, ReportFormat> Reports()
    {
        var data = new TheoryData<string, ReportFormat>();
        foreach (var kind in ReportCatalogue.Kinds)
        {
            foreach (var format in ReportCatalogue.Formats)
            {
                data.Add(kind.Slug, format);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(Reports))]
    public async Task Catalogue_EveryReportAndFormat_PublicHoldsApprovedOfficialTextOnlyAndFullAddsTheSensitivePartMarked(string slug, ReportFormat format)
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await SaveAsync(store);
        var kind = ReportCatalogue.Find(slug)!;
        var sensitive = slug == "strategy" ? NoteToken : SensitiveToken;
        var official = slug == "strategy" ? RiskToken : OfficialToken;

        var full = await WriteAsync(store, new ReportCatalogue.Entry(kind, format, ReportVersion.Full));
        var open = await WriteAsync(store, new ReportCatalogue.Entry(kind, format, ReportVersion.Public));

        Assert.Equal("OFFICIAL-SENSITIVE", full.Marking);
        Assert.Contains(sensitive, full.Text, StringComparison.Ordinal);
        Assert.Contains(official, full.Text, StringComparison.Ordinal);
        Assert.All(full.PageMarkings, m => Assert.Equal("OFFICIAL-SENSITIVE", m));

        Assert.Equal("OFFICIAL", open.Marking);
        Assert.Contains(official, open.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(sensitive, open.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("OFFICIAL-SENSITIVE", open.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Official-Sensitive", open.Text, StringComparison.OrdinalIgnoreCase);
        Assert.All(open.PageMarkings, m => Assert.Equal("OFFICIAL", m));

        foreach (var version in new[] { full, open })
        {
            Assert.NotEmpty(version.PageMarkings);
            Assert.DoesNotContain(DraftToken, version.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(SubmittedToken, version.Text, StringComparison.Ordinal);
        }

        if (slug == "quarterly")
        {
            Assert.Contains("Sensitivity: Official-Sensitive", full.Text, StringComparison.Ordinal);
            Assert.Contains("Sensitivity: Official", open.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Build_FullVersions_EachSensitivePartFollowsItsLabel()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await SaveAsync(store);
        await using var db = store.Open();

        foreach (var kind in ReportCatalogue.Kinds)
        {
            var report = await ReportCatalogue.BuildAsync(db, kind, SampleReports.Q2, ReportVersion.Full, Reader.Operator, TestClock.DefaultStart);
            var blocks = report.AllBlocks().ToList();
            var labels = blocks.Select((b, i) => (b, i)).Where(x => x.b is ReportParagraph { Text: "OFFICIAL-SENSITIVE", Style: ParagraphStyle.Strong }).Select(x => x.i).ToList();
            Assert.True(labels.Count > 0, $"The full {kind.Slug} report labels no sensitive part.");
            var token = kind.Slug == "strategy" ? NoteToken : SensitiveToken;
            foreach (var (block, i) in blocks.Select((b, i) => (b, i)).Where(x => Text(x.b).Contains(token, StringComparison.Ordinal)))
            {
                Assert.True(labels.Any(l => l < i && i - l <= 2), $"In the full {kind.Slug} report, '{Text(block)}' is not right after an OFFICIAL-SENSITIVE label.");
            }
        }
    }

    [Fact]
    public async Task Cli_StrategyAndClosure_PublicOptionBuildsThePublicVersion()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await SaveAsync(store);
        foreach (var (report, token) in new[] { ("strategy", NoteToken), ("closure", SensitiveToken) })
        {
            var full = Path.Combine(Path.GetTempPath(), $"{report}-full-{Guid.NewGuid():N}.html");
            var open = Path.Combine(Path.GetTempPath(), $"{report}-public-{Guid.NewGuid():N}.html");
            try
            {
                var fullRun = await Cli.RunAsync("report", report, "--period", "Q2 2023/24", "--format", "html", "--out", full, "--db", store.DbArgument);
                var openRun = await Cli.RunAsync("report", report, "--period", "Q2 2023/24", "--format", "html", "--out", open, "--public", "--db", store.DbArgument);

                Assert.True(fullRun.ExitCode == 0, fullRun.Error);
                Assert.True(openRun.ExitCode == 0, openRun.Error);
                Assert.Contains("OFFICIAL-SENSITIVE", fullRun.Out, StringComparison.Ordinal);
                Assert.Contains("HTML, OFFICIAL,", openRun.Out, StringComparison.Ordinal);
                Assert.Contains(token, await File.ReadAllTextAsync(full), StringComparison.Ordinal);
                var openHtml = await File.ReadAllTextAsync(open);
                Assert.DoesNotContain(token, openHtml, StringComparison.Ordinal);
                Assert.DoesNotContain("OFFICIAL-SENSITIVE", openHtml, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(full);
                File.Delete(open);
            }
        }
    }

    [Theory]
    [InlineData(Role.Analyst, true, RoundState.Open, true, true)]
    [InlineData(Role.Administrator, true, RoundState.Closed, true, true)]
    [InlineData(Role.Analyst, false, RoundState.Published, false, true)]
    [InlineData(Role.Viewer, false, RoundState.Published, false, true)]
    [InlineData(Role.Viewer, false, RoundState.Open, false, false)]
    [InlineData(Role.Viewer, true, RoundState.Published, true, true)]
    [InlineData(Role.Viewer, true, RoundState.Closed, false, false)]
    [InlineData(Role.Reviewer, true, RoundState.Published, false, true)]
    [InlineData(Role.Contributor, true, RoundState.Published, false, true)]
    [InlineData(Role.Contributor, true, RoundState.Open, false, false)]
    public void MayDownload_RoleClearanceAndRoundState_FullNeedsClearanceForEveryRecord(Role role, bool readsSensitive, RoundState state, bool full, bool open)
    {
        var reader = new Reader(role, new HashSet<int> { 1 }, new HashSet<int> { 1 }, new HashSet<int> { 1 }, readsSensitive);

        Assert.Equal(full, ReportCatalogue.MayDownload(reader, state, ReportVersion.Full));
        Assert.Equal(open, ReportCatalogue.MayDownload(reader, state, ReportVersion.Public));
    }

    [Fact]
    public async Task BuildAsync_FullVersionForAReaderNotCleared_RefusedSayingWhatToDo()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await SaveAsync(store);
        await using var db = store.Open();

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            ReportCatalogue.BuildAsync(db, ReportCatalogue.Find("quarterly")!, SampleReports.Q2, ReportVersion.Full, Reader.Public, TestClock.DefaultStart));

        Assert.Equal("The full version of the quarterly report holds OFFICIAL-SENSITIVE text, and your account is not cleared to read all of it: "
            + "download the public version, or ask an administrator for permission to read sensitive text.", error.Message);
    }

    [Fact]
    public void All_EveryKindInEveryFormatAndVersion()
    {
        Assert.Equal(["quarterly", "strategy", "closure"], ReportCatalogue.Kinds.Select(k => k.Slug));
        Assert.Equal(3 * 3 * 2, ReportCatalogue.All.Count);
        Assert.Equal(ReportCatalogue.All.Count, ReportCatalogue.All.Distinct().Count());
    }

    /// <summary>The plan of <see cref="SampleReports.QuarterlyPlan"/> with its Q2 round, and a strategy with one task at risk.</summary>
    private static async Task SaveAsync(TestStore store)
    {
        var builder = new PlanBuilder().WithPriority("Safer streets", 2);
        var plan = builder.Build();
        var clock = new TestClock(new DateTimeOffset(2023, 9, 25, 9, 0, 0, TimeSpan.Zero));
        var round = new ReportingRound(plan, SampleReports.Q2, new DateOnly(2023, 10, 20), clock.GetUtcNow());
        var first = plan.Commitments.Single(c => c.Reference == "1.1");
        var second = plan.Commitments.Single(c => c.Reference == "1.2");
        var b = builder.Units[1];
        var c = builder.Units[2];

        var approved = new QuarterlyUpdate(round, first, b, "Writer", clock.GetUtcNow());
        approved.Edit(round, Commentary.Parse($"Patrols were doubled in the town centre ({OfficialToken}).\n\n- 12 visits made ({OfficialToken})"), DeliveryStatus.OnTrack, "Writer", clock.GetUtcNow(),
            Commentary.Parse($"Covert work continues with the regional unit ({SensitiveToken}).\n\n- Two sources handled ({SensitiveToken})"));
        approved.Submit(round, "Writer", clock.GetUtcNow());
        approved.Approve(round, "Reviewer", null, clock.GetUtcNow());

        var draft = new QuarterlyUpdate(round, second, b, "Writer", clock.GetUtcNow());
        draft.Edit(round, Commentary.Parse($"Not yet written ({DraftToken}).\n\n- A draft bullet ({DraftToken})"), DeliveryStatus.OnTrack, "Writer", clock.GetUtcNow(),
            Commentary.Parse($"A draft sensitive line ({DraftToken})."));

        var submitted = new QuarterlyUpdate(round, second, c, "Writer", clock.GetUtcNow());
        submitted.Edit(round, Commentary.Parse($"Awaiting review ({SubmittedToken}).\n\n- A submitted bullet ({SubmittedToken})"), DeliveryStatus.OnTrack, "Writer", clock.GetUtcNow(),
            Commentary.Parse($"A submitted sensitive line ({SubmittedToken})."));
        submitted.Submit(round, "Writer", clock.GetUtcNow());

        var strategy = new CrimePreventionStrategy("Crime Prevention Strategy 2021-2024", 2021, 2024, null);
        var task = strategy.AddStrand("Hate Crime").PlanTitled("Hate Crime 4P plan").AddTask(FourPStage.Pursue, 5, "Increase case referrals", new DateOnly(2023, 4, 1), "test");
        task.ChangeStatus(DeliveryTaskStatus.AtRisk, new DateOnly(2023, 5, 1), "test", $"Funding ends in March ({RiskToken})", "Bid submitted");
        task.NoteSensitive($"The referrals come from a covert source ({NoteToken}).");

        await using var db = store.Open();
        db.Plans.Add(plan);
        db.Rounds.Add(round);
        db.Updates.AddRange(approved, draft, submitted);
        db.Strategies.Add(strategy);
        await db.SaveChangesAsync();
    }

    private static async Task<Written> WriteAsync(TestStore store, ReportCatalogue.Entry entry)
    {
        await using var db = store.Open();
        using var output = new MemoryStream();
        var document = await ReportCatalogue.WriteAsync(db, entry, SampleReports.Q2, Reader.Operator, TestClock.DefaultStart, output);
        var bytes = output.ToArray();
        switch (entry.Format)
        {
            case ReportFormat.Docx:
            {
                using var word = Docx.Open(bytes);
                Docx.AssertValid(word);
                var main = word.MainDocumentPart!;
                var markings = main.HeaderParts.Select(h => h.Header.InnerText).Concat(main.FooterParts.Select(f => f.Footer.InnerText))
                    .Select(MarkingIn).ToList();
                var text = string.Join("\n", new[] { main.Document.Body!.InnerText }.Concat(main.HeaderParts.Select(h => h.Header.InnerText))
                    .Concat(main.FooterParts.Select(f => f.Footer.InnerText))
                    .Concat(main.ChartParts.Select(p => p.ChartSpace.InnerText))
                    .Append(word.PackageProperties.Title ?? "").Append(word.PackageProperties.Subject ?? "").Append(word.PackageProperties.Keywords ?? ""));
                return new Written(document.Marking, text, markings);
            }

            case ReportFormat.Html:
            {
                var html = Encoding.UTF8.GetString(bytes);
                var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..];
                var markings = System.Text.RegularExpressions.Regex.Matches(html, "@(?:top|bottom)-center \\{ content: \"([^\"]*)\"").Select(m => m.Groups[1].Value)
                    .Concat(System.Text.RegularExpressions.Regex.Matches(body, "<div class=\"marking screen-only\"[^>]*>([^<]*)</div>").Select(m => m.Groups[1].Value))
                    .ToList();
                Assert.Equal(4, markings.Count);
                return new Written(document.Marking, html, markings);
            }

            case ReportFormat.Pdf:
            {
                var pages = await PdfText.PagesAsync(bytes);
                var markings = pages.SelectMany(p =>
                {
                    var lines = p.Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
                    return new[] { MarkingIn(string.Join(" ", lines.Take(2))), MarkingIn(lines[^1]) };
                }).ToList();
                return new Written(document.Marking, string.Join("\n", pages), markings);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(entry), entry.Format, "No such format.");
        }
    }

    /// <summary>The marking printed in a header or footer line: "OFFICIAL-SENSITIVE", "OFFICIAL", or "" for none.</summary>
    private static string MarkingIn(string line) =>
        line.Contains("OFFICIAL-SENSITIVE", StringComparison.Ordinal) ? "OFFICIAL-SENSITIVE" : line.Contains("OFFICIAL", StringComparison.Ordinal) ? "OFFICIAL" : "";

    private static string Text(ReportBlock block) => block switch
    {
        ReportParagraph p => p.Text,
        ReportBulletList l => string.Join("\n", l.Items),
        _ => "",
    };

    /// <summary>A written report: the document's marking, all its text, and the marking printed at each page's top and bottom.</summary>
    private sealed record Written(string Marking, string Text, IReadOnlyList<string> PageMarkings);
}
