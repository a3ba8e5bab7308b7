using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Performance;

public sealed class PeerComparisonsTests
{
    private static readonly ReportingMonth To = new(2025, 12);

    private static async Task<TestStore> GroupAsync(StoreProvider provider)
    {
        var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police", "Kent Police", "Suffolk Constabulary", "Norfolk Constabulary");
        await new PeerGroupImport(db).ImportAsync(PeerData.Temp("force,peer,from,to\nEssex,Kent,2020-01-01,\nEssex,Suffolk,2020-01-01,\nEssex,Norfolk,2020-01-01,2025-06-30\n"));
        await PeerData.MonthlyAsync(db, "Burglary", "Essex Police", 100, To);
        await PeerData.MonthlyAsync(db, "Burglary", "Kent Police", 120, To);
        await PeerData.MonthlyAsync(db, "Burglary", "Suffolk Constabulary", 40, To);
        await PeerData.MonthlyAsync(db, "Burglary", "Norfolk Constabulary", 500, To);
        return store;
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task CompareAsync_Counts_RankAverageAndVerdictAgainstTheGroupOnTheLastDay(StoreProvider provider)
    {
        await using var store = await GroupAsync(provider);
        await using var db = store.Open();

        var result = await PeerComparisons.CompareAsync(db, "burglary", "Essex", To);

        // Norfolk left the group on 30 June 2025: the group of 31 December 2025 is Kent and Suffolk.
        Assert.Equal(PeerBasis.Counts, result.Basis);
        Assert.Equal([("Kent Police", 1440m, 1), ("Essex Police", 1200m, 2), ("Suffolk Constabulary", 480m, 3)],
            result.Rows.Select(r => (r.Force, r.Count!.Value, r.Rank!.Value)));
        Assert.Equal(960m, result.GroupAverage);
        Assert.Equal(1040m, result.AverageWithForce);
        Assert.Equal("significantly higher than the peer average", result.Verdict);
    }

    [Fact]
    public async Task CompareAsync_PopulationLoaded_PerThousandAndSaysSo()
    {
        await using var store = await GroupAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await new MeasuresImport(db).ImportAsync(PeerData.Temp(
            "measure,area,period,value\nPopulation,Essex Police,2024/25,1200000\nPopulation,Kent Police,2024/25,1440000\nPopulation,Suffolk Constabulary,2024/25,480000\n"));

        var result = await PeerComparisons.CompareAsync(db, "Burglary", "Essex Police", To);

        Assert.Equal(PeerBasis.PerThousand, result.Basis);
        Assert.All(result.Rows, r => Assert.Equal(1m, r.Value));
        Assert.All(result.Rows, r => Assert.Equal(1, r.Rank));
        Assert.Equal(1m, result.GroupAverage);
        Assert.Equal("not significantly different from the peer average", result.Verdict);
        // Burglary came from a tidy file, which gives no unit: the basis names the measure.
        Assert.StartsWith("Burglary per 1,000 population", result.BasisText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareAsync_LowRatesPerThousand_EnoughDecimalsToTellTheForcesApartAndNamedByWhatIsCounted()
    {
        await using var store = await GroupAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await PeerData.MonthlyAsync(db, "Arson", "Essex Police", 10, To);
        await PeerData.MonthlyAsync(db, "Arson", "Kent Police", 10, To);
        await PeerData.MonthlyAsync(db, "Arson", "Suffolk Constabulary", 5, To);
        await new MeasuresImport(db).ImportAsync(PeerData.Temp(
            "measure,area,period,value\nPopulation,Essex Police,2024/25,2000000\nPopulation,Kent Police,2024/25,2218000\nPopulation,Suffolk Constabulary,2024/25,1000000\n"));

        var result = await PeerComparisons.CompareAsync(db, "Arson", "Essex Police", To);

        // 0.0600, 0.0541 and 0.0600 per 1,000: to 2 decimals all three would read "0.05" or "0.06" and hide the ranks.
        Assert.Equal(PeerBasis.PerThousand, result.Basis);
        Assert.Equal(4, result.Decimals);
        Assert.Equal(["0.0600", "0.0600", "0.0541"], result.Rows.Select(r => Figures.Number(r.Value!.Value, result.Decimals)));
        Assert.Equal([1, 1, 3], result.Rows.Select(r => r.Rank!.Value));
        // A measure from a tidy file has no unit: the basis names the measure rather than calling it crimes.
        Assert.StartsWith("Arson per 1,000 population", result.BasisText, StringComparison.Ordinal);
        Assert.Equal("Count", result.FigureHeading);
    }

    [Fact]
    public async Task CompareAsync_NormalRates_TwoDecimals()
    {
        await using var store = await GroupAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await new MeasuresImport(db).ImportAsync(PeerData.Temp(
            "measure,area,period,value\nPopulation,Essex Police,2024/25,1200000\nPopulation,Kent Police,2024/25,1440000\nPopulation,Suffolk Constabulary,2024/25,480000\n"));

        var result = await PeerComparisons.CompareAsync(db, "Burglary", "Essex Police", To);

        Assert.Equal(2, result.Decimals);
    }

    [Fact]
    public async Task CompareAsync_PeerMissingMonths_NotRankedAndNamesTheMonths()
    {
        await using var store = await GroupAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await PeerData.MonthlyAsync(db, "Robbery", "Essex Police", 10, To);
        await PeerData.MonthlyAsync(db, "Robbery", "Kent Police", 10, To, months: 10);

        var result = await PeerComparisons.CompareAsync(db, "Robbery", "Essex Police", To);

        var kent = result.Rows.Single(r => r.Force == "Kent Police");
        Assert.Null(kent.Rank);
        Assert.Equal("2025-01 to 2025-02", kent.Missing);
        Assert.Equal(1, result.ForceRow.Rank);
    }

    [Fact]
    public async Task CompareAsync_NoGroup_RefusedSayingHowToLoadOne()
    {
        await using var store = await GroupAsync(StoreProvider.Sqlite);
        await using var db = store.Open();

        var ex = await Assert.ThrowsAsync<DomainException>(() => PeerComparisons.CompareAsync(db, "Burglary", "Kent", To));

        Assert.Equal("Kent Police has no peer group on 31 December 2025: import one with 'scrutineer import peers FILE' (force,peer,from,to).", ex.Message);
    }
}
