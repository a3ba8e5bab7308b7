using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

/// <summary><c>scrutineer search</c>: the web's search from the command line, everything by default or as one account would see it.</summary>
public sealed class SearchCommandTests
{
    [Fact]
    public async Task Search_DraftOfAnotherUnit_FoundForTheOperator_NotAsNorthsContributor_AndAnEmptySearchRefused()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        const string word = "wordplantedforsearch";
        int id;
        await using (var db = store.Open())
        {
            var update = await db.Updates.Include(u => u.Round)
                .Where(u => u.Round.State == RoundState.Open && u.State == UpdateState.Draft && u.Unit.ShortName != "North LPA").OrderBy(u => u.Id).FirstAsync();
            update.Correct(update.Round, Commentary.Parse($"Partnership work. {word}."), update.Status, "Test", DateTimeOffset.UtcNow, "Test text");
            await db.SaveChangesAsync();
            id = update.Id;
        }

        var all = await Cli.RunAsync("search", word, "--format", "csv", "--db", store.DbArgument);
        var asNorth = await Cli.RunAsync("search", word, "--as", "contributor.north", "--format", "csv", "--db", store.DbArgument);
        var nobody = await Cli.RunAsync("search", word, "--as", "nobody", "--db", store.DbArgument);
        var tooShort = await Cli.RunAsync("search", "x", "--db", store.DbArgument);

        Assert.True(all.ExitCode == 0, all.Error);
        Assert.Equal("kind,id,title,where,text", all.Lines[0]);
        Assert.StartsWith($"update,{id},\"Update on ", Assert.Single(all.Lines.Skip(1)), StringComparison.Ordinal);
        Assert.Equal(["kind,id,title,where,text"], asNorth.Lines);
        Assert.Equal((1, "error: --as: no account 'nobody'. 'user list' shows the accounts."), (nobody.ExitCode, nobody.Error.Trim()));
        Assert.Equal((1, "error: Search must be 2 characters or more"), (tooShort.ExitCode, tooShort.Error.Trim()));
    }
}
