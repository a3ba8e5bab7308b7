using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Web.Accounts;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Pages.Admin;

/// <summary>
/// Adds a user or changes one: name, role, scopes, the permission to read OFFICIAL-SENSITIVE text, a one-time password,
/// enabled, unlock (the rules are <see cref="AccountAdministration"/>'s, as on the command line). Changing the role, scopes, permission, password or enabled state ends the account's sessions.
/// </summary>
public sealed class UserModel(ScrutineerDb db, TimeProvider clock, ILogger<UserModel> log) : ScrutineerPageModel
{
    public UserAccount? Account { get; private set; }

    public IReadOnlyList<(int Id, string Name)> UnitOptions { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> PriorityOptions { get; private set; } = [];

    /// <summary>Strategy strands: a contributor holding one writes its narrative (its lead); a reviewer holding one reviews it.</summary>
    public IReadOnlyList<(int Id, string Name)> StrandOptions { get; private set; } = [];

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    /// <summary>Where the account's notices are emailed (blank: none).</summary>
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public Role Role { get; set; } = Role.Viewer;

    [BindProperty]
    public List<int> Units { get; set; } = [];

    [BindProperty]
    public List<int> Priorities { get; set; } = [];

    [BindProperty]
    public List<int> Strands { get; set; } = [];

    /// <summary>
    /// "May read OFFICIAL-SENSITIVE text" as ticked on the form. Applied when the administrator changed it from what the
    /// form showed; otherwise a new account, or a change of role, takes the role's default (every role but viewer holds it).
    /// </summary>
    [BindProperty]
    public bool ReadsSensitive { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public bool Disabled { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Account is not null)
        {
            UserName = Account.UserName;
            DisplayName = Account.DisplayName;
            Email = Account.Email;
            Role = Account.Role;
            Units = Account.UnitIds.ToList();
            Priorities = Account.PriorityIds.ToList();
            Strands = Account.StrandIds.ToList();
            Disabled = Account.IsDisabled;
            ReadsSensitive = Account.ReadsSensitive;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var scopes = Role switch
        {
            Role.Contributor => Units.Select(u => new AccountScope(ScopeKind.Unit, u)).Concat(Strands.Select(s => new AccountScope(ScopeKind.Strand, s))),
            Role.Reviewer => Priorities.Select(p => new AccountScope(ScopeKind.Priority, p)).Concat(Strands.Select(s => new AccountScope(ScopeKind.Strand, s))),
            _ => [],
        };
        try
        {
            UserAccount.NormaliseEmail(Email);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(Email), ex.Message);
            return Page();
        }

        var shown = Account?.ReadsSensitive ?? false;
        var sensitiveChosen = ReadsSensitive != shown;
        var roleBefore = Account?.Role;
        return await AttemptAsync(async () =>
        {
            string? oneTime = null;
            if (Account is null)
            {
                var issued = await AccountAdministration.AddAsync(db,
                    new NewAccount(UserName ?? "", DisplayName ?? "", Role, scopes.ToList(), Password, sensitiveChosen ? ReadsSensitive : null), clock.GetUtcNow(), ct);
                Account = issued.Account;
                oneTime = issued.OneTimePassword;
                Account.ChangeEmail(Email);
            }
            else
            {
                Account.Rename(DisplayName ?? "");
                Account.ChangeEmail(Email);
                await AccountAdministration.AssignAsync(db, Account, Role, scopes, ct);
                if (sensitiveChosen)
                {
                    Account.AllowSensitive(ReadsSensitive);
                }

                if (!string.IsNullOrEmpty(Password))
                {
                    AccountAdministration.ResetPassword(Account, Password);
                }

                if (Disabled && !Account.IsDisabled)
                {
                    await AccountAdministration.DisableAsync(db, Account, ct);
                }
                else if (!Disabled && Account.IsDisabled)
                {
                    Account.Enable();
                }
                else
                {
                    Account.Unlock();
                }
            }

            await db.SaveChangesAsync(ct);
            if (roleBefore != Account.Role)
            {
                SecurityEvents.Log(HttpContext).RoleChanged(Me.UserName, Account.UserName, roleBefore?.ToString() ?? "none (new account)", Account.Role.ToString(), SecurityEvents.ClientAddress(HttpContext));
            }

            log.LogInformation("Account {UserName} saved by {User} with role {Role}, reads OFFICIAL-SENSITIVE: {ReadsSensitive}", Account.UserName, Me.UserName, Account.Role, Account.ReadsSensitive);
            Notice(oneTime is null
                ? $"User {Account.UserName} saved."
                : $"User {Account.UserName} added. One-time password: {oneTime} (give it to them by a safe route; it is not shown again, and they choose their own password when they sign in).");
            return Redirect("/admin#users");
        }, () => Task.FromResult<IActionResult>(Page()), nameof(UserName));
    }

    private async Task<bool> LoadAsync(int? id, CancellationToken ct)
    {
        if (id is not null)
        {
            Account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, ct);
            if (Account is null)
            {
                return false;
            }
        }

        UnitOptions = (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.ShortName }).ToListAsync(ct))
            .OrderBy(u => u.ShortName, StringComparer.Ordinal).Select(u => (u.Id, $"{u.Name} ({u.ShortName})")).ToList();
        PriorityOptions = (await db.Priorities.AsNoTracking().Select(p => new { p.Id, p.Number, p.Title, Plan = p.Plan.Title }).ToListAsync(ct))
            .OrderBy(p => p.Plan, StringComparer.Ordinal).ThenBy(p => p.Number).Select(p => (p.Id, $"{p.Plan}: {p.Number}. {p.Title}")).ToList();
        StrandOptions = (await db.Strands.AsNoTracking().Select(s => new { s.Id, s.Position, s.Title, Strategy = s.Strategy.Title }).ToListAsync(ct))
            .OrderBy(s => s.Strategy, StringComparer.Ordinal).ThenBy(s => s.Position).Select(s => (s.Id, $"{s.Strategy}: {s.Title}")).ToList();
        return true;
    }
}
