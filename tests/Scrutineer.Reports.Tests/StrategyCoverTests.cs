using Scrutineer.Application.Data;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Common;
using Scrutineer.Testing;

namespace Scrutineer.Reports.Tests;

/// <summary>The strategy report's cover details: read once by <see cref="StrategyReportCover.Parse"/>, set on the command line.</summary>
public sealed class StrategyCoverTests
{
    [Theory]
    [InlineData("31/02/2024", null, null, "Date of meeting must be a real date, such as 27/03/2024")]
    [InlineData("next Tuesday", null, null, "Date of meeting must be a real date, such as 27/03/2024")]
    [InlineData(null, "2024-13-01", null, "Date paper was written must be a real date, such as 27/03/2024")]
    [InlineData(null, "16/03/2024", "15/03/2024", "Date of approval must be the same as or after the date the paper was written (16/03/2024)")]
    public void Parse_BadDate_SaysWhichDetailAndWhatToType(string? meeting, string? written, string? approved, string message)
    {
        var ex = Assert.Throws<DomainException>(() => StrategyReportCover.Parse("6.0", meeting, "V1", written, approved));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Parse_AgendaTooLong_Refused()
    {
        var ex = Assert.Throws<DomainException>(() => StrategyReportCover.Parse(new string('6', 41), null, null, null, null));

        Assert.Equal("Agenda number must be 40 characters or fewer", ex.Message);
    }

    [Fact]
    public void Parse_BlankDetails_EachLeftToItsDefault()
    {
        Assert.Equal(StrategyReportCover.None, StrategyReportCover.Parse(" ", "", null, " ", null));
        Assert.Equal(new StrategyReportCover("6.0", new DateOnly(2024, 3, 27), "V2", new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 1)),
            StrategyReportCover.Parse(" 6.0 ", "27/3/2024", "V2", "2024-03-01", "01/03/2024"));
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ReportStrategy_CoverOptions_PrintedOnTheCover(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await StrategyReportStoreTests.SeedAsync(store);
        var path = Path.Combine(Path.GetTempPath(), $"strategy-{Guid.NewGuid():N}.html");
        try
        {
            var run = await Cli.RunAsync("report", "strategy", "--period", "Q2 2023/24", "--format", "html", "--out", path, "--db", store.DbArgument,
                "--agenda", "6.0", "--meeting", "30/11/2023", "--version", "V3", "--written", "16/10/2023", "--approved", "2023-11-07");

            Assert.True(run.ExitCode == 0, run.Error);
            var html = await File.ReadAllTextAsync(path);
            Assert.Matches("Agenda Number:</th><td[^>]*>6\\.0<", html);
            Assert.Matches("Date of Meeting:</th><td[^>]*>30/11/2023<", html);
            Assert.Matches("Version Number:</th><td[^>]*>V3<", html);
            Assert.Matches("Date Paper was Written:</th><td[^>]*>16/10/2023<", html);
            Assert.Matches("Date of Approval:</th><td[^>]*>07/11/2023<", html);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ReportStrategy_NoCoverOptions_ToBeConfirmedAndWrittenToday()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StrategyReportStoreTests.SeedAsync(store);
        var path = Path.Combine(Path.GetTempPath(), $"strategy-{Guid.NewGuid():N}.html");
        try
        {
            var run = await Cli.RunAsync("report", "strategy", "--period", "Q2 2023/24", "--format", "html", "--out", path, "--db", store.DbArgument);

            Assert.True(run.ExitCode == 0, run.Error);
            var html = await File.ReadAllTextAsync(path);
            Assert.Matches("Agenda Number:</th><td[^>]*>To be confirmed<", html);
            Assert.Matches("Date of Meeting:</th><td[^>]*>To be confirmed<", html);
            Assert.Matches("Date Paper was Written:</th><td[^>]*>12/01/2024<", html);
            Assert.Matches("Date of Approval:</th><td[^>]*>Awaiting approval<", html);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ReportStrategy_MeetingNotADate_Exit1WithTheMessageAndNoFile()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StrategyReportStoreTests.SeedAsync(store);
        var path = Path.Combine(Path.GetTempPath(), $"strategy-{Guid.NewGuid():N}.html");

        var run = await Cli.RunAsync("report", "strategy", "--period", "Q2 2023/24", "--format", "html", "--out", path, "--db", store.DbArgument, "--meeting", "30/13/2023");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Date of meeting must be a real date, such as 27/03/2024", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + ".part"));
    }
}
