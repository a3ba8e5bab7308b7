using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Imports;
using Scrutineer.Application.Plans;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.Imports;

namespace Scrutineer.Web.Pages.Admin;

/// <summary>Administration: users with their roles and scopes, units, and plans (plan files uploaded and downloaded).</summary>
public sealed class IndexModel(ScrutineerDb db, ILogger<IndexModel> log, Security.UploadBudget budget) : ScrutineerPageModel
{
    public IReadOnlyList<UserAccount> Accounts { get; private set; } = [];

    /// <summary>The accounts, sorted and paged (50 a page) as the address says; by user name at first.</summary>
    public TableView<UserAccount> Users => users ??= TableView<UserAccount>.From(Accounts, Request, new Dictionary<string, Func<UserAccount, IComparable?>>(StringComparer.Ordinal)
    {
        ["user"] = a => a.UserName.ToUpperInvariant(),
        ["name"] = a => a.DisplayName.ToUpperInvariant(),
        ["role"] = a => RoleNames.Of(a.Role),
        ["sensitive"] = a => a.ReadsSensitive,
        ["account"] = a => State(a),
    }, "user");

    private TableView<UserAccount>? users;

    /// <summary>"Active", "Locked" or "Disabled".</summary>
    public static string State(UserAccount a) => a.IsDisabled ? "Disabled" : a.LockedUntil is not null ? "Locked" : "Active";

    /// <summary>Each account's scope in the force's words, by account id (<see cref="Application.Accounts.AccountAdministration.ScopeNamesAsync"/>).</summary>
    public IReadOnlyDictionary<int, string> Scopes { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public IReadOnlyList<(int Id, string Title, string Years, int Priorities)> Plans { get; private set; } = [];

    [BindProperty]
    public string? UnitName { get; set; }

    [BindProperty]
    public string? UnitShortName { get; set; }

    [BindProperty]
    public UnitKind UnitKind { get; set; } = UnitKind.Team;

    /// <summary>The unit whose head's address is being set.</summary>
    [BindProperty]
    public int? HeadUnitId { get; set; }

    /// <summary>The head's address; blank clears it.</summary>
    [BindProperty]
    public string? HeadEmail { get; set; }

    /// <summary>Whether an uploaded plan replaces the plan of the same title (allowed only while it has no rounds).</summary>
    [BindProperty]
    public bool ReplacePlan { get; set; }

    /// <summary>Whether every local account must use two-step sign-in.</summary>
    public bool TwoStepRequired { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Requires (or stops requiring) two-step sign-in of every local account, as <c>scrutineer user require-two-step</c> does.</summary>
    public async Task<IActionResult> OnPostTwoStepAsync(string? required, CancellationToken ct)
    {
        if (required is not ("true" or "false"))
        {
            ModelState.AddModelError("", "Choose whether to require two-step sign-in for every local account");
            await LoadAsync(ct);
            return Page();
        }

        await Application.Accounts.TwoStepSignIn.RequireAsync(db, required == "true", ct);
        log.LogInformation("Two-step sign-in {Required} for every local account by {User}", required == "true" ? "required" : "no longer required", Me.UserName);
        Notice(required == "true"
            ? "Two-step sign-in is now required of every local account. Accounts without it set it up when they next sign in."
            : "Two-step sign-in is no longer required. Accounts that set it up keep it.");
        return Redirect("/admin#users");
    }

    /// <summary>Downloads a plan as its plan file (YAML, docs/plan-file.md): what <c>scrutineer plan export</c> writes.</summary>
    public async Task<IActionResult> OnGetPlanFileAsync(int id, CancellationToken ct)
    {
        var title = await db.Plans.Where(p => p.Id == id).Select(p => p.Title).SingleOrDefaultAsync(ct);
        if (title is null)
        {
            return NotFound();
        }

        var text = await PlanFileWriter.WriteAsync(db, title, ct);
        var name = new string(title.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        return File(new UTF8Encoding(false).GetBytes(text), "application/yaml", name + ".yaml");
    }

    /// <summary>
    /// Imports an uploaded plan file in one transaction, as <c>scrutineer plan import</c> does, within the upload budget:
    /// every problem is listed with its line and nothing is written unless all is well.
    /// </summary>
    public async Task<IActionResult> OnPostPlanAsync(IFormFile? planFile, CancellationToken ct)
    {
        var name = planFile is null ? "" : Path.GetFileName(planFile.FileName.Replace('\\', '/'));
        if (planFile is null || planFile.Length == 0)
        {
            ModelState.AddModelError(nameof(planFile), "Choose a plan file to upload.");
        }
        else if (!name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(planFile), $"{name}: expected a plan file (.yaml or .yml).");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        try
        {
            using var content = new MemoryStream();
            await planFile!.CopyToAsync(content, ct);
            var read = ImportedFile.Of(name, content.GetBuffer().AsSpan(0, (int)content.Length));
            content.Position = 0;
            var result = await budget.ReadAsync(name, async token =>
            {
                using var reader = new StreamReader(content, Encoding.UTF8, leaveOpen: true);
                return await PlanImporter.ImportAsync(db, PlanFileReader.Read(reader, name), name, ReplacePlan, read, token);
            }, ct);
            log.LogInformation("Plan {Plan} imported from {File} by {User}", result.PlanTitle, name, Me.UserName);
            Notice($"{result.PlanTitle} imported from {name}: {result.Priorities} priorities, {result.Commitments} commitments; {result.UnitsCreated} units added, {result.UnitsUpdated} changed.");
            return Redirect("/admin#plans");
        }
        catch (PlanFileException ex)
        {
            ModelState.AddModelError(nameof(planFile), $"{name} was not imported (nothing was written):");
            foreach (var error in ex.Errors)
            {
                ModelState.AddModelError(nameof(planFile), error.ToString());
            }
        }
        catch (Domain.Common.DomainException ex)
        {
            ModelState.AddModelError(nameof(planFile), ex.Message);
        }

        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

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

    /// <summary>Sets or clears the address of a unit's head, as <c>scrutineer unit set-head</c> does (the unit's own rule).</summary>
    public async Task<IActionResult> OnPostUnitHeadAsync(CancellationToken ct)
    {
        var unit = HeadUnitId is { } id ? await db.Units.SingleOrDefaultAsync(u => u.Id == id, ct) : null;
        if (unit is null)
        {
            ModelState.AddModelError(nameof(HeadUnitId), "Select the unit");
            await LoadAsync(ct);
            return Page();
        }

        return await AttemptAsync(async () =>
        {
            unit.SetHead(HeadEmail);
            await db.SaveChangesAsync(ct);
            log.LogInformation("Head of unit {Unit} {Change} by {User}", unit.ShortName, unit.HeadEmail is null ? "cleared" : "set", Me.UserName);
            Notice(unit.HeadEmail is { } address
                ? $"The head of {unit.DisplayName} is told of overdue updates at {address}."
                : $"No head's address is held for {unit.DisplayName} now: only the analysts are told of its overdue updates.");
            return Redirect("/admin#units");
        }, async () =>
        {
            await LoadAsync(ct);
            return Page();
        }, nameof(HeadEmail));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        TwoStepRequired = await Application.Accounts.TwoStepSignIn.IsRequiredAsync(db, ct);
        Accounts = (await db.Accounts.AsNoTracking().ToListAsync(ct)).OrderBy(a => a.Role).ThenBy(a => a.UserName, StringComparer.Ordinal).ToList();
        Scopes = await Application.Accounts.AccountAdministration.ScopeNamesAsync(db, Accounts, ct);
        Units = (await db.Units.AsNoTracking().ToListAsync(ct)).OrderBy(u => u.ShortName, StringComparer.Ordinal).ToList();
        Plans = (await db.Plans.AsNoTracking().Select(p => new { p.Id, p.Title, p.FirstYear, p.LastYear, Count = p.Priorities.Count }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title, $"{p.FirstYear} to {p.LastYear}", p.Count)).ToList();
    }
}
