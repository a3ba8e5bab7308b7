using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Accounts;

/// <summary>
/// Starts and ends the server-side session behind the sign-in cookie: the cookie carries the session's random token
/// besides the account's claims, and every request is checked against the store (<see cref="Sessions.CheckAsync"/>).
/// </summary>
public sealed class SessionCookie(ScrutineerDb db, SessionLimits limits, TimeProvider clock)
{
    private const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>
    /// Starts a session for <paramref name="account"/> and issues its cookie (recorded under the account's name),
    /// carrying the sign-in step still pending, if any (<see cref="PendingSignInStep"/>).
    /// </summary>
    public async Task SignInAsync(HttpContext context, UserAccount account, CancellationToken cancellationToken, string? pendingStep = null) =>
        await context.SignInAsync(Scheme, await StartAsync(context, account, pendingStep, cancellationToken));

    /// <summary>
    /// Starts a session for <paramref name="account"/> in the store (recorded under the account's name) and returns the
    /// principal its cookie carries: the account's claims and the session's token. For sign-ins whose cookie another
    /// handler issues (single sign-on).
    /// </summary>
    public async Task<ClaimsPrincipal> StartAsync(HttpContext context, UserAccount account, string? pendingStep, CancellationToken cancellationToken)
    {
        string token;
        using (AuditContext.Begin(WebHardening.ActorOf(account), clock))
        {
            token = await Sessions.StartAsync(db, account, limits, clock.GetUtcNow(), SecurityEvents.ClientAddress(context), context.Request.Headers.UserAgent.ToString(), cancellationToken);
        }

        var principal = CurrentUser.Principal(account, Scheme, pendingStep);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ScrutineerClaims.Session, token));
        return principal;
    }

    /// <summary>Ends the request's session in the store and removes its cookie.</summary>
    public async Task SignOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        await Sessions.EndAsync(db, context.User.FindFirstValue(ScrutineerClaims.Session), clock.GetUtcNow(), cancellationToken);
        await context.SignOutAsync(Scheme);
        SecurityEvents.Log(context).SignedOut(SecurityEvents.AccountOf(context), SecurityEvents.ClientAddress(context));
    }

    /// <summary>The identity of the request's own session, so that a list of sessions can mark it; null when none.</summary>
    public async Task<int?> CurrentIdAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var session = await Sessions.CheckAsync(db, context.User.FindFirstValue(ScrutineerClaims.Session), limits, clock.GetUtcNow(), cancellationToken);
        return session?.Id;
    }
}
