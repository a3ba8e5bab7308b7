using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Web.Accounts;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Pages.Admin;

/// <summary>An account's open sessions, for an administrator: each may be ended, or all at once.</summary>
public sealed class SessionsModel(ScrutineerDb db, SessionCookie cookie, SessionLimits limits, TimeProvider clock) : ScrutineerPageModel
{
    public UserAccount Account { get; private set; } = null!;

    public IReadOnlyList<AccountSession> Open { get; private set; } = [];

    public int? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Open = await Sessions.ListOpenAsync(db, id, limits, clock.GetUtcNow(), ct);
        Current = id == Me.Id ? await cookie.CurrentIdAsync(HttpContext, ct) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, int session, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !await Sessions.RevokeAsync(db, id, session, clock.GetUtcNow(), ct))
        {
            return NotFound();
        }

        SecurityEvents.Log(HttpContext).SessionsEnded(Me.UserName, Account.UserName, 1, SecurityEvents.ClientAddress(HttpContext));
        Notice($"The session of {Account.UserName} has ended.");
        return Redirect($"/admin/users/{id}/sessions");
    }

    public async Task<IActionResult> OnPostEverywhereAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var ended = await Sessions.EndAllAsync(db, id, clock.GetUtcNow(), ct);
        SecurityEvents.Log(HttpContext).SessionsEnded(Me.UserName, Account.UserName, ended, SecurityEvents.ClientAddress(HttpContext));
        Notice($"{ended} {(ended == 1 ? "session" : "sessions")} of {Account.UserName} ended.");
        return Redirect($"/admin/users/{id}/sessions");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Account = (await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct))!;
        return Account is not null;
    }
}
