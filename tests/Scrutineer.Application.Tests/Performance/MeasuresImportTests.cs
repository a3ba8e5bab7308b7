using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Performance;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Performance;

public sealed class MeasuresImportTests
{
    private static string Temp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N") + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_TidyRows_MonthQuarterYearAndRates_ReplacedOnReimport(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var definitions = Temp("name,unit,kind,better,definition,source\nOfficers (FTE),officers,headcount,higher,Full-time equivalent officers,Home Office\n");
        var first = Temp("""
            measure,area,period,value,numerator,denominator
            Officers (FTE),Essex,2019-09,3339.5,,
            DVPO conversion,Essex,Q2 2023/24,,185,205
            Orders granted,Essex,2023/24,42,,
            """);
        var second = Temp("measure,area,period,value\nOrders granted,Essex,2023/24,40\n");

        await using (var db = store.Open())
        {
            await new MeasuresImport(db).ImportAsync(definitions);
            var result = await new MeasuresImport(db).ImportAsync(first);
            Assert.Equal(3, result.Rows);
            await new MeasuresImport(db).ImportAsync(second);
        }

        await using var check = store.Open();
        var rate = await check.Observations.Include(o => o.Measure).SingleAsync(o => o.Measure.Name == "DVPO conversion");
        Assert.Equal(PeriodKind.Quarter, rate.Kind);
        Assert.Equal("2023-07", rate.Period.ToString());
        Assert.Equal(90.2439m, rate.Value);
        Assert.Equal(MeasureKind.Rate, rate.Measure.Kind);
        Assert.Equal((185m, 205m), (rate.Numerator!.Value, rate.Denominator!.Value));
        var orders = await check.Observations.Where(o => o.Measure.Name == "Orders granted").ToListAsync();
        Assert.Equal(40m, Assert.Single(orders).Value);
        Assert.Equal(PeriodKind.FinancialYear, orders[0].Kind);
        Assert.Equal(3339.5m, (await check.Observations.SingleAsync(o => o.Measure.Name == "Officers (FTE)")).Value);
    }

    [Theory]
    [InlineData("measure,area,period,value\nX,Essex,2023-13,4\n", ":2: period '2023-13' is not a month")]
    [InlineData("measure,area,period,value\nX,Essex,2023-01,four\n", ":2: value 'four' is not a number")]
    [InlineData("measure,area,period,value\nX,Essex,2023-01,4\nX,Essex,2023-01,5\n", ":3: X / Essex / 2023-01 is already given on line 2")]
    [InlineData("measure,area,period,value\nX,Essex,2023-01,4.5\n", ":2: measure 'X' is not defined and its value 4.5 is not a whole number")]
    [InlineData("measure,area,period,value,numerator,denominator\nX,Essex,2023-01,,3,0\n", ":2: denominator '0' must be more than 0")]
    [InlineData("measure,place,period,value\n", ":1: unknown header")]
    public async Task ImportAsync_BadRow_FileLineAndNothingWritten(string text, string expected)
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var path = Temp(text + "Y,Essex,2023-01,1\n");
        await using var db = store.Open();

        var ex = await Assert.ThrowsAnyAsync<Domain.Common.DomainException>(() => new MeasuresImport(db).ImportAsync(path));

        Assert.Contains(path + expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Observations.CountAsync());
    }

    [SharedDataFact]
    public async Task ImportAsync_HomeOfficeWorkforceTable_AsTidyRows()
    {
        // The Home Office table (force, Sep-18, Mar-19, Sep-19 FTE) turned into tidy rows, as docs/performance-data.md shows.
        var table = SharedData.Path("data", "workforce", "officer-fte", "2019.csv");
        var lines = File.ReadAllLines(table);
        var tidy = new List<string> { "measure,area,period,value" };
        // "West Midlands" is both a region and a force in the table: the force (the later row) is kept.
        foreach (var f in lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).GroupBy(f => f[0]).Select(g => g.Last()))
        {
            tidy.Add($"Officers (FTE),{f[0]},2018-09,{f[1]}");
            tidy.Add($"Officers (FTE),{f[0]},2019-03,{f[2]}");
            tidy.Add($"Officers (FTE),{f[0]},2019-09,{f[3]}");
        }

        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await new MeasuresImport(db).ImportAsync(Temp("name,unit,kind,better,definition,source\nOfficers (FTE),officers,headcount,higher,Police officers (FTE),Home Office police workforce tables\n"));
        var result = await new MeasuresImport(db).ImportAsync(Temp(string.Join('\n', tidy)));

        Assert.Equal(tidy.Count - 1, result.Rows);
        var essex = await db.Observations.Where(o => o.Area.Name == "Essex").OrderBy(o => o.Period).Select(o => o.Value).ToListAsync();
        Assert.Equal(3, essex.Count);
        Assert.InRange(essex[2], 3000m, 4000m);
    }
}
