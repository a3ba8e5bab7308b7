using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Accounts;

/// <summary>Server-side sessions and the atomic failed sign-in count, on both engines.</summary>
public sealed class SessionsAndLockoutTests
{
    private static readonly DateTimeOffset Now = TestClock.DefaultStart;

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Session_EndsOnSignOutIdleLifetimeAndAccountChange(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        var account = await AddAsync(db, "alice");
        var limits = SessionLimits.Default;

        var signedOut = await Sessions.StartAsync(db, account, limits, Now, "192.0.2.1", "Browser", default);
        Assert.Equal(account.Id, (await Sessions.CheckAsync(db, signedOut, limits, Now.AddMinutes(5), default))?.AccountId);
        await Sessions.EndAsync(db, signedOut, Now.AddMinutes(6), default);
        Assert.Null(await Sessions.CheckAsync(db, signedOut, limits, Now.AddMinutes(7), default));

        var idle = await Sessions.StartAsync(db, account, limits, Now, null, null, default);
        Assert.NotNull(await Sessions.CheckAsync(db, idle, limits, Now.AddMinutes(29), default));
        Assert.NotNull(await Sessions.CheckAsync(db, idle, limits, Now.AddMinutes(58), default));
        Assert.Null(await Sessions.CheckAsync(db, idle, limits, Now.AddMinutes(88), default));

        var expired = await Sessions.StartAsync(db, account, limits, Now, null, null, default);
        Assert.Null(await Sessions.CheckAsync(db, expired, limits, Now + limits.AbsoluteLifetime, default));

        var changed = await Sessions.StartAsync(db, account, limits, Now, null, null, default);
        account.ChangePassword("another hash");
        await db.SaveChangesAsync();
        Assert.Null(await Sessions.CheckAsync(db, changed, limits, Now.AddMinutes(1), default));
        Assert.Null(await Sessions.CheckAsync(db, "not a token", limits, Now, default));

        db.ChangeTracker.Clear();
        var reasons = (await db.Sessions.AsNoTracking().Where(s => s.AccountId == account.Id).ToListAsync()).OrderBy(s => s.Id).Select(s => s.EndReason).ToList();
        Assert.Equal([SessionEnd.SignedOut, SessionEnd.Idle, SessionEnd.Expired, SessionEnd.AccountChanged], reasons);
        Assert.DoesNotContain(await db.Sessions.AsNoTracking().Select(s => s.TokenHash).ToListAsync(), h => h == signedOut || h.Length != 64);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Revoke_OnlyTheAccountsOwnOpenSession_AndListShowsTheRest(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        var alice = await AddAsync(db, "alice");
        var bob = await AddAsync(db, "bob");
        var limits = SessionLimits.Default;
        await Sessions.StartAsync(db, alice, limits, Now, null, null, default);
        await Sessions.StartAsync(db, alice, limits, Now.AddMinutes(1), null, null, default);
        await Sessions.StartAsync(db, bob, limits, Now, null, null, default);
        var open = await Sessions.ListOpenAsync(db, alice.Id, limits, Now.AddMinutes(2), default);
        var bobs = Assert.Single(await Sessions.ListOpenAsync(db, bob.Id, limits, Now.AddMinutes(2), default));

        Assert.Equal(2, open.Count);
        Assert.False(await Sessions.RevokeAsync(db, alice.Id, bobs.Id, Now.AddMinutes(3), default));
        Assert.True(await Sessions.RevokeAsync(db, alice.Id, open[0].Id, Now.AddMinutes(3), default));
        Assert.False(await Sessions.RevokeAsync(db, alice.Id, open[0].Id, Now.AddMinutes(3), default));
        Assert.Equal([open[1].Id], (await Sessions.ListOpenAsync(db, alice.Id, limits, Now.AddMinutes(4), default)).Select(s => s.Id));
        Assert.Equal(1, await Sessions.EndAllAsync(db, alice.Id, Now.AddMinutes(5), default));
        Assert.Empty(await Sessions.ListOpenAsync(db, alice.Id, limits, Now.AddMinutes(5), default));
        Assert.Single(await Sessions.ListOpenAsync(db, bob.Id, limits, Now.AddMinutes(5), default));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ParallelFailures_LockAtTheLimitOnce_ClearRefusedWhileLocked_CountRestartsAfterTheLock(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        UserAccount account;
        await using (var db = store.Open())
        {
            account = await AddAsync(db, "alice");
        }

        var limits = new SignInLimits(4, TimeSpan.FromMinutes(10));
        var locked = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            await using var db = store.Open();
            var read = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id);
            return await SignInLockout.RecordFailureAsync(db, read, limits, Now, default);
        }));

        Assert.Single(locked, l => l);
        await using var check = store.Open();
        var after = await check.Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id);
        Assert.Equal((4, (DateTimeOffset?)(Now + limits.LockoutPeriod)), (after.FailedSignIns, after.LockedUntil));
        Assert.True(SignInLockout.IsLocked(after, limits, Now.AddMinutes(9)));
        Assert.False(await SignInLockout.ClearAsync(check, after, limits, Now.AddMinutes(9), default));

        var later = Now + limits.LockoutPeriod;
        Assert.False(SignInLockout.IsLocked(after, limits, later));
        Assert.False(await SignInLockout.RecordFailureAsync(check, after, limits, later, default));
        var restarted = await check.Accounts.AsNoTracking().SingleAsync(a => a.Id == account.Id);
        Assert.Equal((1, (DateTimeOffset?)null), (restarted.FailedSignIns, restarted.LockedUntil));
        Assert.True(await SignInLockout.ClearAsync(check, restarted, limits, later, default));
    }

    private static async Task<UserAccount> AddAsync(ScrutineerDb db, string name)
    {
        var account = new UserAccount(name, name, Role.Viewer, "hash", Now);
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account;
    }
}
