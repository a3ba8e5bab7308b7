using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

/// <summary><c>scrutineer init --admin</c> and <c>scrutineer user …</c>: accounts from the command line.</summary>
public sealed partial class UserCommandsTests
{
    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task InitAdmin_FreshStore_PrintsOneTimePasswordThatWorksOnce_SecondInitRefused(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, migrate: false);

        var run = await Cli.RunAsync("init", "--admin", "Alex", "--db", store.DbArgument);

        Assert.True(run.ExitCode == 0, run.Error);
        var password = OneTimePassword(run.Out);
        await using (var db = store.Open())
        {
            var admin = await db.Accounts.SingleAsync();
            Assert.Equal(("alex", Role.Administrator, true), (admin.UserName, admin.Role, admin.MustChangePassword));
            Assert.Equal(PasswordVerificationResult.Success, Passwords.Verify(admin, password));

            // Once the holder chooses a password, the one-time password no longer works.
            await OwnPassword.ChangeAsync(db, admin.Id, password, "coffee train fish", default);
            Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify(admin, password));
        }

        var again = await Cli.RunAsync("init", "--admin", "sam", "--db", store.DbArgument);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal("error: The store already has an administrator (alex). Sign in as an administrator to add accounts, or use 'scrutineer user add'.", again.Error.Trim());
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task UserCommands_AddListSetRoleDisableEnableReset_WithRefusals(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            db.Units.Add(new Domain.Plans.Unit("Serious Crime Directorate", "SCD", Domain.Plans.UnitKind.Command));
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, (await Cli.RunAsync("init", "--admin", "alex", "--db", store.DbArgument)).ExitCode);

        var add = await Cli.RunAsync("user", "add", "sam.okafor", "--role", "contributor", "--unit", "SCD", "--display-name", "Sam Okafor", "--db", store.DbArgument);
        Assert.True(add.ExitCode == 0, add.Error);
        Assert.Contains("Account sam.okafor added as contributor.", add.Out, StringComparison.Ordinal);
        OneTimePassword(add.Out);

        await AssertRefusedAsync("error: The user name sam.okafor is taken. Choose another user name.", "user", "add", "sam.okafor", "--role", "viewer");
        await AssertRefusedAsync("error: Enter a password that is at least 12 characters long", "user", "add", "pat", "--role", "viewer", "--password", "short");
        await AssertRefusedAsync("error: Enter a password that is harder to guess: this one is on a list of common passwords. Three random words together make a strong password", "user", "add", "pat", "--role", "viewer", "--password", "password1234");
        await AssertRefusedAsync("error: A contributor needs at least one unit (or strategy strand it leads), and no priorities.", "user", "add", "pat", "--role", "contributor");
        await AssertRefusedAsync("error: There is no unit called 'NOPE'. Give a unit's short name, for example SCD.", "user", "add", "pat", "--role", "contributor", "--unit", "NOPE");
        await AssertRefusedAsync("--role 'wizard' is not a role. Give administrator, analyst, contributor, reviewer or viewer.", "user", "add", "pat", "--role", "wizard");
        await AssertRefusedAsync("error: You cannot disable alex: it is the only enabled administrator. Add another administrator first.", "user", "disable", "alex");
        await AssertRefusedAsync("error: You cannot take the administrator role from alex: it is the only enabled administrator. Add another administrator first.", "user", "set-role", "alex", "--role", "viewer");
        await AssertRefusedAsync("error: There is no account with the user name nobody. Check the spelling or list the accounts.", "user", "disable", "nobody");

        var given = await Cli.RunAsync("user", "add", "pat", "--role", "viewer", "--password", "purple tractor lemon", "--db", store.DbArgument);
        Assert.True(given.ExitCode == 0, given.Error);
        Assert.DoesNotContain("One-time password:", given.Out, StringComparison.Ordinal);

        Assert.Equal(0, (await Cli.RunAsync("user", "set-role", "pat", "--role", "analyst", "--db", store.DbArgument)).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("user", "disable", "sam.okafor", "--db", store.DbArgument)).ExitCode);

        var list = await Cli.RunAsync("user", "list", "--format", "csv", "--db", store.DbArgument);
        Assert.True(list.ExitCode == 0, list.Error);
        var lines = list.Out.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("user,name,role,scope,state,two_step,last_sign_in", lines[0]);
        Assert.Contains("pat,pat,analyst,,must change password,no,never", lines);
        Assert.Contains("sam.okafor,Sam Okafor,contributor,SCD,disabled,no,never", lines);
        Assert.DoesNotContain("AQAA", list.Out, StringComparison.Ordinal); // never a hash

        Assert.Equal(0, (await Cli.RunAsync("user", "enable", "sam.okafor", "--db", store.DbArgument)).ExitCode);
        int stamp;
        await using (var db = store.Open())
        {
            stamp = (await db.Accounts.SingleAsync(a => a.UserName == "sam.okafor")).Stamp;
        }

        var reset = await Cli.RunAsync("user", "reset-password", "sam.okafor", "--db", store.DbArgument);
        Assert.True(reset.ExitCode == 0, reset.Error);
        var fresh = OneTimePassword(reset.Out);
        await using (var db = store.Open())
        {
            var sam = await db.Accounts.SingleAsync(a => a.UserName == "sam.okafor");
            Assert.False(sam.IsDisabled);
            Assert.True(sam.MustChangePassword);
            Assert.True(sam.Stamp > stamp);
            Assert.Equal(PasswordVerificationResult.Success, Passwords.Verify(sam, fresh));
        }

        async Task AssertRefusedAsync(string message, params string[] args)
        {
            var run = await Cli.RunAsync([.. args, "--db", store.DbArgument]);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains(message, run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UserAdd_StrandLeadAndStrandReviewer_HoldTheirStrands_UnknownStrandRefusedWithExamples()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);

        var lead = await Cli.RunAsync("user", "add", "sam.lead", "--role", "contributor", "--strand", "Domestic Abuse", "--db", store.DbArgument);
        var reviewer = await Cli.RunAsync("user", "add", "ria.review", "--role", "reviewer", "--strand", "domestic abuse", "--db", store.DbArgument);
        var unknown = await Cli.RunAsync("user", "add", "kim", "--role", "contributor", "--strand", "Burglary Squad", "--db", store.DbArgument);

        Assert.True(lead.ExitCode == 0, lead.Error);
        Assert.True(reviewer.ExitCode == 0, reviewer.Error);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no strand called 'Burglary Squad'. Give a strand's title, for example \"", unknown.Error, StringComparison.Ordinal);
        await using var db = store.Open();
        var strand = await db.Strands.SingleAsync(s => s.Title == "Domestic Abuse");
        Assert.Equal([strand.Id], (await db.Accounts.SingleAsync(a => a.UserName == "sam.lead")).StrandIds);
        Assert.Equal([strand.Id], (await db.Accounts.SingleAsync(a => a.UserName == "ria.review")).StrandIds);
        Assert.False(await db.Accounts.AnyAsync(a => a.UserName == "kim"));
    }

    [Fact]
    public async Task DemoReset_StoreNotBuiltByTheDemo_RefusedAndNothingDeleted()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        Assert.Equal(0, (await Cli.RunAsync("init", "--admin", "alex", "--db", store.DbArgument)).ExitCode);

        var reset = await Cli.RunAsync("demo", "--reset", "--db", store.DbArgument);
        var build = await Cli.RunAsync("demo", "--db", store.DbArgument);

        Assert.Equal(1, reset.ExitCode);
        Assert.Contains("--reset deletes only a store the demo built, and ", reset.Error, StringComparison.Ordinal);
        Assert.Contains(" holds other data. Nothing was deleted. Give the demo a new --db path.", reset.Error, StringComparison.Ordinal);
        Assert.Equal(1, build.ExitCode);
        Assert.Contains("holds data the demo did not build, so the demo was not built. Give the demo a new --db path.", build.Error, StringComparison.Ordinal);
        await using var db = store.Open();
        Assert.Equal("alex", (await db.Accounts.SingleAsync()).UserName);
        Assert.False(await db.Plans.AnyAsync());
    }

    [Fact]
    public async Task DemoReset_DemoStore_RebuiltAfresh()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        await using (var db = store.Open())
        {
            db.Units.Add(new Domain.Plans.Unit("Marker unit", "MARK", Domain.Plans.UnitKind.Team));
            await db.SaveChangesAsync();
        }

        var files = Path.Combine(Path.GetTempPath(), $"scrutineer-cli-demo-{Guid.NewGuid():N}");
        try
        {
            var reset = await Cli.RunAsync("demo", "--reset", "--db", store.DbArgument, "--files", files);
            Assert.True(reset.ExitCode == 0, reset.Error);
        }
        finally
        {
            if (Directory.Exists(files))
            {
                Directory.Delete(files, recursive: true);
            }
        }

        await using var check = store.Open();
        Assert.False(await check.Units.AnyAsync(u => u.ShortName == "MARK"));
        Assert.True(await Application.Demo.DemoForce.BuiltThisStoreAsync(check));
    }

    private static string OneTimePassword(string output)
    {
        var match = OneTimeLine().Match(output);
        Assert.True(match.Success, "No 'One-time password:' line in: " + output);
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"^One-time password: (\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex OneTimeLine();
}
