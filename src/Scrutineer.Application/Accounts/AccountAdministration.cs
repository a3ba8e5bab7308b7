using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Accounts;

/// <summary>
/// An administrator's actions on local accounts, the same from the command line and the web: the first
/// administrator of a new store, adding accounts, changing role, disabling, enabling and resetting a password.
/// Passwords an administrator sets are one-time passwords: the holder must choose their own at first sign-in. There is
/// always at least one enabled administrator.
/// </summary>
public static class AccountAdministration
{
    /// <summary>
    /// Creates the first administrator of a store with a one-time password. Refused when the store already has an
    /// enabled administrator (add more with <see cref="AddAsync"/>).
    /// </summary>
    /// <exception cref="DomainException">An enabled administrator exists; the user name is malformed.</exception>
    public static async Task<IssuedAccount> CreateFirstAdministratorAsync(ScrutineerDb db, string userName, string? displayName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.Accounts.Where(a => a.Role == Role.Administrator && !a.IsDisabled).Select(a => a.UserName).OrderBy(n => n).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw new DomainException($"The store already has an administrator ({existing}). Sign in as an administrator to add accounts, or use 'scrutineer user add'.");
        }

        var name = UserAccount.NormaliseUserName(userName);
        return await AddAsync(db, new NewAccount(name, string.IsNullOrWhiteSpace(displayName) ? name : displayName, Role.Administrator, []), now, cancellationToken);
    }

    /// <summary>Adds an account with a one-time password (the one given, or a random one returned to show once). Saves.</summary>
    /// <exception cref="DomainException">The user name is taken or malformed; the scopes do not suit the role; the password breaks <see cref="PasswordRule"/>.</exception>
    public static async Task<IssuedAccount> AddAsync(ScrutineerDb db, NewAccount request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = UserAccount.NormaliseUserName(request.UserName);
        if (await db.Accounts.AnyAsync(a => a.UserName == name, cancellationToken))
        {
            throw new DomainException($"The user name {name} is taken. Choose another user name.");
        }

        var password = string.IsNullOrEmpty(request.Password) ? Passwords.NewOneTimePassword() : request.Password;
        var hash = Passwords.Hash(password, name);
        var account = new UserAccount(name, string.IsNullOrWhiteSpace(request.DisplayName) ? name : request.DisplayName, request.Role, hash, now, request.Scopes);
        account.IssueOneTimePassword(hash);
        if (request.ReadsSensitive is { } reads)
        {
            account.AllowSensitive(reads);
        }

        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedAccount(account, string.IsNullOrEmpty(request.Password) ? password : null);
    }

    /// <summary>The account with this user name.</summary>
    /// <exception cref="DomainException">No account has it.</exception>
    public static async Task<UserAccount> FindAsync(ScrutineerDb db, string? userName, CancellationToken cancellationToken)
    {
        var name = UserAccount.NormaliseUserName(userName);
        return await db.Accounts.SingleOrDefaultAsync(a => a.UserName == name, cancellationToken)
            ?? throw new DomainException($"There is no account with the user name {name}. Check the spelling or list the accounts.");
    }

    /// <summary>Sets the account's role and scopes (not saved). Refused when it would leave no enabled administrator.</summary>
    /// <exception cref="DomainException">The last enabled administrator would lose the role; the scopes do not suit the role.</exception>
    public static async Task AssignAsync(ScrutineerDb db, UserAccount account, Role role, IEnumerable<AccountScope> scopes, CancellationToken cancellationToken)
    {
        if (role != Role.Administrator)
        {
            await KeepAnAdministratorAsync(db, account, "take the administrator role from", cancellationToken);
        }

        account.Assign(role, scopes);
    }

    /// <summary>Disables the account (not saved); its sessions end. Refused for the last enabled administrator.</summary>
    /// <exception cref="DomainException">The account is the only enabled administrator.</exception>
    public static async Task DisableAsync(ScrutineerDb db, UserAccount account, CancellationToken cancellationToken)
    {
        await KeepAnAdministratorAsync(db, account, "disable", cancellationToken);
        account.Disable();
    }

    /// <summary>
    /// Gives the account a one-time password (not saved), unlocking it: the one given, or a random one that is returned
    /// to show once. Its sessions end, and the holder must choose a new password at next sign-in.
    /// </summary>
    /// <exception cref="DomainException">The password given breaks <see cref="PasswordRule"/>.</exception>
    public static string? ResetPassword(UserAccount account, string? password = null)
    {
        var chosen = string.IsNullOrEmpty(password) ? Passwords.NewOneTimePassword() : password;
        account.IssueOneTimePassword(Passwords.Hash(chosen, account.UserName));
        account.Unlock();
        return string.IsNullOrEmpty(password) ? chosen : null;
    }

    /// <summary>Every account, by user name, with whether it has two-step sign-in.</summary>
    public static async Task<IReadOnlyList<AccountSummary>> ListAsync(ScrutineerDb db, CancellationToken cancellationToken)
    {
        var accounts = await db.Accounts.AsNoTracking().OrderBy(a => a.UserName).ToListAsync(cancellationToken);
        var twoStep = await db.TwoStepCredentials.AsNoTracking().Where(c => c.ConfirmedAt != null).Select(c => c.AccountId).ToListAsync(cancellationToken);
        var scopes = await ScopeNamesAsync(db, accounts, cancellationToken);
        return accounts.Select(a => new AccountSummary(
            a.UserName, a.DisplayName, a.Role, a.IsDisabled, a.MustChangePassword, twoStep.Contains(a.Id), a.LastSignInAt, scopes[a.Id])).ToList();
    }

    /// <summary>
    /// Each account's scope in the force's words, by account id: units by short name, priorities by number ("priority 3"),
    /// strands by title ("strand Domestic Abuse"); empty for a force-wide role.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, string>> ScopeNamesAsync(ScrutineerDb db, IEnumerable<UserAccount> accounts, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ShortName, cancellationToken);
        var priorities = await db.Priorities.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Number, cancellationToken);
        var strands = await db.Strands.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Title, cancellationToken);
        return accounts.ToDictionary(a => a.Id, a => string.Join(", ", a.UnitIds.Select(id => units.GetValueOrDefault(id, $"unit {id} (deleted)"))
            .Concat(a.PriorityIds.Select(id => priorities.TryGetValue(id, out var n) ? $"priority {n}" : $"priority {id} (deleted)"))
            .Concat(a.StrandIds.Select(id => strands.TryGetValue(id, out var title) ? $"strand {title}" : $"strand {id} (deleted)"))));
    }

    /// <summary>
    /// Scopes named the force's way: units by short name (or full name), priorities by number in the newest plan.
    /// </summary>
    /// <exception cref="DomainException">A unit or priority that does not exist.</exception>
    public static async Task<IReadOnlyList<AccountScope>> ScopesAsync(ScrutineerDb db, IEnumerable<string> units, IEnumerable<int> priorityNumbers, IEnumerable<string> strands, CancellationToken cancellationToken)
    {
        var scopes = new List<AccountScope>();
        var known = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ShortName, u.Name }).ToListAsync(cancellationToken);
        foreach (var unit in units)
        {
            var match = known.FirstOrDefault(u => string.Equals(u.ShortName, unit.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? known.FirstOrDefault(u => string.Equals(u.Name, unit.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new DomainException($"There is no unit called '{unit}'. Give a unit's short name, for example {string.Join(" or ", known.Take(2).Select(u => u.ShortName).DefaultIfEmpty("SCD"))}.");
            scopes.Add(new AccountScope(ScopeKind.Unit, match.Id));
        }

        var numbers = priorityNumbers.ToList();
        if (numbers.Count > 0)
        {
            var plan = await db.Plans.AsNoTracking().OrderByDescending(p => p.Id).Select(p => new { p.Title, Priorities = p.Priorities.Select(x => new { x.Id, x.Number }).ToList() }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("The store holds no plan yet, so a reviewer cannot be given priorities. Import a plan first.");
            foreach (var number in numbers)
            {
                var priority = plan.Priorities.FirstOrDefault(p => p.Number == number)
                    ?? throw new DomainException($"{plan.Title} has no priority {number}. Give a number from 1 to {plan.Priorities.Count}.");
                scopes.Add(new AccountScope(ScopeKind.Priority, priority.Id));
            }
        }

        var strandNames = strands.ToList();
        if (strandNames.Count > 0)
        {
            var knownStrands = await db.Strands.AsNoTracking().OrderByDescending(s => s.StrategyId).ThenBy(s => s.Position).Select(s => new { s.Id, s.Title }).ToListAsync(cancellationToken);
            foreach (var strand in strandNames)
            {
                var match = knownStrands.FirstOrDefault(s => string.Equals(s.Title, strand.Trim(), StringComparison.OrdinalIgnoreCase))
                    ?? throw new DomainException(knownStrands.Count == 0
                        ? "The store holds no crime prevention strategy yet, so no one can be given a strand. Import a delivery plan first."
                        : $"There is no strand called '{strand}'. Give a strand's title, for example {string.Join(" or ", knownStrands.Take(2).Select(s => $"\"{s.Title}\""))}.");
                scopes.Add(new AccountScope(ScopeKind.Strand, match.Id));
            }
        }

        return scopes;
    }

    private static async Task KeepAnAdministratorAsync(ScrutineerDb db, UserAccount account, string action, CancellationToken cancellationToken)
    {
        if (account.Role == Role.Administrator && !account.IsDisabled
            && !await db.Accounts.AnyAsync(a => a.Id != account.Id && a.Role == Role.Administrator && !a.IsDisabled, cancellationToken))
        {
            throw new DomainException($"You cannot {action} {account.UserName}: it is the only enabled administrator. Add another administrator first.");
        }
    }
}
