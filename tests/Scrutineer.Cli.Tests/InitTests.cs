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
    public async Task UnknownCommand_ExitsNonZero_WithMessageOnStderr()
    {
        var run = await Cli.RunAsync("no-such-command");

        Assert.NotEqual(0, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }
}
