using Scrutineer.Application.Data;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

public sealed class InitTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Init_NewStore_CreatesSchemaAndSaysWhere(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, migrate: false);

        var run = await Cli.RunAsync("init", "--db", store.DbArgument);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Store ready", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\(schema \d{14}_\w+", run.Out); // the latest migration applied, whichever feature added it
    }

    [Fact]
    public async Task AnyOtherCommand_OnAMistypedDb_RefusedNamingThePathAndHowToCreateOne_AndNoStoreIsLeftBehind()
    {
        var folder = Directory.CreateTempSubdirectory("scrutineer-tests-").FullName;
        var path = Path.Combine(folder, "scrutinner.db");

        var status = await Cli.RunAsync("round", "status", "--db", path);
        var users = await Cli.RunAsync("user", "list", "--db", path);
        var import = await Cli.RunAsync("import", "runs", "--db", path);

        Assert.Equal(1, status.ExitCode);
        Assert.Equal($"error: There is no store at {path} (--db names that file, and it does not exist). Check the path, or create the store first with "
            + $"'scrutineer init --db {path}' (or 'scrutineer demo --db {path}' for the demo force). Nothing was written.", status.Error.Trim());
        Assert.Equal(1, users.ExitCode);
        Assert.Contains($"There is no store at {path}", users.Error, StringComparison.Ordinal);
        Assert.Equal(1, import.ExitCode);
        Assert.Contains($"There is no store at {path}", import.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public async Task ImportPoliceUk_ReadWhileTheStoreOpens_AStoreProblemStillReportedBeforeAFileProblem()
    {
        // The files are read while the store opens: the store's error still comes first, as when it was opened first.
        var folder = Directory.CreateTempSubdirectory("scrutineer-tests-").FullName;
        var missing = Path.Combine(folder, "scrutinner.db");
        var notSqlite = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(notSqlite, "not a store\n");
        var bad = Path.Combine(folder, "2023-01-essex-street.csv");
        await File.WriteAllTextAsync(bad, "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n"
            + "a1,2023-13,Essex Police,Essex Police,0.5,51.7,On or near High Street,E01000001,Basildon 001A,Burglary,,\n");

        var noStore = await Cli.RunAsync("import", "police-uk", bad, "--db", missing);
        var notAStore = await Cli.RunAsync("import", "police-uk", bad, "--db", notSqlite);
        await Cli.RunAsync("init", "--db", Path.Combine(folder, "real.db"));
        var badFile = await Cli.RunAsync("import", "police-uk", bad, "--db", Path.Combine(folder, "real.db"));

        Assert.Equal(1, noStore.ExitCode);
        Assert.StartsWith($"error: There is no store at {missing}", noStore.Error.Trim(), StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.Equal(1, notAStore.ExitCode);
        Assert.Equal("error: The file --db names is not a Scrutineer store (it is not an SQLite database). Check the path; nothing was written.", notAStore.Error.Trim());
        Assert.Equal(1, badFile.ExitCode);
        Assert.Contains($"{bad}:2: Month '2023-13' is not a month: expected YYYY-MM.", badFile.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoresThatAreNotStores_RefusedInOneLine_NoStackTrace()
    {
        var folder = Directory.CreateTempSubdirectory("scrutineer-tests-").FullName;
        var text = Path.Combine(folder, "peers.csv");
        await File.WriteAllTextAsync(text, "force,peer,from,to\nEssex,Kent,2020-01-01,\n");

        var notSqlite = await Cli.RunAsync("notify", "list", "--db", text);
        var aFolder = await Cli.RunAsync("round", "status", "--db", folder);
        var empty = await Cli.RunAsync("round", "status", "--db", "");
        var noServer = await Cli.RunAsync("round", "status", "--db", "Host=127.0.0.1;Port=1;Database=nope;Username=nobody;Password=x;Timeout=3");

        Assert.Equal(1, notSqlite.ExitCode);
        Assert.Equal("error: The file --db names is not a Scrutineer store (it is not an SQLite database). Check the path; nothing was written.", notSqlite.Error.Trim());
        Assert.Equal("force,peer,from,to\nEssex,Kent,2020-01-01,\n", await File.ReadAllTextAsync(text));
        Assert.Equal(1, aFolder.ExitCode);
        Assert.Equal($"error: {folder} is a folder: give the path of the store's file, for example {Path.Combine(folder, "scrutineer.db")}.", aFolder.Error.Trim());
        Assert.Equal(1, empty.ExitCode);
        Assert.Equal("error: --db is empty: give an SQLite file path or a PostgreSQL connection string (Host=…;Database=…).", empty.Error.Trim());
        Assert.Equal(1, noServer.ExitCode);
        Assert.StartsWith("error: Could not connect to the PostgreSQL store: connection refused. Check Host and Port in --db", noServer.Error.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", notSqlite.Error + noServer.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_OnAStoreHoldingOtherData_RefusedBeforeAnyWork()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var areas = Path.Combine(Directory.CreateTempSubdirectory("scrutineer-tests-").FullName, "areas.csv");
        await File.WriteAllTextAsync(areas, "lsoa,district,lpa,force\nA,Essex district,,Essex Police\n");
        Assert.Equal(0, (await Cli.RunAsync("import", "areas", areas, "--db", store.DbArgument)).ExitCode);

        var demo = await Cli.RunAsync("demo", "--db", store.DbArgument);

        Assert.Equal(1, demo.ExitCode);
        Assert.Equal($"error: {store.Location.Description} holds data the demo did not build, so the demo was not built. Give the demo a new --db path.", demo.Error.Trim());
        Assert.DoesNotContain("Building", demo.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_ExitsNonZero_WithMessageOnStderr()
    {
        var run = await Cli.RunAsync("no-such-command");

        Assert.NotEqual(0, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }
}
