using Scrutineer.Application.Data;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Imports;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Performance;

public sealed class HarmWeightsImportTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_ForceNamesAsTheIndexGivesThem_MatchedNationalKeptOthersReported(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police", "Metropolitan Police Service");
        var path = PeerData.Temp("""
            force,crime_type,cchi_days
            Essex,Burglary,245.91
            Metropolitan Police,Burglary,230.5
            Norfolk,Burglary,240
            ,Shoplifting,1.0
            """);

        var result = await new HarmWeightsImport(db).ImportAsync(path);

        Assert.Equal(HarmWeightsImport.Cchi, result.Index);
        Assert.Equal(3, result.Weights);
        Assert.Equal(4, Assert.Single(result.Skipped).Line);
        var weights = await db.HarmWeights.Include(w => w.Force).OrderBy(w => w.Days).ToListAsync();
        Assert.Equal([(null, "Shoplifting", 1.0m), ("Metropolitan Police Service", "Burglary", 230.5m), ("Essex Police", "Burglary", 245.91m)],
            weights.Select(w => (w.Force?.Name, w.CrimeType, w.Days)));
        Assert.Equal(ImportRunKind.HarmWeights, (await db.ImportRuns.SingleAsync(r => r.Id == result.RunId)).Kind);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_NegativeWeight_RefusedNamingLineAndNothingWritten(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police");
        var path = PeerData.Temp("force,crime_type,cchi_days\nEssex,Burglary,245.91\nEssex,Robbery,-3\n");

        var ex = await Assert.ThrowsAsync<ImportException>(() => new HarmWeightsImport(db).ImportAsync(path));

        Assert.Equal($"{path}:3: cchi_days '-3' is not a weight: expected a number of days from 0 to 365,250 with at most 4 decimal places, for example 198.63.", ex.Message);
        Assert.Equal(0, await db.HarmWeights.CountAsync());
        Assert.Equal(0, await db.HarmIndexes.CountAsync());
    }

    [Fact]
    public async Task ImportAsync_AllCrimeWeighted_RefusedAsCountingEachCrimeTwiceAndNothingWritten()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police");
        var path = PeerData.Temp("force,crime_type,days\nEssex,Burglary,1\nEssex,all crime,1\n");

        var ex = await Assert.ThrowsAsync<ImportException>(() => new HarmWeightsImport(db).ImportAsync(path, "Test index"));

        Assert.Equal($"{path}:3: all crime is the total of the other crime types, so a weight for it would count each crime twice: "
            + "remove the row and weigh each crime type instead.", ex.Message);
        Assert.Equal(0, await db.HarmWeights.CountAsync());
    }

    [Fact]
    public async Task ImportAsync_WeightGivenTwice_RefusedNamingTheEarlierLine()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police");
        var path = PeerData.Temp("force,crime_type,days\nEssex,Burglary,1\nEssex Police,burglary,2\n");

        var ex = await Assert.ThrowsAsync<ImportException>(() => new HarmWeightsImport(db).ImportAsync(path, "Test index"));

        Assert.Equal($"{path}:3: burglary already has a weight for Essex Police on line 2: give each weight once.", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_AmbiguousForce_ReportedAndSkipped()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Kent Police", "Kent Constabulary");
        var path = PeerData.Temp("force,crime_type,days\nKent,Burglary,1\n,Burglary,2\n");

        var result = await new HarmWeightsImport(db).ImportAsync(path, "Test index");

        Assert.Equal($"{path}:2: force 'Kent' could be Kent Constabulary or Kent Police: name the force in full. The row was skipped.", Assert.Single(result.Skipped).ToString());
    }

    [Fact]
    public async Task ImportAsync_SameIndexAgain_ReplacesItsWeights()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police");
        await new HarmWeightsImport(db).ImportAsync(PeerData.Temp("force,crime_type,cchi_days\nEssex,Burglary,1\nEssex,Robbery,2\n"));

        await new HarmWeightsImport(db).ImportAsync(PeerData.Temp("force,crime_type,cchi_days\nEssex,Burglary,3\n"));

        Assert.Equal(3m, (await db.HarmWeights.SingleAsync()).Days);
        Assert.Equal(1, await db.HarmIndexes.CountAsync());
    }

    [Fact]
    public async Task ImportAsync_SameIndexNamedInOtherCase_ReplacesItsWeights()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police");
        await new HarmWeightsImport(db).ImportAsync(PeerData.Temp("force,crime_type,days\nEssex,Burglary,1\n"), "Test Harm Index");

        var again = await new HarmWeightsImport(db).ImportAsync(PeerData.Temp("force,crime_type,days\nEssex,Burglary,3\n"), "test harm index");

        Assert.Equal("Test Harm Index", again.Index);
        Assert.Equal(3m, (await db.HarmWeights.SingleAsync()).Days);
        Assert.Equal("Test Harm Index", (await db.HarmIndexes.SingleAsync()).Name);
    }
}
