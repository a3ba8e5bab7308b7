using Scrutineer.Application.Data;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

public sealed class InsightsCommandsTests
{
    private static string TidyFile(int months)
    {
        var path = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N") + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var first = new Domain.Periods.ReportingMonth(2021, 10);
        var lines = new List<string> { "measure,area,period,value" };
        for (var i = 0; i < months; i++)
        {
            lines.Add($"Hate crime,Essex Police,{first.Plus(i)},{(i < 12 ? 270 : 350) + (i % 3)}");
            lines.Add($"Knife crime,Essex Police,{first.Plus(i)},{(i < 12 ? 2 : 1)}");
            lines.Add($"Robbery,Essex Police,{first.Plus(i)},{(i < 12 ? 0 : 1)}");
        }

        File.WriteAllLines(path, lines);
        return path;
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Rolling12_Csv_ExactHeaderPlainNumbers(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        Assert.Equal(0, (await Cli.RunAsync("import", "measures", TidyFile(24), "--db", store.DbArgument)).ExitCode);

        var run = await Cli.RunAsync("insights", "rolling12", "--to", "2023-09", "--format", "csv", "--db", store.DbArgument);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("measure,area,previous_12m,latest_12m,difference,percent_change,significant", run.Lines[0]);
        // Previous: 12 months of 270 + (i % 3) = 3252; latest 350 + (i % 3) = 4212.
        Assert.Contains("Hate crime,Essex Police,3252,4212,960,29.5,true", run.Lines);
        Assert.Contains("Knife crime,Essex Police,24,12,-12,-50.0,false", run.Lines);
        Assert.Contains("Robbery,Essex Police,0,12,12,,true", run.Lines);
    }

    [Fact]
    public async Task Rolling12_Table_SignedFiguresAndVerdict()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.RunAsync("import", "measures", TidyFile(24), "--db", store.DbArgument);

        var run = await Cli.RunAsync("insights", "rolling12", "--to", "2023-09", "--measure", "knife crime", "--db", store.DbArgument);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("12 months to September 2023", run.Out, StringComparison.Ordinal);
        var row = Assert.Single(run.Lines, l => l.StartsWith("Knife crime", StringComparison.Ordinal));
        Assert.Contains("\u221212", row, StringComparison.Ordinal);
        Assert.Contains("\u221250.0%", row, StringComparison.Ordinal);
        Assert.Contains("no significant change (small base)", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rolling12_NotEnoughMonths_SaysWhichAreMissing()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.RunAsync("import", "measures", TidyFile(20), "--db", store.DbArgument);

        var run = await Cli.RunAsync("insights", "rolling12", "--to", "2023-09", "--measure", "Hate crime", "--area", "Essex Police", "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("missing: 2023-06 to 2023-09", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rolling12_SomeAreasLackMonths_TableSaysWhoIsLeftOutAndCsvSaysItBeside()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.RunAsync("import", "measures", TidyFile(24), "--db", store.DbArgument);
        var kent = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(kent, ["measure,area,period,value", .. Enumerable.Range(0, 20).Select(i => $"Hate crime,Kent Police,{new Domain.Periods.ReportingMonth(2021, 10).Plus(i)},300")]);
        Assert.Equal(0, (await Cli.RunAsync("import", "measures", kent, "--db", store.DbArgument)).ExitCode);

        var table = await Cli.RunAsync("insights", "rolling12", "--to", "2023-09", "--db", store.DbArgument);
        var csv = await Cli.RunAsync("insights", "rolling12", "--to", "2023-09", "--format", "csv", "--db", store.DbArgument);

        const string leftOut = "Left out, as some of the 24 months are missing: Kent Police (Hate crime; 2023-06 to 2023-09 missing).";
        Assert.Equal(0, table.ExitCode);
        Assert.DoesNotContain(table.Lines, l => l.Contains("Kent Police", StringComparison.Ordinal) && !l.StartsWith("Left out", StringComparison.Ordinal));
        Assert.Contains(leftOut, table.Lines);
        Assert.Equal(0, csv.ExitCode);
        Assert.DoesNotContain("Kent", csv.Out, StringComparison.Ordinal);
        Assert.Contains(leftOut, csv.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Years_Headcount_RefusedRatherThanSummingTwelveMonths()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var folder = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var definitions = Path.Combine(folder, "measures.csv");
        File.WriteAllLines(definitions, ["name,unit,kind,better,definition,source", "Police officers,officers,headcount,higher,Officers in post,HR"]);
        var observations = Path.Combine(folder, "officers.csv");
        File.WriteAllLines(observations, ["measure,area,period,value", .. Enumerable.Range(0, 24).Select(i => $"Police officers,Essex Police,{new Domain.Periods.ReportingMonth(2022, 4).Plus(i)},3600")]);
        Assert.Equal(0, (await Cli.RunAsync("import", "measures", definitions, "--db", store.DbArgument)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("import", "measures", observations, "--db", store.DbArgument)).ExitCode);

        var years = await Cli.RunAsync("insights", "years", "--measure", "Police officers", "--area", "Essex Police", "--db", store.DbArgument);

        Assert.Equal(1, years.ExitCode);
        Assert.Contains("not a count", years.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("43,200", years.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spc_And_Years_Print()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.RunAsync("import", "measures", TidyFile(24), "--db", store.DbArgument);

        var spc = await Cli.RunAsync("insights", "spc", "--measure", "Hate crime", "--area", "Essex Police", "--format", "csv", "--db", store.DbArgument);
        var years = await Cli.RunAsync("insights", "years", "--measure", "Hate crime", "--area", "Essex Police", "--db", store.DbArgument);

        Assert.Equal(0, spc.ExitCode);
        Assert.Equal(25, spc.Lines.Length);
        Assert.Contains(spc.Lines, l => l.EndsWith("special cause: neither", StringComparison.Ordinal));
        Assert.Equal(0, years.ExitCode);
        Assert.Contains("2022/23", years.Out, StringComparison.Ordinal);
    }
}
