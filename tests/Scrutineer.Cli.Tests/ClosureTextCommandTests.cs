using Scrutineer.Application.Data;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

public sealed class ClosureTextCommandTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ClosureText_SetFromFiles_ShownAndPrintedInTheClosureReport(StoreProvider provider)
    {
        await using var store = await SmallRound.CreateAsync(provider);
        var foreword = SmallRound.File("foreword.txt", "The public asked for safer roads.\n\nThis plan answered them.\n");
        var summary = SmallRound.File("summary.txt", "Every commitment was delivered.");

        var set = await Cli.RunAsync("report", "closure-text", "--foreword-file", foreword, "--summary-file", summary, "--db", store.DbArgument);

        Assert.True(set.ExitCode == 0, set.Error);
        Assert.Equal(
            ["Closure report text of Test Plan 2023-2026 saved.", "Foreword: 2 paragraphs:", "  The public asked for safer roads.", "  This plan answered them.", "Executive summary: 1 paragraph:", "  Every commitment was delivered."],
            set.Lines);
        var html = Path.Combine(Path.GetTempPath(), $"closure-{Guid.NewGuid():N}.html");
        try
        {
            var report = await Cli.RunAsync("report", "closure", "--period", SmallRound.Period, "--format", "html", "--out", html, "--db", store.DbArgument);
            Assert.True(report.ExitCode == 0, report.Error);
            var text = await File.ReadAllTextAsync(html);
            Assert.Contains("1.2. This plan answered them.", text, StringComparison.Ordinal);
            Assert.Contains("2.1. Every commitment was delivered.", text, StringComparison.Ordinal);
            Assert.Contains("2.2. Baseline: 2022/23, the financial year before the plan began.", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(html);
        }

        var cleared = await Cli.RunAsync("report", "closure-text", "--foreword-file", SmallRound.File("empty.txt", ""), "--db", store.DbArgument);
        Assert.Contains("Foreword: none written, so the foreword generated from the figures.", cleared.Lines);
        Assert.Contains("Executive summary: 1 paragraph:", cleared.Lines);
    }

    [Fact]
    public async Task ClosureText_MarkingInTheForeword_RefusedNamingTheFileAndLine_NothingSaved()
    {
        await using var store = await SmallRound.CreateAsync(StoreProvider.Sqlite);
        var foreword = SmallRound.File("foreword.txt", "A good plan.\nOFFICIAL-SENSITIVE: the operation's name.");
        var summary = SmallRound.File("summary.txt", "Every commitment was delivered.");

        var run = await Cli.RunAsync("report", "closure-text", "--foreword-file", foreword, "--summary-file", summary, "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(
            "The foreword (foreword.txt) contains the marking \"OFFICIAL-SENSITIVE\" on line 2. OFFICIAL text cannot carry a marking: move that text into the OFFICIAL-SENSITIVE part and delete the marking.",
            run.Error, StringComparison.Ordinal);
        var show = await Cli.RunAsync("report", "closure-text", "--db", store.DbArgument);
        Assert.Equal(["Foreword: none written, so the foreword generated from the figures.", "Executive summary: none written, so the summary generated from the figures alone."], show.Lines);
    }

    [Fact]
    public async Task ClosureText_NoSuchFile_RefusedWithItsPath()
    {
        await using var store = await SmallRound.CreateAsync(StoreProvider.Sqlite);
        var missing = Path.Combine(Path.GetTempPath(), $"no-{Guid.NewGuid():N}.txt");

        var run = await Cli.RunAsync("report", "closure-text", "--summary-file", missing, "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"--summary-file: no file {missing}. Give the path of a text file.", run.Error, StringComparison.Ordinal);
    }
}
