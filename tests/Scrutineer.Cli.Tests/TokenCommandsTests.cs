using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

public sealed class TokenCommandsTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task TokenCreateListRevoke_PrintsTheSecretOnceOnTheLastLine_AndRevokes(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var clock = new TestClock(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
        await using (var db = store.Open())
        {
            db.Accounts.Add(new UserAccount("pbi.reader", "Power BI Reader", Role.Viewer, "hash", clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var create = await Cli.RunAsync(clock, "token", "create", "--user", "pbi.reader", "--name", "Power BI", "--expires", "31/01/2027", "--db", store.DbArgument);

        Assert.True(create.ExitCode == 0, create.Error);
        var lines = create.Out.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var secret = lines[^1];
        Assert.Matches("^scr_[A-Za-z0-9_-]{43}$", secret);
        Assert.Contains("Created the token 'Power BI' for pbi.reader; it works until 01/02/2027 00:00 UTC. It will not be shown again:", create.Out, StringComparison.Ordinal);
        await using (var db = store.Open())
        {
            Assert.Equal("pbi.reader", (await ApiTokens.AuthenticateAsync(db, secret, clock.GetUtcNow(), default)).Account?.UserName);
        }

        var list = await Cli.RunAsync(clock, "token", "list", "--user", "pbi.reader", "--format", "csv", "--db", store.DbArgument);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("Power BI,04/12/2026 10:00 UTC,01/02/2027 00:00 UTC,04/12/2026 10:00 UTC,working", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list.Out, StringComparison.Ordinal);

        var revoke = await Cli.RunAsync(clock, "token", "revoke", "--user", "pbi.reader", "--name", "Power BI", "--db", store.DbArgument);
        Assert.Equal(0, revoke.ExitCode);
        Assert.Contains("Revoked the token 'Power BI' of pbi.reader.", revoke.Out, StringComparison.Ordinal);
        await using (var db = store.Open())
        {
            Assert.Equal("The token was revoked.", (await ApiTokens.AuthenticateAsync(db, secret, clock.GetUtcNow(), default)).Problem);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task TokenCreate_UnknownUserOrBadDate_ExitsOneWithTheReason(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);

        var unknown = await Cli.RunAsync("token", "create", "--user", "nobody", "--name", "x", "--db", store.DbArgument);
        var badDate = await Cli.RunAsync("token", "create", "--user", "nobody", "--name", "x", "--expires", "soon", "--db", store.DbArgument);

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no account with the user name nobody.", unknown.Error, StringComparison.Ordinal);
        Assert.Equal("", unknown.Out);
        Assert.Equal(1, badDate.ExitCode);
        Assert.Contains("--expires: 'soon' is not a date: expected YYYY-MM-DD (for example 2024-04-19) or DD/MM/YYYY.", badDate.Error, StringComparison.Ordinal);
    }
}
