using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Scrutineer.Application.Audit;

namespace Scrutineer.Web.Security;

/// <summary>
/// Security settings that apply to every page: response headers (a Content-Security-Policy with no inline script or
/// style, no framing, no MIME sniffing, a strict referrer policy), a limit on failed sign-ins, request and upload
/// size limits, and the audit trail's actor (the signed-in user) for every request. See docs/reliability.md.
/// </summary>
public static class WebHardening
{
    /// <summary>The largest request body accepted (uploads of delivery workbooks and data files included).</summary>
    public const long MaxRequestBytes = 20L * 1024 * 1024;

    /// <summary>The policy: only this site's own scripts, styles, images and fonts; no plugins, no framing, forms post here only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddScrutineerHardening(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBytes;
            // Four times the default, so an over-long search (a pasted paragraph) reaches the search rule and its GOV.UK
            // error rather than a bare 414.
            k.Limits.MaxRequestLineSize = 32 * 1024;
            k.AddServerHeader = false;
        });
        builder.Services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = MaxRequestBytes;
            // As large as a request may be, so an over-long commentary reaches the length rule and its GOV.UK error with the
            // text kept, rather than a bare 400.
            o.ValueLengthLimit = (int)MaxRequestBytes;
        });
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>(TrustedProxies.Configure);
        builder.Services.AddSignInRateLimit();
        builder.Services.AddSingleton(_ => new UploadBudget());
        return builder;
    }

    /// <summary>Adds the security headers to every response (first in the pipeline, so error pages get them too).</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (context.Request.IsHttps)
                {
                    // Behind the TLS proxy (X-Forwarded-Proto from a trusted proxy) or on HTTPS itself: browsers keep to
                    // HTTPS for a year. Never sent over plain HTTP, where it would be ignored anyway.
                    headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                }

                if (!context.Request.Path.StartsWithSegments("/static", StringComparison.OrdinalIgnoreCase)
                    && !headers.ContainsKey("Cache-Control"))
                {
                    // Pages hold OFFICIAL-SENSITIVE commentary: not kept in shared or browser caches.
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
        return app;
    }

    /// <summary>
    /// Limits sign-in attempts per address, logs requests refused on protected routes (403, 404, a redirect to the
    /// access-denied page) as security events, and names the signed-in user as the actor of every change this request saves.
    /// </summary>
    public static WebApplication UseAuditedRequests(this WebApplication app)
    {
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            await next(context);
            if (DeniedStatus(context) is { } status
                && context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
            {
                SecurityEvents.Log(context).RequestDenied(context.Request.Method, context.Request.Path.ToString(), status, SecurityEvents.AccountOf(context), SecurityEvents.ClientAddress(context));
            }
        });
        app.Use(async (context, next) =>
        {
            using var actor = AuditContext.Begin(ActorOf(context.User), context.RequestServices.GetService<TimeProvider>());
            await next(context);
        });
        return app;
    }

    /// <summary>"alice (Alice Morgan)": the actor recorded for <paramref name="account"/>'s own changes (signing in).</summary>
    public static string ActorOf(Domain.Accounts.UserAccount account) =>
        string.Create(CultureInfo.InvariantCulture, $"{account.UserName} ({account.DisplayName})");

    /// <summary>403 and 404, and a redirect to the access-denied page counted as 403; null for any other answer.</summary>
    private static int? DeniedStatus(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound => context.Response.StatusCode,
        StatusCodes.Status302Found when context.Response.Headers.Location.ToString().Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase) => StatusCodes.Status403Forbidden,
        _ => null,
    };

    /// <summary>"alice (Alice Morgan)": user name and display name for a signed-in user; "web:anonymous" otherwise.</summary>
    public static string ActorOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? string.Create(CultureInfo.InvariantCulture, $"{user.FindFirstValue(Accounts.ScrutineerClaims.UserName)} ({user.FindFirstValue(ClaimTypes.Name)})")
            : "web:anonymous";
}
