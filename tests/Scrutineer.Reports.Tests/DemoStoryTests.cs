using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.FiguresCheck;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Reports.Tests;

/// <summary>
/// The demo tells one story: a "previous quarter" figure is the one the same unit reported the quarter before, and the
/// figures check finds in the generated quarterly reports exactly the errors planted on purpose (listed in the README).
/// </summary>
public sealed partial class DemoStoryTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    private static readonly DateTimeOffset Now = new(2024, 4, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Commentary_PreviousQuarterFigure_IsWhatTheSameUnitReportedTheQuarterBefore()
    {
        await using var db = demo.Store.Open();
        var updates = await db.Updates.Include(u => u.Round).Include(u => u.Unit).Include(u => u.Commitment).ThenInclude(c => c.Priority).ToListAsync();
        var figures = updates.ToDictionary(
            u => (u.Commitment.Reference, u.Unit.ShortName, u.Round.Period.Code),
            u => Activity(u.CommentaryText));

        var pairs = 0;
        foreach (var ((commitment, unit, period), (current, previous)) in figures)
        {
            var before = FinancialQuarter.Parse(period).Previous.Code;
            if (!figures.TryGetValue((commitment, unit, before), out var earlier))
            {
                continue;
            }

            pairs++;
            Assert.True(previous == earlier.Current, $"{period} {commitment} {unit}: previous quarter {previous}, but {before} reported {earlier.Current}");
        }

        Assert.True(pairs > 200, $"only {pairs} quarter-to-quarter pairs");
    }

    [Fact]
    public async Task QuarterlyReports_FiguresCheck_FindsExactlyThePlantedErrors()
    {
        var findings = new List<FigureInconsistency>();
        await using var db = demo.Store.Open();
        foreach (var quarter in Enumerable.Range(1, 4).Select(q => new FinancialQuarter(new FinancialYear(2023), q)))
        {
            var report = await QuarterlyReport.BuildAsync(db, quarter, Now, ReportVersion.Full);
            findings.AddRange(FigureChecker.Check(Text(report), $"{quarter} quarterly report", quarter));
        }

        Assert.Collection(findings,
            f => Assert.Matches(@"^\d+ to \d+ is an increase of \d+\.\d%, not \d+\.\d%$", f.Implied),
            f => Assert.Matches(@"^\d+ to \d+ is a decrease, not an increase$", f.Implied),
            f => Assert.Equal("36 out of 48 is 75.0%, not 80%", f.Implied));
        Assert.All(findings, f => Assert.StartsWith("Q4 2023/24 quarterly report", f.Where, StringComparison.Ordinal));
    }

    /// <summary>The report's text as the figures check reads a pasted report: blocks apart, table rows with "|" between cells.</summary>
    private static string Text(ReportDocument report) => string.Join("\n\n", report.AllBlocks().Select(b => b switch
    {
        ReportParagraph p => p.Text,
        ReportHeading h => h.Text,
        ReportBulletList l => string.Join("\n", l.Items.Select(i => "- " + i)),
        ReportTable t => string.Join("\n", new[] { string.Join(" | ", t.Columns) }.Concat(t.Rows.Select(r => string.Join(" | ", r.Cells.Select(c => c.Text.Replace('\n', ' ')))))),
        _ => "",
    }).Where(s => s.Length > 0));

    /// <summary>(this quarter's activity figure, the previous quarter's figure it quotes).</summary>
    private static (int Current, int Previous) Activity(string commentary)
    {
        var m = Comparison().Match(commentary);
        Assert.True(m.Success, commentary);
        var current = int.Parse(m.Groups["current"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        return (current, m.Groups["previous"].Success ? int.Parse(m.Groups["previous"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : current);
    }

    [GeneratedRegex(@"there were (?<current>[\d,]+) [^,]+, (?:the same number as in the previous quarter|an? (?:increase|decrease)(?: of [\d.]+%)? from (?<previous>[\d,]+))")]
    private static partial Regex Comparison();
}
