using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Plans;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Accounts;

public sealed class SingleSignOnTests
{
    private const string Issuer = "https://login.example/tenant/v2.0";
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task SignIn_NameTakenByALocalAccount_NewAccountGetsTheNextFreeName_NeverTheLocalOne(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        db.Accounts.Add(new UserAccount("priya.shah@force.example", "Local Priya", Role.Administrator, "hash", Now));
        await db.SaveChangesAsync();
        await SignInGroups.AddAsync(db, "g-opcc", Role.Viewer, null, default);

        var (outcome, account) = await SingleSignOn.SignInAsync(db, Person("oid-1", "Priya.Shah@force.example", "g-opcc"), "unusable", Now, default);

        Assert.Equal(SingleSignOnOutcome.SignedIn, outcome);
        Assert.Equal(("priya.shah@force.example-2", Role.Viewer), (account.UserName, account.Role));
        Assert.Equal(Now, account.LastSignInAt);
        Assert.Equal(2, await db.Accounts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task SignIn_ApprovedByHand_KeepsTheRoleTheAdministratorSet_UntilAGroupPlacesThem(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        var (pending, account) = await SingleSignOn.SignInAsync(db, Person("oid-2", "sam", "g-none"), "unusable", Now, default);
        Assert.Equal(SingleSignOnOutcome.AwaitingApproval, pending);
        await SingleSignOn.ApproveAsync(db, account.Id, default);
        account.Assign(Role.Analyst, []);
        await db.SaveChangesAsync();

        var (again, same) = await SingleSignOn.SignInAsync(db, Person("oid-2", "sam", "g-none"), "unusable", Now, default);
        Assert.Equal((SingleSignOnOutcome.SignedIn, Role.Analyst), (again, same.Role));

        await SignInGroups.AddAsync(db, "g-opcc", Role.Viewer, null, default);
        var (placed, viewer) = await SingleSignOn.SignInAsync(db, Person("oid-2", "sam", "g-opcc"), "unusable", Now, default);
        Assert.Equal((SingleSignOnOutcome.SignedIn, Role.Viewer), (placed, viewer.Role));

        viewer.Disable();
        await db.SaveChangesAsync();
        var (disabled, _) = await SingleSignOn.SignInAsync(db, Person("oid-2", "sam", "g-opcc"), "unusable", Now, default);
        Assert.Equal(SingleSignOnOutcome.Disabled, disabled);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task AddMapping_BadOrRepeated_RefusedWithTheReason_AndNothingWritten(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        var unit = new Unit("North Local Policing Area", "North LPA", UnitKind.LocalPolicingArea);
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        await SignInGroups.AddAsync(db, "g-north", Role.Contributor, new AccountScope(ScopeKind.Unit, unit.Id), default);

        var repeated = await Assert.ThrowsAsync<DomainException>(() => SignInGroups.AddAsync(db, " g-north ", Role.Contributor, new AccountScope(ScopeKind.Unit, unit.Id), default));
        var missing = await Assert.ThrowsAsync<DomainException>(() => SignInGroups.AddAsync(db, "g-x", Role.Contributor, new AccountScope(ScopeKind.Unit, unit.Id + 100), default));
        var gone = await Assert.ThrowsAsync<DomainException>(() => SignInGroups.RemoveAsync(db, 999, default));

        Assert.Equal("The group g-north is already mapped to that role and scope.", repeated.Message);
        Assert.Equal("A scope must name an existing unit, priority or strand.", missing.Message);
        Assert.Equal("That group mapping does not exist. It may have been removed already.", gone.Message);
        await using var check = store.Open();
        Assert.Equal(1, await check.GroupMappings.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task SignIn_NoSubject_RefusedWithTheReason(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();

        var refused = await Assert.ThrowsAsync<DomainException>(() => SingleSignOn.SignInAsync(db, Person("", "x", "g"), "unusable", Now, default));

        Assert.Equal("The identity provider did not say who you are (no issuer or subject). Ask your administrator to check the single sign-on settings.", refused.Message);
        Assert.Equal(0, await db.Accounts.CountAsync());
    }

    private static ExternalIdentity Person(string subject, string userName, params string[] groups) => new(Issuer, subject, userName, null, groups);
}
