using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Accounts;

public sealed class ApiTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Create_StoresOnlyTheHash_AndTheSecretAuthenticatesAsTheAccount(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        var account = await AddAccountAsync(db, "pbi.reader");

        var (token, secret) = await ApiTokens.CreateAsync(db, "PBI.Reader", "Power BI", null, Now, default);

        Assert.StartsWith(ApiTokens.Prefix, secret, StringComparison.Ordinal);
        Assert.Equal(4 + 43, secret.Length); // 256 bits in base64url
        Assert.Equal(ApiTokens.Hash(secret), token.SecretHash);
        Assert.DoesNotContain(secret, token.SecretHash, StringComparison.Ordinal);
        Assert.Equal(Now + ApiTokens.DefaultLifetime, token.ExpiresAt);
        var (reader, problem, _) = await ApiTokens.AuthenticateAsync(db, secret, Now.AddMinutes(1), default);
        Assert.Null(problem);
        Assert.Equal(account.Id, reader!.Id);
        await using var check = store.Open();
        Assert.Equal(Now.AddMinutes(1), (await check.ApiTokens.SingleAsync()).LastUsedAt);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Authenticate_RevokedExpiredUnknownOrDisabled_RefusedWithTheReason(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        await AddAccountAsync(db, "pbi.reader");
        var (_, revoked) = await ApiTokens.CreateAsync(db, "pbi.reader", "Revoked", null, Now, default);
        var (_, expiring) = await ApiTokens.CreateAsync(db, "pbi.reader", "Short", new DateOnly(2026, 12, 5), Now, default);
        await ApiTokens.RevokeAsync(db, "pbi.reader", "Revoked", Now, default);

        Assert.Equal("The token was revoked.", (await ApiTokens.AuthenticateAsync(db, revoked, Now, default)).Problem);
        Assert.Null((await ApiTokens.AuthenticateAsync(db, expiring, new DateTimeOffset(2026, 12, 5, 23, 59, 0, TimeSpan.Zero), default)).Problem);
        Assert.Equal("The token has expired.", (await ApiTokens.AuthenticateAsync(db, expiring, new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero), default)).Problem);
        Assert.Equal("The token is not known.", (await ApiTokens.AuthenticateAsync(db, expiring + "x", Now, default)).Problem);
        Assert.Equal("The token is not a Scrutineer API token.", (await ApiTokens.AuthenticateAsync(db, "abc", Now, default)).Problem);

        (await db.Accounts.SingleAsync()).Disable();
        await db.SaveChangesAsync();
        Assert.Equal("The token's account is disabled.", (await ApiTokens.AuthenticateAsync(db, expiring, Now, default)).Problem);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Create_BadRequests_RefusedWithMessagesAndNothingWritten(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        await AddAccountAsync(db, "pbi.reader");
        await ApiTokens.CreateAsync(db, "pbi.reader", "Power BI", null, Now, default);

        async Task<string> Refused(string user, string name, DateOnly? expires) =>
            (await Assert.ThrowsAsync<DomainException>(() => ApiTokens.CreateAsync(db, user, name, expires, Now, default))).Message;

        Assert.Equal("There is no account with the user name nobody.", await Refused("nobody", "x", null));
        Assert.Equal("Enter a token name of 1 to 100 characters, saying what will use it (for example \"Power BI dashboard\").", await Refused("pbi.reader", "  ", null));
        Assert.Equal("pbi.reader already has a token named 'Power BI'. Choose another name, or revoke that token first.", await Refused("pbi.reader", " Power BI ", null));
        Assert.Equal("The expiry date 04/12/2026 must be after today (04/12/2026).", await Refused("pbi.reader", "Today", new DateOnly(2026, 12, 4)));
        Assert.Equal("The expiry date must be within a year (05/12/2027 at the latest). Create a new token when it ends.", await Refused("pbi.reader", "Long", new DateOnly(2028, 1, 1)));
        await using var check = store.Open();
        Assert.Equal(1, await check.ApiTokens.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Revoke_TwiceOrUnknown_SaysWhatToDo(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        await AddAccountAsync(db, "pbi.reader");
        await ApiTokens.CreateAsync(db, "pbi.reader", "Power BI", null, Now, default);
        await ApiTokens.RevokeAsync(db, "pbi.reader", "Power BI", Now, default);

        var again = await Assert.ThrowsAsync<DomainException>(() => ApiTokens.RevokeAsync(db, "pbi.reader", "Power BI", Now, default));

        Assert.Equal("pbi.reader has no working token named 'Power BI'. List them with: scrutineer token list --user pbi.reader", again.Message);
        var list = await ApiTokens.ListAsync(db, "pbi.reader", default);
        Assert.Equal(Now, Assert.Single(list).RevokedAt);
    }

    private static async Task<UserAccount> AddAccountAsync(ScrutineerDb db, string userName)
    {
        var account = new UserAccount(userName, "Power BI Reader", Role.Viewer, "hash", Now);
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account;
    }
}
