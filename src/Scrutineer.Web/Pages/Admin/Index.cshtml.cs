using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Web.Pages.Admin;

/// <summary>Administration: users with their roles and scopes, units, and plans.</summary>
public sealed class IndexModel(ScrutineerDb db, ILogger<IndexModel> log) : ScrutineerPageModel
{
    public IReadOnlyList<UserAccount> Accounts { get; private set; } = [];

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public IReadOnlyList<(int Id, string Title, string Years, int Priorities)> Plans { get; private set; } = [];

    [BindProperty]
    public string? UnitName { get; set; }

    [BindProperty]
    public string? UnitShortName { get; set; }

    [BindProperty]
    public UnitKind UnitKind { get; set; } = UnitKind.Team;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostUnitAsync(CancellationToken ct)
    {
        if (await db.Units.AnyAsync(u => u.ShortName == (UnitShortName ?? "").Trim(), ct))
        {
            ModelState.AddModelError(nameof(UnitShortName), $"A unit with the short name {UnitShortName} already exists");
            await LoadAsync(ct);
            return Page();
        }

        return await AttemptAsync(async () =>
        {
            var unit = new Unit(UnitName ?? "", UnitShortName ?? "", UnitKind);
            db.Units.Add(unit);
            await db.SaveChangesAsync(ct);
            log.LogInformation("Unit {Unit} added by {User}", unit.ShortName, Me.UserName);
            Notice($"Unit {unit.DisplayName} added.");
            return Redirect("/admin#units");
        }, async () =>
        {
            await LoadAsync(ct);
            return Page();
        }, nameof(UnitName));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Accounts = (await db.Accounts.AsNoTracking().ToListAsync(ct)).OrderBy(a => a.Role).ThenBy(a => a.UserName, StringComparer.Ordinal).ToList();
        Units = (await db.Units.AsNoTracking().ToListAsync(ct)).OrderBy(u => u.ShortName, StringComparer.Ordinal).ToList();
        Plans = (await db.Plans.AsNoTracking().Select(p => new { p.Id, p.Title, p.FirstYear, p.LastYear, Count = p.Priorities.Count }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title, $"{p.FirstYear} to {p.LastYear}", p.Count)).ToList();
    }
}
