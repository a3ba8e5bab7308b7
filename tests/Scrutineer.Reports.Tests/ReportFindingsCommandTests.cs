using Scrutineer.Application.Data;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;
using Scrutineer.Application.QuarterlyUpdates;

namespace Scrutineer.Reports.Tests;

/// <summary>The figures check runs on every report as it is written: the report is written, the findings go to standard error.</summary>
public sealed class ReportFindingsCommandTests
{
    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ReportQuarterly_CommentaryWithAWrongFigure_WrittenAndTheReportCheckListOnStandardError(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (plan, round, updates) = SampleReports.QuarterlyPlan();
        var draft = updates.Single(u => u.Commitment.Reference == "2.2" && u.Unit.ShortName == "C");
        draft.Edit(round, Commentary.Parse("C Update:\n\nArrests rose from 120 to 100.\n\n41 out of 120 (43%) were closed."), DeliveryStatus.OnTrack, "Writer", new DateTimeOffset(2023, 9, 26, 9, 0, 0, TimeSpan.Zero));
        await using (var db = store.Open())
        {
            db.Plans.Add(plan);
            db.Rounds.Add(round);
            db.Updates.AddRange(updates);
            await db.SaveChangesAsync();
        }

        var path = Path.Combine(Path.GetTempPath(), $"q2-{Guid.NewGuid():N}.html");
        try
        {
            var run = await Cli.RunAsync("report", "quarterly", "--period", "Q2 2023/24", "--format", "html", "--out", path, "--db", store.DbArgument);
            var check = await Cli.RunAsync("report", "check", "--period", "Q2 2023/24", "--db", store.DbArgument);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.True(File.Exists(path));
            Assert.StartsWith("Warning: the figures check found 2 inconsistent figures in the Q2 2023/24 commentary. Correct the commentary and write the report again before it goes to the board; "
                + "publishing the round asks you to confirm them:\n", run.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.Equal(1, check.ExitCode);
            var listed = check.Out.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, listed.Length);
            Assert.All(listed, line => Assert.StartsWith("Q2 2023/24 commitment 2.2, C update (draft), line ", line, StringComparison.Ordinal));
            Assert.Equal(listed.Select(l => "  " + l), run.Error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        }
        finally
        {
            File.Delete(path);
        }

        await using (var db = store.Open())
        {
            Assert.Empty(await CommentaryCheck.ForReportAsync(db, FinancialQuarter.Parse("Q3 2023/24")));
            Assert.Equal(2, (await CommentaryCheck.ForReportAsync(db, SampleReports.Q2, plan.Title)).Count);
        }
    }
}
