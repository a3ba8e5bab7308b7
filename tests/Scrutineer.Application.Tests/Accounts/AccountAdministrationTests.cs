using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Application.Demo;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Accounts;

public sealed class AccountAdministrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task CreateFirstAdministrator_EmptyStore_OneTimePasswordThatMustBeChanged_SecondRefused(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            var issued = await AccountAdministration.CreateFirstAdministratorAsync(db, "Alex.Morgan", null, Now, default);
            Assert.NotNull(issued.OneTimePassword);
            Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", issued.OneTimePassword);
        }

        await using (var db = store.Open())
        {
            var account = await db.Accounts.SingleAsync();
            Assert.Equal("alex.morgan", account.UserName);
            Assert.Equal(Role.Administrator, account.Role);
            Assert.True(account.MustChangePassword);
            Assert.DoesNotContain("-", account.PasswordHash, StringComparison.Ordinal); // a hash, not the password

            var ex = await Assert.ThrowsAsync<DomainException>(() => AccountAdministration.CreateFirstAdministratorAsync(db, "second", null, Now, default));
            Assert.Equal("The store already has an administrator (alex.morgan). Sign in as an administrator to add accounts, or use 'scrutineer user add'.", ex.Message);
            Assert.Equal(1, await db.Accounts.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Add_GivenPassword_CheckedByTheRule_AndTakenNameRefused(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();

        var weak = await Assert.ThrowsAsync<DomainException>(() => AccountAdministration.AddAsync(db, new NewAccount("pat", "Pat Quinn", Role.Viewer, [], "password1234"), Now, default));
        Assert.StartsWith("Enter a password that is harder to guess", weak.Message, StringComparison.Ordinal);
        Assert.False(await db.Accounts.AnyAsync());

        var issued = await AccountAdministration.AddAsync(db, new NewAccount("pat", "Pat Quinn", Role.Viewer, [], "purple tractor lemon"), Now, default);
        Assert.Null(issued.OneTimePassword);
        Assert.True(issued.Account.MustChangePassword);
        Assert.Equal(PasswordVerificationResult.Success, Passwords.Verify(issued.Account, "purple tractor lemon"));

        var taken = await Assert.ThrowsAsync<DomainException>(() => AccountAdministration.AddAsync(db, new NewAccount("PAT", "Another", Role.Viewer, []), Now, default));
        Assert.Equal("The user name pat is taken. Choose another user name.", taken.Message);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task DisableOrDemote_LastEnabledAdministrator_Refused_AllowedOnceAnotherExists(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        var admin = (await AccountAdministration.CreateFirstAdministratorAsync(db, "alex", null, Now, default)).Account;
        var stamp = admin.Stamp;

        var disable = await Assert.ThrowsAsync<DomainException>(() => AccountAdministration.DisableAsync(db, admin, default));
        Assert.Equal("You cannot disable alex: it is the only enabled administrator. Add another administrator first.", disable.Message);
        var demote = await Assert.ThrowsAsync<DomainException>(() => AccountAdministration.AssignAsync(db, admin, Role.Viewer, [], default));
        Assert.Equal("You cannot take the administrator role from alex: it is the only enabled administrator. Add another administrator first.", demote.Message);
        Assert.False(admin.IsDisabled);
        Assert.Equal(stamp, admin.Stamp);

        await AccountAdministration.AddAsync(db, new NewAccount("sam", "Sam", Role.Administrator, []), Now, default);
        await AccountAdministration.DisableAsync(db, admin, default);
        await db.SaveChangesAsync();
        Assert.True(admin.IsDisabled);
        Assert.True(admin.Stamp > stamp);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ResetPassword_NewOneTimePassword_OldOneStopsWorking_ThenOwnPasswordChangeClearsTheFlag(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        var issued = await AccountAdministration.AddAsync(db, new NewAccount("pat", "Pat", Role.Viewer, []), Now, default);
        var account = issued.Account;

        var reset = AccountAdministration.ResetPassword(account)!;
        await db.SaveChangesAsync();
        Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify(account, issued.OneTimePassword));
        Assert.Equal(PasswordVerificationResult.Success, Passwords.Verify(account, reset));

        var wrong = await Assert.ThrowsAsync<DomainException>(() => OwnPassword.ChangeAsync(db, account.Id, "not it at all", "coffee train fish", default));
        Assert.Equal("Your current password is not right. Enter the password you signed in with", wrong.Message);
        var same = await Assert.ThrowsAsync<DomainException>(() => OwnPassword.ChangeAsync(db, account.Id, reset, reset, default));
        Assert.Equal("Enter a new password that is different from your current one", same.Message);
        var weak = await Assert.ThrowsAsync<DomainException>(() => OwnPassword.ChangeAsync(db, account.Id, reset, "aaaaaaaaaaaa", default));
        Assert.StartsWith("Enter a password that is harder to guess", weak.Message, StringComparison.Ordinal);
        Assert.True(account.MustChangePassword);

        await OwnPassword.ChangeAsync(db, account.Id, reset, "coffee train fish", default);
        await using var check = store.Open();
        var saved = await check.Accounts.SingleAsync(a => a.UserName == "pat");
        Assert.False(saved.MustChangePassword);
        Assert.Equal(PasswordVerificationResult.Success, Passwords.Verify(saved, "coffee train fish"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Demo_StoreWithAnAccount_Refused_DemoStoreMarked(StoreProvider provider)
    {
        await using (var store = await TestStore.CreateAsync(provider))
        await using (var db = store.Open())
        {
            await AccountAdministration.CreateFirstAdministratorAsync(db, "alex", null, Now, default);
            var ex = await Assert.ThrowsAsync<DomainException>(() => DemoForce.BuildAsync(db, new DemoSettings(DemoSettings.DemoToday, null, _ => { })));
            Assert.Equal("The store already holds data: the demo is built only into an empty store. Give the demo a new --db path.", ex.Message);
            Assert.False(await DemoForce.BuiltThisStoreAsync(db));
            Assert.False(await db.Plans.AnyAsync());
        }

        await using (var store = await TestStore.CreateAsync(provider))
        await using (var db = store.Open())
        {
            await DemoForce.BuildAsync(db, new DemoSettings(DemoSettings.DemoToday, null, _ => { }));
            Assert.True(await DemoForce.BuiltThisStoreAsync(db));
        }
    }
}
