using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Accounts;

public sealed class TwoStepSignInTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private readonly IDataProtector protector = new EphemeralDataProtectionProvider().CreateProtector(TwoStepSignIn.ProtectionPurpose);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task SetUp_ThenCodes_EachCodeOnce_RecoveryCodesOnce_SecretNotStoredPlain(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        var account = (await AccountAdministration.AddAsync(db, new NewAccount("pat", "Pat", Role.Viewer, []), Now, default)).Account;
        var (secret, uri, sealedSecret) = TwoStepSignIn.NewSecret(protector, account);
        Assert.Contains("secret=" + secret, uri, StringComparison.Ordinal);
        Assert.False(await db.TwoStepCredentials.AnyAsync()); // nothing stored until confirmed

        var wrong = await Assert.ThrowsAsync<DomainException>(() => TwoStepSignIn.ConfirmAsync(db, protector, account, sealedSecret, "000000", Now, default));
        Assert.Equal("Enter the 6-digit code your authenticator app shows now", wrong.Message);
        var forged = await Assert.ThrowsAsync<DomainException>(() => TwoStepSignIn.ConfirmAsync(db, protector, account, "not sealed", Code(secret, Now), Now, default));
        Assert.Equal("Start setting up two-step sign-in again: the key on the page has expired.", forged.Message);

        var recovery = await TwoStepSignIn.ConfirmAsync(db, protector, account, sealedSecret, Code(secret, Now), Now, default);
        Assert.Equal(TwoStepSignIn.RecoveryCodeCount, recovery.Count);
        Assert.Equal(recovery.Count, recovery.Distinct().Count());
        Assert.True(await TwoStepSignIn.IsSetUpAsync(db, account.Id, default));

        await using (var raw = store.Open())
        {
            var stored = await raw.TwoStepCredentials.AsNoTracking().SingleAsync();
            Assert.DoesNotContain(secret, stored.ProtectedSecret, StringComparison.Ordinal);
            Assert.All(recovery, code => Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), stored.RecoverySecrets, StringComparison.OrdinalIgnoreCase));
        }

        // The code used to confirm cannot be used again; the next step's code works once.
        Assert.False(await TwoStepSignIn.VerifyAsync(db, protector, account.Id, Code(secret, Now), Now, default));
        var later = Now.AddSeconds(30);
        Assert.True(await TwoStepSignIn.VerifyAsync(db, protector, account.Id, Code(secret, later), later, default));
        Assert.False(await TwoStepSignIn.VerifyAsync(db, protector, account.Id, Code(secret, later), later, default));

        Assert.True(await TwoStepSignIn.VerifyAsync(db, protector, account.Id, recovery[0].ToLowerInvariant(), later, default));
        Assert.False(await TwoStepSignIn.VerifyAsync(db, protector, account.Id, recovery[0], later, default));
        Assert.False(await TwoStepSignIn.VerifyAsync(db, protector, account.Id, "AAAAA-AAAAA", later, default));

        await TwoStepSignIn.ResetAsync(db, account, default);
        Assert.False(await TwoStepSignIn.IsSetUpAsync(db, account.Id, default));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Require_SetAndCleared(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        Assert.False(await TwoStepSignIn.IsRequiredAsync(db, default));

        await TwoStepSignIn.RequireAsync(db, true, default);
        Assert.True(await TwoStepSignIn.IsRequiredAsync(db, default));
        await TwoStepSignIn.RequireAsync(db, false, default);
        Assert.False(await TwoStepSignIn.IsRequiredAsync(db, default));
    }

    private static string Code(string base32Secret, DateTimeOffset at) =>
        TimeBasedOneTimePassword.Code(Base32.Decode(base32Secret), TimeBasedOneTimePassword.Step(at));
}
