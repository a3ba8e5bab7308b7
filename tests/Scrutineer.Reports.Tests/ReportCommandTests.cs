using Scrutineer.Application.Data;
using Scrutineer.Testing;

namespace Scrutineer.Reports.Tests;

public sealed class ReportCommandTests
{
    [Fact]
    public async Task CheckText_InconsistentClaims_OneLineEachAndExit1()
    {
        var file = Path.Combine(Path.GetTempPath(), $"draft-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "Arrests rose from 120 to 100.\n\n41 out of 120 (43%) were closed.\n\n12 out of 48 (25%) were urgent.");
        try
        {
            var run = await Cli.RunAsync("report", "check", "--text", file);

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(2, run.Lines.Length);
            Assert.StartsWith(Path.GetFileName(file) + ", line 1: \"rose from 120 to 100\"", run.Lines[0], StringComparison.Ordinal);
            Assert.Contains("line 3", run.Lines[1], StringComparison.Ordinal);
            Assert.Contains("2 inconsistent figures", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task CheckText_ConsistentClaims_NothingPrintedAndExit0()
    {
        var file = Path.Combine(Path.GetTempPath(), $"draft-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "Arrests fell from 120 to 100, a reduction of 16.7%.\n\n41 out of 120 (34%) were closed.");
        try
        {
            var run = await Cli.RunAsync("report", "check", "--text", file);

            Assert.Equal(0, run.ExitCode);
            Assert.Empty(run.Out);
            Assert.Contains("No inconsistent figures", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ReportQuarterly_Html_WritesTheFileWithEveryCommitment(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (plan, round, updates) = SampleReports.QuarterlyPlan();
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

            Assert.True(run.ExitCode == 0, run.Error);
            var html = await File.ReadAllTextAsync(path);
            foreach (var commitment in plan.Commitments)
            {
                Assert.Contains(commitment.Text, html, StringComparison.Ordinal);
            }

            Assert.Contains("<th scope=\"col\">We will</th><th scope=\"col\">Commentary</th><th scope=\"col\">Who</th>", html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task CheckPeriod_NoRound_ClearErrorAndExit1()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);

        var run = await Cli.RunAsync("report", "check", "--period", "Q2 2023/24", "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no plan", run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReportStrategy_NoStrategyInTheStore_ClearErrorExit1AndNoFile()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var path = Path.Combine(Path.GetTempPath(), $"strategy-{Guid.NewGuid():N}.html");

        var run = await Cli.RunAsync("report", "strategy", "--period", "Q4 2023/24", "--format", "html", "--out", path, "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("needs a crime prevention strategy", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
