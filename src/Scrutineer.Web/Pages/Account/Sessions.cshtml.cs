using Microsoft.AspNetCore.Mvc;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Web.Accounts;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Pages.Account;

/// <summary>The signed-in account's open sessions, each of which it may end, and "sign out everywhere".</summary>
public sealed class SessionsModel(ScrutineerDb db, SessionCookie cookie, SessionLimits limits, TimeProvider clock) : ScrutineerPageModel
{
    public IReadOnlyList<AccountSession> Open { get; private set; } = [];

    public int? Current { get; private set; }

    public int IdleMinutes => (int)limits.IdleTimeout.TotalMinutes;

    public int LifetimeHours => (int)limits.AbsoluteLifetime.TotalHours;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Open = await Sessions.ListOpenAsync(db, Me.Id, limits, clock.GetUtcNow(), ct);
        Current = await cookie.CurrentIdAsync(HttpContext, ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int session, CancellationToken ct)
    {
        if (!await Sessions.RevokeAsync(db, Me.Id, session, clock.GetUtcNow(), ct))
        {
            return NotFound();
        }

        SecurityEvents.Log(HttpContext).SessionsEnded(Me.UserName, Me.UserName, 1, SecurityEvents.ClientAddress(HttpContext));
        Notice("The session has ended.");
        return Redirect("/account/sessions");
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken ct)
    {
        var ended = await Sessions.EndAllAsync(db, Me.Id, clock.GetUtcNow(), ct);
        SecurityEvents.Log(HttpContext).SessionsEnded(Me.UserName, Me.UserName, ended, SecurityEvents.ClientAddress(HttpContext));
        await cookie.SignOutAsync(HttpContext, ct);
        TempData["Notice"] = "You have signed out everywhere.";
        return Redirect("/account/sign-in");
    }
}
