using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Performance;

public sealed class HarmTotalsTests
{
    private static readonly ReportingMonth To = new(2025, 12);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ForAsync_ForceAndNationalWeights_HarmIsCountTimesWeightBesideCounts(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police", "Kent Police");
        await PeerData.MonthlyAsync(db, "Burglary", "Essex Police", 10, To, months: 24);
        await PeerData.MonthlyAsync(db, "Shoplifting", "Essex Police", 50, To, months: 24);
        await PeerData.MonthlyAsync(db, "Burglary", "Essex Police", 8, To);
        await new HarmWeightsImport(db).ImportAsync(PeerData.Temp(
            "force,crime_type,cchi_days\nEssex,Burglary,245.91\nKent,Burglary,999\n,Burglary,200\n,Shoplifting,1.0\n,Fraud,30\n"));

        var result = await HarmTotals.ForAsync(db, "Essex", To);

        var index = Assert.Single(result.Indexes);
        Assert.Equal([("Burglary", 96L, 245.91m, false), ("Shoplifting", 600L, 1.0m, true)], index.Rows.Select(r => (r.CrimeType, r.Count, r.Weight, r.National)));
        Assert.Equal((96 * 245.91m) + 600m, index.Harm);
        Assert.Equal(696, index.Count);
        // A fall in volume (720 → 696) with a larger fall in harm: both stand side by side.
        Assert.Equal(720, index.PreviousCount);
        Assert.Equal((120 * 245.91m) + 600m, index.PreviousHarm);
        Assert.Equal(["Fraud"], index.NotHeld);
        Assert.Contains("Harm = count × Cambridge Crime Harm Index weight in days", index.Method, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForAsync_WeightsFileSpellsTheTypeOtherwise_RowNamedAsTheStoreNamesTheMeasure()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police");
        await PeerData.MonthlyAsync(db, "Burglary", "Essex Police", 10, To);
        await new HarmWeightsImport(db).ImportAsync(PeerData.Temp("force,crime_type,cchi_days\n, burglary ,200\n"));

        var result = await HarmTotals.ForAsync(db, "Essex Police", To);

        Assert.Equal("Burglary", Assert.Single(Assert.Single(result.Indexes).Rows).CrimeType);
    }

    [Fact]
    public async Task ForAsync_TwoIndexes_SideBySide()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police");
        await PeerData.MonthlyAsync(db, "Burglary", "Essex Police", 10, To);
        await new HarmWeightsImport(db).ImportAsync(PeerData.Temp("force,crime_type,cchi_days\n,Burglary,200\n"));
        await new HarmWeightsImport(db).ImportAsync(PeerData.Temp("force,crime_type,days\n,Burglary,50\n"), "ONS Crime Severity Score", "ONS");

        var result = await HarmTotals.ForAsync(db, "Essex Police", To);

        Assert.Equal([("Cambridge Crime Harm Index", 24000m), ("ONS Crime Severity Score", 6000m)], result.Indexes.Select(i => (i.Index, i.Harm)));
        Assert.Equal(["the Cambridge Crime Harm Index", "the ONS Crime Severity Score"], result.Indexes.Select(i => i.Named));
        Assert.Equal("Test weights", new HarmIndexResult("Test weights", "", [], []).Named);
    }

    [Fact]
    public async Task ForAsync_MonthsMissing_RefusedNamingThem()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police");
        await PeerData.MonthlyAsync(db, "Burglary", "Essex Police", 10, To, months: 11);
        await new HarmWeightsImport(db).ImportAsync(PeerData.Temp("force,crime_type,cchi_days\n,Burglary,200\n"));

        var ex = await Assert.ThrowsAsync<DomainException>(() => HarmTotals.ForAsync(db, "Essex Police", To));

        Assert.Equal("Essex Police has no Burglary figures for 2025-01: the harm of the 12 months to December 2025 needs all 12. Import those months first.", ex.Message);
    }

    [Fact]
    public async Task ForAsync_NoIndex_RefusedSayingHowToLoadOne()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police");

        var ex = await Assert.ThrowsAsync<DomainException>(() => HarmTotals.ForAsync(db, "Essex Police", To));

        Assert.Equal("No harm index is loaded: import one with 'scrutineer import harm FILE' (force,crime_type,days).", ex.Message);
    }
}
