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
    public async Task UnknownCommand_ExitsNonZero_WithMessageOnStderr()
    {
        var run = await Cli.RunAsync("no-such-command");

        Assert.NotEqual(0, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }
}
