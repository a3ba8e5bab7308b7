using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Accounts;

internal static class AccountsRegistration
{
    public static IServiceCollection AddScrutineerAccounts(this IServiceCollection services)
    {
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddScoped<SignInService>();
        services.AddScoped<SignInSteps>();
        services.AddScoped<SessionCookie>();
        services.AddSingleton(sp => AccountSettings.Sessions(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => AccountSettings.SignIn(sp.GetRequiredService<IConfiguration>()));
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<SessionLimits>((o, limits) => o.ExpireTimeSpan = limits.AbsoluteLifetime);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "scrutineer-session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            // The session's idle timeout and absolute lifetime are enforced on the server (Sessions.CheckAsync); the
            // cookie lasts no longer than the lifetime and does not renew itself.
            o.SlidingExpiration = false;
            o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = ValidateAsync;
        }).AddCookie(SignInSteps.PasswordCheckedScheme, o =>
        {
            o.Cookie.Name = "scrutineer-password-checked";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = SignInSteps.SecondStepTime;
            o.SlidingExpiration = false;
        });
        services.AddAuthorization(Policies.Register);
        return services;
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Refuses a cookie whose server-side session is not open: signed out, revoked, idle, past its lifetime, or whose
    /// account was disabled, deleted or changed (role, scopes, password) since sign-in.
    /// </summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        var session = principal is null || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? null
            : await Sessions.CheckAsync(
                services.GetRequiredService<ScrutineerDb>(),
                principal.FindFirstValue(ScrutineerClaims.Session),
                services.GetRequiredService<SessionLimits>(),
                services.GetRequiredService<TimeProvider>().GetUtcNow(),
                context.HttpContext.RequestAborted) is { } open && open.AccountId == id ? open : null;
        if (session is null)
        {
            SecurityEvents.Log(context.HttpContext).SessionRefused(principal?.FindFirstValue(ScrutineerClaims.UserName) ?? "anonymous", SecurityEvents.ClientAddress(context.HttpContext));
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
