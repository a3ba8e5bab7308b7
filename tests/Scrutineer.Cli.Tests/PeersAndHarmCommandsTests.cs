using Scrutineer.Application.Data;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

public sealed class PeersAndHarmCommandsTests
{
    private static string Temp(string text, string extension = ".csv")
    {
        var path = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N") + extension);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Essex, Kent and Suffolk with 12 months of burglary and shoplifting to December 2025 (one import, so no month looks implausible).</summary>
    private static async Task StoreWithForcesAsync(TestStore store)
    {
        Assert.Equal(0, (await Cli.RunAsync("import", "areas", Temp("lsoa,district,lpa,force\nA,Essex district,,Essex Police\nB,Kent district,,Kent Police\nC,Suffolk district,,Suffolk Constabulary\n"),
            "--db", store.DbArgument)).ExitCode);
        var lines = new List<string> { "measure,area,period,value" };
        foreach (var (force, burglary) in new[] { ("Essex Police", 100), ("Kent Police", 120), ("Suffolk Constabulary", 40) })
        {
            for (var m = 1; m <= 12; m++)
            {
                lines.Add($"Burglary,{force},2025-{m:00},{burglary}");
                lines.Add($"Shoplifting,{force},2025-{m:00},50");
            }
        }

        Assert.Equal(0, (await Cli.RunAsync("import", "measures", Temp(string.Join('\n', lines)), "--db", store.DbArgument)).ExitCode);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task InsightsPeers_Csv_OneRowPerForceWithCountRankAndGroupAverage(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await StoreWithForcesAsync(store);
        var import = await Cli.RunAsync("import", "peers", Temp("force,peer,from,to\nEssex,Kent,2020-01-01,\nEssex,Suffolk,2020-01-01,\nEssex,Norfolk,2020-01-01,\n"), "--db", store.DbArgument);

        var run = await Cli.RunAsync("insights", "peers", "--measure", "Burglary", "--force", "Essex", "--to", "2025-12", "--format", "csv", "--db", store.DbArgument);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("peer 'Norfolk' is not a force the store holds", import.Out, StringComparison.Ordinal);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("force,count,rank,group_average,basis,per_1000,population,significant,average_with_force,this_force,missing", run.Lines[0]);
        Assert.Equal(["Kent Police,1440,1,960.0,count,,,,1040.0,false,", "Essex Police,1200,2,960.0,count,,,true,1040.0,true,", "Suffolk Constabulary,480,3,960.0,count,,,,1040.0,false,"],
            run.Lines.Skip(1).Where(l => l.Length > 0));
    }

    [Fact]
    public async Task InsightsPeers_Csv_AForceMissingAMonth_SaysWhichInItsRow()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StoreWithForcesAsync(store);
        await Cli.RunAsync("import", "peers", Temp("force,peer,from,to\nEssex,Kent,2020-01-01,\nEssex,Suffolk,2020-01-01,\n"), "--db", store.DbArgument);
        // Suffolk's burglary for January 2026 only: the 12 months to January 2026 lack nothing else of Essex's or Kent's.
        var more = new List<string> { "measure,area,period,value", "Burglary,Essex Police,2026-01,100", "Burglary,Kent Police,2026-01,120", "Shoplifting,Essex Police,2026-01,50", "Shoplifting,Kent Police,2026-01,50", "Shoplifting,Suffolk Constabulary,2026-01,50" };
        Assert.Equal(0, (await Cli.RunAsync("import", "measures", Temp(string.Join('\n', more)), "--db", store.DbArgument)).ExitCode);

        var run = await Cli.RunAsync("insights", "peers", "--measure", "Burglary", "--force", "Essex", "--to", "2026-01", "--format", "csv", "--db", store.DbArgument);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Suffolk Constabulary,,,1440.0,count,,,,1320.0,false,2026-01", run.Lines[3]);
    }

    [Fact]
    public async Task ImportMeasures_ShortForceNames_MatchTheForcesHeld_SoThePopulationBasisIsFound()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StoreWithForcesAsync(store);
        await Cli.RunAsync("import", "peers", Temp("force,peer,from,to\nEssex,Kent,2020-01-01,\n"), "--db", store.DbArgument);

        var import = await Cli.RunAsync("import", "measures", Temp("measure,area,period,value\nPopulation,Essex,2025-12,1800000\nPopulation,kent,2025-12,1900000\n"), "--db", store.DbArgument);
        var areas = await Cli.RunAsync("insights", "peers", "--measure", "Burglary", "--force", "Essex", "--to", "2025-12", "--format", "csv", "--db", store.DbArgument);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("(1 new measure, 0 new areas)", import.Out, StringComparison.Ordinal);
        Assert.Equal("Kent Police,1440,1,0.758,per_1000,0.758,1900000,,0.714,false,", areas.Lines[1]);
    }

    [Fact]
    public async Task InsightsPeers_Table_SaysBasisRankAndVerdict()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StoreWithForcesAsync(store);
        await Cli.RunAsync("import", "peers", Temp("force,peer,from,to\nEssex,Kent,2020-01-01,\nEssex,Suffolk,2020-01-01,\n"), "--db", store.DbArgument);

        var run = await Cli.RunAsync("insights", "peers", "--measure", "Burglary", "--force", "Essex Police", "--to", "2025-12", "--db", store.DbArgument);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Compared on counts of Burglary (no population measure is loaded", run.Out, StringComparison.Ordinal);
        Assert.Contains("Essex Police ranks 2 of 3 (1 = highest). Essex Police against the peer average: +25.0%, significantly higher than the peer average.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsightsPeers_ThePopulationMeasure_RefusedAsWhatTheRatesDivideBy()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StoreWithForcesAsync(store);
        Assert.Equal(0, (await Cli.RunAsync("import", "measures", Temp("measure,area,period,value\nPopulation,Essex Police,2025-12,1800000\nPopulation,Kent Police,2025-12,1900000\n"),
            "--db", store.DbArgument)).ExitCode);
        await Cli.RunAsync("import", "peers", Temp("force,peer,from,to\nEssex,Kent,2020-01-01,\n"), "--db", store.DbArgument);

        var run = await Cli.RunAsync("insights", "peers", "--measure", "population", "--force", "Essex", "--to", "2025-12", "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Population is what the peer table divides by (per 1,000 population), not a measure to compare forces on. Choose a crime measure", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsightsPeersAndHarm_AMonthHeldAsProvisional_SayWhichRunHoldsItAndHowToConfirm()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        Assert.Equal(0, (await Cli.RunAsync("import", "areas", Temp("lsoa,district,lpa,force\nA,Essex district,,Essex Police\nB,Kent district,,Kent Police\n"), "--db", store.DbArgument)).ExitCode);
        string Month(int m, int kent) => $"Burglary,Essex Police,2025-{m:00},100\nBurglary,Kent Police,2025-{m:00},{kent}";
        var history = string.Join('\n', Enumerable.Range(1, 11).Select(m => Month(m, 120)));
        Assert.Equal(0, (await Cli.RunAsync("import", "measures", Temp("measure,area,period,value\n" + history), "--db", store.DbArgument)).ExitCode);
        var spike = await Cli.RunAsync("import", "measures", Temp("measure,area,period,value\n" + Month(12, 900)), "--db", store.DbArgument);
        Assert.Equal(0, (await Cli.RunAsync("import", "peers", Temp("force,peer,from,to\nEssex,Kent,2020-04-01,\n"), "--db", store.DbArgument)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("import", "harm", Temp("force,crime_type,cchi_days\n,Burglary,245.91\n"), "--db", store.DbArgument)).ExitCode);

        var peers = await Cli.RunAsync("insights", "peers", "--measure", "Burglary", "--force", "Essex", "--to", "2025-12", "--db", store.DbArgument);
        var csv = await Cli.RunAsync("insights", "peers", "--measure", "Burglary", "--force", "Essex", "--to", "2025-12", "--format", "csv", "--db", store.DbArgument);
        var harm = await Cli.RunAsync("insights", "harm", "--force", "Essex", "--to", "2025-12", "--db", store.DbArgument);

        var run = System.Text.RegularExpressions.Regex.Match(spike.Out, @"import run (\d+)").Groups[1].Value;
        Assert.NotEqual("", run);
        var held = $"2025-12 is held as provisional by import run {run}: check the figures ('scrutineer import runs'), then confirm with 'scrutineer import confirm {run}' or on Data on the web";
        // Nothing is ranked (Essex lacks December, Kent too): no table a script could take for an answer, only why.
        foreach (var run1 in new[] { peers, csv })
        {
            Assert.Equal(1, run1.ExitCode);
            Assert.Equal("", run1.Out);
            Assert.Contains("No force of the group has Burglary figures for every month of the 12 months January 2025 to December 2025, so nothing is ranked: "
                + $"Essex Police has none for 2025-12; Kent Police has none for 2025-12. {held}.", run1.Error, StringComparison.Ordinal);
        }

        Assert.Equal(1, harm.ExitCode);
        Assert.Contains($"Essex Police has no Burglary figures for 2025-12: the harm of the 12 months to December 2025 needs all 12. {held}.", harm.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsightsHarm_AnIndexThatWeighsNothingOfTheForce_NamedBesideTheOneThatDoes()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StoreWithForcesAsync(store);
        Assert.Equal(0, (await Cli.RunAsync("import", "harm", Temp("force,crime_type,cchi_days\nEssex,Burglary,245.91\n"), "--db", store.DbArgument)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("import", "harm", Temp("force,crime_type,days\nKent,Burglary,1\n"), "--index", "Kent weights", "--db", store.DbArgument)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("import", "harm", Temp("force,crime_type,days\n,Robbery,5\n"), "--index", "Robbery weights", "--db", store.DbArgument)).ExitCode);

        var essex = await Cli.RunAsync("insights", "harm", "--force", "Essex", "--to", "2025-12", "--db", store.DbArgument);
        var suffolk = await Cli.RunAsync("insights", "harm", "--force", "Suffolk", "--to", "2025-12", "--db", store.DbArgument);

        Assert.Equal(0, essex.ExitCode);
        Assert.Contains("Essex Police, 12 months to December 2025 (Jan 2025–Dec 2025): harm under the Cambridge Crime Harm Index", essex.Out, StringComparison.Ordinal);
        Assert.Contains("Not shown: Robbery weights weighs no crime type Essex Police has figures for in the store; Kent weights has no weights for Essex Police, national or its own.", essex.Out, StringComparison.Ordinal);
        Assert.Contains("Not compared with the 12 months before (Jan 2024–Dec 2024): the store does not hold every one of those months for every crime type.", essex.Out, StringComparison.Ordinal);
        Assert.Equal(1, suffolk.ExitCode);
        Assert.Contains("Suffolk Constabulary has no figures for any crime type weighted by Robbery weights: import its data.police.uk files first. "
            + "Cambridge Crime Harm Index and Kent weights have no weights for Suffolk Constabulary, national or its own.", suffolk.Error, StringComparison.Ordinal);
        var none = await Cli.RunAsync("insights", "harm", "--force", "Kent", "--to", "2025-12", "--db", store.DbArgument);
        Assert.Equal(0, none.ExitCode); // Kent weights weighs Kent's burglary
        Assert.Equal(0, (await Cli.RunAsync("import", "harm", Temp("force,crime_type,days\nKent,Robbery,5\n"), "--index", "Robbery weights", "--db", store.DbArgument)).ExitCode);
        var suffolkAgain = await Cli.RunAsync("insights", "harm", "--force", "Suffolk", "--to", "2025-12", "--db", store.DbArgument);
        Assert.Equal("error: Cambridge Crime Harm Index, Kent weights and Robbery weights have no weights for Suffolk Constabulary, national or its own: import weights that cover it "
            + "(a row with an empty force is a national weight), or check that the weights file names the force as the store does.", suffolkAgain.Error.Trim());
    }

    [Fact]
    public async Task NoForceNamed_TheOneForceWithAPeerGroupIsMeant()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StoreWithForcesAsync(store);
        var before = await Cli.RunAsync("peers", "list", "--force", "Suffolk", "--db", store.DbArgument);
        Assert.Equal(0, (await Cli.RunAsync("import", "peers", Temp("force,peer,from,to\nKent,Essex,2020-04-01,\n"), "--db", store.DbArgument)).ExitCode);

        var list = await Cli.RunAsync("peers", "list", "--format", "csv", "--db", store.DbArgument);
        var peers = await Cli.RunAsync("insights", "peers", "--measure", "Burglary", "--to", "2025-12", "--format", "csv", "--db", store.DbArgument);

        Assert.Contains("Suffolk Constabulary has no peer group yet: add peers with 'scrutineer peers add --force F --peer P --from YYYY-MM-DD', or import a group with 'scrutineer import peers FILE'.", before.Out, StringComparison.Ordinal);
        Assert.Equal(["force,peer,from,to", "Kent Police,Essex Police,2020-04-01,"], list.Lines);
        Assert.Equal(0, peers.ExitCode);
        Assert.StartsWith("Kent Police,1440,1,", peers.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoForceNamed_SeveralForcesWithPeerGroups_ListsEveryGroup_ThePlansForceIsCompared()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StoreWithForcesAsync(store);
        await Cli.RunAsync("import", "peers", Temp("force,peer,from,to\nEssex,Kent,2020-01-01,\nKent,Essex,2020-01-01,\nKent,Suffolk,2020-01-01,\n"), "--db", store.DbArgument);
        var tieJson = await Cli.RunAsync("insights", "peers", "--measure", "Burglary", "--to", "2025-12", "--format", "json", "--db", store.DbArgument);
        var tie = await Cli.RunAsync("insights", "peers", "--measure", "Burglary", "--to", "2025-12", "--format", "csv", "--db", store.DbArgument);
        var plan = Temp("plan:\n  title: Kent Plan 2024-2027\n  first_year: 2024/25\n  last_year: 2026/27\nunits:\n  - { short: KP, name: Kent, kind: force }\n"
            + "priorities:\n  - number: 1\n    title: Safer roads\n    commitments:\n      - we_will: Work with schools.\n        who: [KP]\n", ".yaml");
        Assert.Equal(0, (await Cli.RunAsync("plan", "import", plan, "--db", store.DbArgument)).ExitCode);

        var list = await Cli.RunAsync("peers", "list", "--format", "csv", "--db", store.DbArgument);
        var peers = await Cli.RunAsync("insights", "peers", "--measure", "Burglary", "--to", "2025-12", "--format", "csv", "--db", store.DbArgument);
        var add = await Cli.RunAsync("peers", "add", "--peer", "Suffolk", "--from", "2026-04-01", "--db", store.DbArgument);

        Assert.StartsWith("Kent Police,1440,1,1440.0,", tie.Lines[1], StringComparison.Ordinal); // equal figures: the first force added, Essex, against Kent alone
        Assert.Contains("\"force\": \"Essex Police\",", tieJson.Out, StringComparison.Ordinal);
        Assert.Matches("\"force\": \"Essex Police\",[^}]*\"this_force\": true", tieJson.Out);
        Assert.Equal(["force,peer,from,to", "Essex Police,Kent Police,2020-01-01,", "Kent Police,Essex Police,2020-01-01,", "Kent Police,Suffolk Constabulary,2020-01-01,"],
            list.Lines.Where(l => l.Length > 0));
        Assert.Equal(0, peers.ExitCode);
        Assert.StartsWith("Kent Police,1440,1,840.0,", peers.Lines[1], StringComparison.Ordinal); // Kent against Essex and Suffolk
        Assert.Equal(1, add.ExitCode);
        Assert.Equal("error: Suffolk Constabulary is already in Kent Police's peer group (since 1 January 2020).", add.Error.Trim());
    }

    [Fact]
    public async Task PeersRemove_ALinkMadeByMistake_GoneFromTheTable_AndRefusalsSayWhy()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StoreWithForcesAsync(store);
        await Cli.RunAsync("import", "peers", Temp("force,peer,from,to\nEssex,Kent,2020-01-01,2021-03-31\nEssex,Kent,2022-04-01,\nEssex,Suffolk,2026-04-01,\n"), "--db", store.DbArgument);

        var early = await Cli.RunAsync("peers", "end", "--peer", "Suffolk", "--to", "2026-03-31", "--db", store.DbArgument);
        var ambiguous = await Cli.RunAsync("peers", "remove", "--peer", "Kent", "--db", store.DbArgument);
        var wrongDay = await Cli.RunAsync("peers", "remove", "--peer", "Kent", "--from", "2021-01-01", "--db", store.DbArgument);
        var badDay = await Cli.RunAsync("peers", "remove", "--peer", "Kent", "--from", "1/1/2021", "--db", store.DbArgument);
        var removed = await Cli.RunAsync("peers", "remove", "--peer", "Suffolk", "--db", store.DbArgument);
        var kent = await Cli.RunAsync("peers", "remove", "--peer", "Kent", "--from", "2020-01-01", "--db", store.DbArgument);
        var again = await Cli.RunAsync("peers", "remove", "--peer", "Suffolk", "--db", store.DbArgument);
        var list = await Cli.RunAsync("peers", "list", "--format", "csv", "--db", store.DbArgument);

        Assert.Equal(1, early.ExitCode);
        Assert.Equal("error: Suffolk Constabulary joined Essex Police's peer group on 1 April 2026: it cannot leave before then. If it was added by mistake, remove it from the group instead.", early.Error.Trim());
        Assert.Equal("error: Kent Police joined Essex Police's peer group 2 times (1 January 2020 and 1 April 2022): give the first day of the one to remove.", ambiguous.Error.Trim());
        Assert.Equal("error: Kent Police did not join Essex Police's peer group on 1 January 2021: it joined on 1 January 2020 and 1 April 2022.", wrongDay.Error.Trim());
        Assert.Equal("error: --from '1/1/2021' is not a date: expected YYYY-MM-DD, for example 2026-04-01.", badDay.Error.Trim());
        Assert.Equal(0, removed.ExitCode);
        Assert.Equal("Suffolk Constabulary's place in Essex Police's peer group from 1 April 2026 is removed, as if it had never been added.", removed.Out.Trim());
        Assert.Equal(0, kent.ExitCode);
        Assert.Equal("error: Suffolk Constabulary has never been in Essex Police's peer group: there is nothing to remove.", again.Error.Trim());
        Assert.Equal(["force,peer,from,to", "Essex Police,Kent Police,2022-04-01,"], list.Lines.Where(l => l.Length > 0));
    }

    [Fact]
    public async Task InsightsHarm_Csv_PerCrimeTypeCountWeightHarm()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StoreWithForcesAsync(store);
        var import = await Cli.RunAsync("import", "harm", Temp("force,crime_type,cchi_days\nEssex,Burglary,245.91\nNorfolk,Burglary,1\nNorfolk,Shoplifting,1\n,Shoplifting,1.0\n,Burglarly,3\n"), "--db", store.DbArgument);

        var run = await Cli.RunAsync("insights", "harm", "--force", "Essex", "--to", "2025-12", "--format", "csv", "--db", store.DbArgument);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("lines 3\u20134: force 'Norfolk' is not a force the store holds", import.Out, StringComparison.Ordinal);
        Assert.Contains("No measure of the store is named 'Burglarly' (line 6): its weight counts nothing until one is (check the spelling against data.police.uk's crime types).", import.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("'Shoplifting'", import.Out, StringComparison.Ordinal);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("index,crime_type,count,weight,harm,previous_count,previous_harm", run.Lines[0]);
        Assert.Contains("Cambridge Crime Harm Index,Burglary,1200,245.91,295092.00,,", run.Lines);
        Assert.Contains("Cambridge Crime Harm Index,Shoplifting,600,1.00,600.00,,", run.Lines);
    }

    [Fact]
    public async Task ImportPeers_BadDate_ExitsOneNamingFileLineAndField()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StoreWithForcesAsync(store);
        var path = Temp("force,peer,from,to\nEssex,Kent,2020-13-01,\n");

        var run = await Cli.RunAsync("import", "peers", path, "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{path}:2: from '2020-13-01' is not a date: expected YYYY-MM-DD", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeersAddEndList_DefaultGroupEdited_DatedTable()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await StoreWithForcesAsync(store);

        var added = await Cli.RunAsync("peers", "add", "--force", "Essex", "--peer", "Kent", "--from", "2025-01-01", "--db", store.DbArgument);
        var again = await Cli.RunAsync("peers", "add", "--force", "Essex", "--peer", "Kent", "--from", "2025-02-01", "--db", store.DbArgument);
        var ended = await Cli.RunAsync("peers", "end", "--force", "Essex", "--peer", "Kent", "--to", "2025-06-30", "--db", store.DbArgument);
        var list = await Cli.RunAsync("peers", "list", "--force", "Essex", "--format", "csv", "--db", store.DbArgument);

        Assert.Equal("Kent Police is in Essex Police's peer group from 1 January 2025.", added.Out.Trim());
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("Kent Police is already in Essex Police's peer group (since 1 January 2025).", again.Error, StringComparison.Ordinal);
        Assert.Equal(0, ended.ExitCode);
        Assert.Equal(["force,peer,from,to", "Essex Police,Kent Police,2025-01-01,2025-06-30"], list.Lines.Where(l => l.Length > 0));
    }
}
