using System.CommandLine;
using Scrutineer.Application.Accounts;
using Scrutineer.Cli.Output;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Cli.Commands;

/// <summary>
/// <c>scrutineer user add|list|disable|enable|set-role|reset-password|reset-two-step|require-two-step</c>: local
/// accounts from the command line, by the same rules as the administration pages (docs/accounts.md).
/// </summary>
internal static class UserCommands
{
    /// <summary>The line a one-time password is printed on; tests and scripts look for it.</summary>
    public const string OneTimePasswordLabel = "One-time password: ";

    public static IEnumerable<Command> Create(CliContext context)
    {
        var user = new Command("user", "Local accounts: add, list, disable, enable, change role, reset a password or two-step sign-in.");
        foreach (var command in new[] { Add(context), List(context), Disable(context), Enable(context), SetEmail(context), SetRole(context), ResetPassword(context), ResetTwoStep(context), RequireTwoStep(context) })
        {
            user.Subcommands.Add(command);
        }

        yield return user;
    }

    /// <summary>Prints a one-time password on its own line, with what to do with it.</summary>
    public static async Task WriteOneTimePasswordAsync(CliContext context, string password)
    {
        await context.Out.WriteLineAsync(OneTimePasswordLabel + password);
        await context.Out.WriteLineAsync("Give it to the account's holder by a safe route. It works once: they must choose their own password when they sign in. It is not shown again.");
    }

    private static Argument<string> NameArgument() => new("name") { Description = "The user name, for example priya.shah or priya.shah@example.police.uk." };

    private static Option<Role> RoleOption(bool required) => new("--role")
    {
        Description = "administrator, analyst, contributor (needs --unit), reviewer (needs --priority) or viewer.",
        Required = required,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
            if (Enum.TryParse<Role>(text, ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(text, out _))
            {
                return role;
            }

            result.AddError($"--role '{text}' is not a role. Give administrator, analyst, contributor, reviewer or viewer.");
            return default;
        },
    };

    private static Option<string[]> UnitOption() => new("--unit")
    {
        Description = "A unit a contributor writes updates for, by short name (for example SCD); repeat for more.",
        AllowMultipleArgumentsPerToken = true,
    };

    private static Option<int[]> PriorityOption() => new("--priority")
    {
        Description = "A priority a reviewer reviews, by number in the newest plan; repeat for more.",
        AllowMultipleArgumentsPerToken = true,
    };

    private static Option<string[]> StrandOption() => new("--strand")
    {
        Description = "A strategy strand by title (for example \"Domestic Abuse\"): a contributor holding it is its lead and writes its narrative; a reviewer holding it reviews that narrative. Repeat for more.",
        AllowMultipleArgumentsPerToken = true,
    };

    private static Command Add(CliContext context)
    {
        var name = NameArgument();
        var role = RoleOption(required: true);
        var units = UnitOption();
        var priorities = PriorityOption();
        var display = new Option<string?>("--display-name") { Description = "The name shown on pages, for example \"Priya Shah\" (default: the user name)." };
        var password = new Option<string?>("--password")
        {
            Description = "The first password (at least 12 characters, not a common one). Without it a random one is printed. Either way it must be changed at first sign-in.",
        };
        var strands = StrandOption();
        var command = new Command("add", "Add a local account with a one-time password.") { name, role, units, priorities, strands, display, password };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var scopes = await AccountAdministration.ScopesAsync(db, parse.GetValue(units) ?? [], parse.GetValue(priorities) ?? [], parse.GetValue(strands) ?? [], ct);
            var issued = await AccountAdministration.AddAsync(db,
                new NewAccount(parse.GetValue(name)!, parse.GetValue(display) ?? "", parse.GetValue(role), scopes, parse.GetValue(password)),
                context.Clock.GetUtcNow(), ct);
            await context.Out.WriteLineAsync($"Account {issued.Account.UserName} added as {RoleName(issued.Account.Role)}.");
            if (issued.OneTimePassword is { } oneTime)
            {
                await WriteOneTimePasswordAsync(context, oneTime);
            }
            else
            {
                await context.Out.WriteLineAsync("The password given must be changed at first sign-in.");
            }

            return 0;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var format = Listing.FormatOption();
        var command = new Command("list", "List the local accounts: role, scope, state, two-step sign-in, last sign-in. Never a password.") { format };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var listing = new Listing("User", "Name", "Role", "Scope", "State", "Two-step", "Last sign-in");
            foreach (var a in await AccountAdministration.ListAsync(db, ct))
            {
                listing.Add(a.UserName, a.DisplayName, RoleName(a.Role), a.Scope,
                    a.IsDisabled ? "disabled" : a.MustChangePassword ? "must change password" : "active",
                    a.HasTwoStep ? "yes" : "no",
                    a.LastSignInAt?.ToString("dd/MM/yyyy HH:mm", EnGb.Culture) ?? "never");
            }

            listing.Write(context.Out, parse.GetValue(format));
            return 0;
        });
        return command;
    }

    private static Command Disable(CliContext context)
    {
        var name = NameArgument();
        var command = new Command("disable", "Stop an account signing in; its sessions end. The last enabled administrator cannot be disabled.") { name };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var account = await AccountAdministration.FindAsync(db, parse.GetValue(name), ct);
            await AccountAdministration.DisableAsync(db, account, ct);
            await db.SaveChangesAsync(ct);
            await context.Out.WriteLineAsync($"Account {account.UserName} disabled.");
            return 0;
        });
        return command;
    }

    private static Command SetEmail(CliContext context)
    {
        var name = NameArgument();
        var email = new Argument<string>("email") { Description = "Where the account's notices go, for example priya.shah@example.police.uk; \"\" to stop them." };
        var command = new Command("set-email", "Set the address an account's notices (reminders, escalations) are emailed to.") { name, email };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var account = await AccountAdministration.FindAsync(db, parse.GetValue(name), ct);
            account.ChangeEmail(parse.GetValue(email));
            await db.SaveChangesAsync(ct);
            await context.Out.WriteLineAsync(account.Email is { } address
                ? $"Notices for {account.UserName} go to {address}."
                : $"Notices for {account.UserName} are no longer emailed.");
            return 0;
        });
        return command;
    }

    private static Command Enable(CliContext context)
    {
        var name = NameArgument();
        var command = new Command("enable", "Let a disabled account sign in again (and clear a lockout).") { name };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var account = await AccountAdministration.FindAsync(db, parse.GetValue(name), ct);
            account.Enable();
            await db.SaveChangesAsync(ct);
            await context.Out.WriteLineAsync($"Account {account.UserName} enabled.");
            return 0;
        });
        return command;
    }

    private static Command SetRole(CliContext context)
    {
        var name = NameArgument();
        var role = RoleOption(required: true);
        var units = UnitOption();
        var priorities = PriorityOption();
        var strands = StrandOption();
        var command = new Command("set-role", "Change an account's role and scope; its sessions end.") { name, role, units, priorities, strands };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var account = await AccountAdministration.FindAsync(db, parse.GetValue(name), ct);
            var scopes = await AccountAdministration.ScopesAsync(db, parse.GetValue(units) ?? [], parse.GetValue(priorities) ?? [], parse.GetValue(strands) ?? [], ct);
            await AccountAdministration.AssignAsync(db, account, parse.GetValue(role), scopes, ct);
            await db.SaveChangesAsync(ct);
            await context.Out.WriteLineAsync($"Account {account.UserName} is now {RoleName(account.Role)}.");
            return 0;
        });
        return command;
    }

    private static Command ResetPassword(CliContext context)
    {
        var name = NameArgument();
        var command = new Command("reset-password", "Give an account a new one-time password (and clear a lockout); its sessions end.") { name };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var account = await AccountAdministration.FindAsync(db, parse.GetValue(name), ct);
            var password = AccountAdministration.ResetPassword(account)!;
            await db.SaveChangesAsync(ct);
            await context.Out.WriteLineAsync($"Password of {account.UserName} reset.");
            await WriteOneTimePasswordAsync(context, password);
            return 0;
        });
        return command;
    }

    private static Command ResetTwoStep(CliContext context)
    {
        var name = NameArgument();
        var command = new Command("reset-two-step", "Remove an account's authenticator and recovery codes (a lost phone); it sets them up again at next sign-in if required.") { name };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var account = await AccountAdministration.FindAsync(db, parse.GetValue(name), ct);
            await TwoStepSignIn.ResetAsync(db, account, ct);
            await context.Out.WriteLineAsync($"Two-step sign-in of {account.UserName} removed.");
            return 0;
        });
        return command;
    }

    private static Command RequireTwoStep(CliContext context)
    {
        var off = new Option<bool>("--off") { Description = "Stop requiring it (accounts that set it up keep it)." };
        var command = new Command("require-two-step", "Require two-step sign-in of every local account: those without it set it up at next sign-in.") { off };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var required = !parse.GetValue(off);
            await TwoStepSignIn.RequireAsync(db, required, ct);
            await context.Out.WriteLineAsync(required
                ? "Two-step sign-in is now required of every local account."
                : "Two-step sign-in is no longer required; accounts that set it up keep it.");
            return 0;
        });
        return command;
    }

    private static string RoleName(Role role) => role.ToString().ToLowerInvariant();
}
