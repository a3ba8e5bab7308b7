using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Web.Pages.Admin;

/// <summary>
/// Single sign-on administration: the group mappings that give people roles and scopes, and the accounts that signed in
/// through the provider and wait for approval.
/// </summary>
public sealed class SignInGroupsModel(ScrutineerDb db, Accounts.SingleSignOnSettings settings, ILogger<SignInGroupsModel> log) : ScrutineerPageModel
{
    public IReadOnlyList<GroupMapping> Mappings { get; private set; } = [];

    public IReadOnlyList<(UserAccount Account, DateTimeOffset Since)> Waiting { get; private set; } = [];

    /// <summary>Scope choices: value "Unit:12" → label.</summary>
    public IReadOnlyList<(string Group, string Value, string Label)> ScopeOptions { get; private set; } = [];

    public bool IsConfigured => settings.IsConfigured;

    [BindProperty]
    public string? Group { get; set; }

    [BindProperty]
    public Role Role { get; set; } = Role.Viewer;

    [BindProperty]
    public string? Scope { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await AttemptAsync(async () =>
    {
        var mapping = await SignInGroups.AddAsync(db, Group ?? "", Role, ParseScope(Scope), ct);
        log.LogInformation("Group {Group} mapped to {Role} by {User}", mapping.Group, mapping.Role, Me.UserName);
        await LoadAsync(ct);
        Notice($"Members of {mapping.Group} are now {RoleNames.Of(mapping.Role)}s{(mapping.Scope is null ? "" : " for " + Label(mapping))} at their next sign-in.");
        return Redirect("/admin/sign-in-groups");
    }, async () =>
    {
        await LoadAsync(ct);
        return Page();
    }, nameof(Group));

    public async Task<IActionResult> OnPostRemoveAsync(int? mappingId, CancellationToken ct) => await AttemptAsync(async () =>
    {
        var mapping = await SignInGroups.RemoveAsync(db, mappingId ?? 0, ct);
        log.LogInformation("Group mapping {Group} → {Role} removed by {User}", mapping.Group, mapping.Role, Me.UserName);
        Notice($"The mapping of {mapping.Group} to {RoleNames.Of(mapping.Role)} was removed.");
        return Redirect("/admin/sign-in-groups");
    }, async () =>
    {
        await LoadAsync(ct);
        return Page();
    });

    public async Task<IActionResult> OnPostApproveAsync(int? accountId, CancellationToken ct) => await AttemptAsync(async () =>
    {
        var account = await SingleSignOn.ApproveAsync(db, accountId ?? 0, ct);
        log.LogInformation("Account {Account} approved by {User}", account.UserName, Me.UserName);
        Notice($"{account.DisplayName} ({account.UserName}) is approved as a viewer. Change their role on their user page if they need more.");
        return Redirect("/admin/sign-in-groups");
    }, async () =>
    {
        await LoadAsync(ct);
        return Page();
    });

    /// <summary>What a mapping's scope names, for the table.</summary>
    public string Label(GroupMapping mapping) =>
        ScopeOptions.FirstOrDefault(o => o.Value == $"{mapping.ScopeKind}:{mapping.TargetId}").Label ?? "";

    private static AccountScope? ParseScope(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parts = value.Split(':');
        return parts.Length == 2 && Enum.TryParse<ScopeKind>(parts[0], out var kind) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new AccountScope(kind, id)
            : throw new DomainException("Choose a unit, priority or strand from the list.");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Mappings = await SignInGroups.ListAsync(db, ct);
        Waiting = await SingleSignOn.AwaitingApprovalAsync(db, ct);
        var units = (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.ShortName }).ToListAsync(ct))
            .OrderBy(u => u.ShortName, StringComparer.Ordinal).Select(u => ("Units (contributors)", $"Unit:{u.Id}", $"{u.Name} ({u.ShortName})"));
        var priorities = (await db.Priorities.AsNoTracking().Select(p => new { p.Id, p.Number, p.Title, Plan = p.Plan.Title }).ToListAsync(ct))
            .OrderBy(p => p.Plan, StringComparer.Ordinal).ThenBy(p => p.Number).Select(p => ("Priorities (reviewers)", $"Priority:{p.Id}", $"{p.Plan}: {p.Number}. {p.Title}"));
        var strands = (await db.Strands.AsNoTracking().Select(s => new { s.Id, s.Position, s.Title }).ToListAsync(ct))
            .OrderBy(s => s.Position).Select(s => ("Strands (reviewers)", $"Strand:{s.Id}", s.Title));
        ScopeOptions = units.Concat(priorities).Concat(strands).ToList();
    }
}
