using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Imports;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Performance;

public sealed class PeerGroupImportTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_ShortNames_MatchedDatedAndUnmatchedSkippedByLine(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police", "Kent Police", "Hertfordshire Constabulary");
        var path = PeerData.Temp("force,peer,from,to\nEssex,Kent,2020-01-01,2023-03-31\nEssex,Hertfordshire,2020-01-01,\nEssex,Norfolk,2020-01-01,\n");

        var result = await new PeerGroupImport(db).ImportAsync(path);

        Assert.Equal(2, result.Links);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(4, skipped.Line);
        Assert.Equal("peer", skipped.Field);
        Assert.Contains("'Norfolk' is not a force the store holds", skipped.ToString(), StringComparison.Ordinal);
        var links = await db.PeerLinks.Include(l => l.Peer).OrderBy(l => l.Peer.Name).ToListAsync();
        Assert.Equal(["Hertfordshire Constabulary", "Kent Police"], links.Select(l => l.Peer.Name));
        Assert.Equal(new DateOnly(2023, 3, 31), links[1].To);
        Assert.Equal(ImportRunKind.Peers, (await db.ImportRuns.SingleAsync(r => r.Id == result.RunId)).Kind);
        Assert.Equal(["Hertfordshire Constabulary"], (await PeerGroups.OnAsync(db, links[0].ForceId, new DateOnly(2025, 12, 31))).Select(a => a.Name));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_BadDate_RefusedNamingLineAndNothingWritten(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police", "Kent Police");
        var path = PeerData.Temp("force,peer,from,to\nEssex Police,Kent Police,2020-01-01,\nKent Police,Essex Police,01/04/2020,\n");

        var ex = await Assert.ThrowsAsync<ImportException>(() => new PeerGroupImport(db).ImportAsync(path));

        Assert.Equal($"{path}:3: from '01/04/2020' is not a date: expected YYYY-MM-DD, for example 2025-04-01.", ex.Message);
        Assert.Equal(0, await db.PeerLinks.CountAsync());
        Assert.Equal(0, await db.ImportRuns.CountAsync(r => r.Kind == ImportRunKind.Peers));
    }

    [Fact]
    public async Task ImportAsync_OverlappingPeriods_RefusedNamingBothLines()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police", "Kent Police");
        var path = PeerData.Temp("force,peer,from,to\nEssex Police,Kent Police,2020-01-01,2024-12-31\nEssex Police,Kent Police,2024-06-01,\n");

        var ex = await Assert.ThrowsAsync<ImportException>(() => new PeerGroupImport(db).ImportAsync(path));

        Assert.Equal($"{path}:3: Kent Police is already in Essex Police's group on some of these days (line 2): give each period once.", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_WrongHeader_RefusedSayingWhatIsExpected()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        var path = PeerData.Temp("force,similar,start,end\n");

        var ex = await Assert.ThrowsAsync<ImportException>(() => new PeerGroupImport(db).ImportAsync(path));

        Assert.Equal($"{path}:1: expected the header 'force,peer,from,to': put it on the first line.", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_AgainForTheSameForce_ReplacesItsGroup()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police", "Kent Police", "Suffolk Constabulary");
        await new PeerGroupImport(db).ImportAsync(PeerData.Temp("force,peer,from,to\nEssex,Kent,2020-01-01,\nKent,Essex,2020-01-01,\n"));

        var result = await new PeerGroupImport(db).ImportAsync(PeerData.Temp("force,peer,from,to\nEssex,Suffolk,2020-01-01,\n"));

        Assert.Contains("1 link written, 1 removed", result.Summary, StringComparison.Ordinal);
        Assert.Equal(2, await db.PeerLinks.CountAsync());
    }

    [Fact]
    public async Task ImportAsync_NoForceInTheStore_RefusedNamingTheFirstRow()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police");
        var path = PeerData.Temp("force,peer,from,to\nNorfolk,Suffolk,2020-01-01,\n");

        var ex = await Assert.ThrowsAsync<DomainException>(() => new PeerGroupImport(db).ImportAsync(path));

        Assert.StartsWith($"{path}: no row names two forces the store holds, so nothing was imported. {path}:2: force 'Norfolk'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAndEnd_DefaultGroupEdited_DatedLikeTheTable()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await PeerData.ForcesAsync(db, "Essex Police", "Kent Police");

        await PeerGroups.AddAsync(db, "Essex", "Kent", new DateOnly(2025, 1, 1));
        var again = await Assert.ThrowsAsync<DomainException>(() => PeerGroups.AddAsync(db, "Essex", "Kent", new DateOnly(2025, 6, 1)));
        var ended = await PeerGroups.EndAsync(db, "Essex", "Kent", new DateOnly(2025, 6, 30));

        Assert.Equal("Kent Police is already in Essex Police's peer group (since 1 January 2025).", again.Message);
        Assert.Equal(new DateOnly(2025, 6, 30), ended.To);
        var essex = await PeerGroups.FindForceAsync(db, "Essex Police");
        Assert.Single(await PeerGroups.OnAsync(db, essex.Id, new DateOnly(2025, 6, 30)));
        Assert.Empty(await PeerGroups.OnAsync(db, essex.Id, new DateOnly(2025, 7, 1)));
    }
}
