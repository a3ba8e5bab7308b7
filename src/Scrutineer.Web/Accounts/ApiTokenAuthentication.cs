using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Accounts;

/// <summary>
/// Signs an API request in with a read-only token sent as <c>Authorization: Bearer scr_…</c>. Only GET and HEAD
/// requests under /api are read this way (the session cookie's scheme forwards them here); the token carries its
/// account's role and scopes in the same claims a session does, so <c>NeedToKnow</c> applies unchanged. An unknown,
/// revoked or expired token, or a disabled account, gets 401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c>.
/// </summary>
internal sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ScrutineerDb db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "api-token";

    private const string BearerPrefix = "Bearer ";

    private string? problem;

    /// <summary>The scheme a request is forwarded to: this one for a bearer token on the API, else the session's.</summary>
    public static string? Selects(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && context.Request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? SchemeName
            : null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (!HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method))
        {
            problem = "API tokens are read-only: only GET requests are accepted.";
            return AuthenticateResult.Fail(problem);
        }

        var (account, refused, tokenName) = await ApiTokens.AuthenticateAsync(db, header[BearerPrefix.Length..].Trim(), clock.GetUtcNow(), Context.RequestAborted);
        if (account is null)
        {
            problem = refused;
            SecurityEvents.Log(Context).RequestDenied(Request.Method, Request.Path, StatusCodes.Status401Unauthorized, $"(API token refused: {refused})", SecurityEvents.ClientAddress(Context));
            return AuthenticateResult.Fail(refused!);
        }

        SecurityEvents.Log(Context).TokenUsed(tokenName!, account.UserName, Request.Method, Request.Path, SecurityEvents.ClientAddress(Context));
        return AuthenticateResult.Success(new AuthenticationTicket(CurrentUser.Principal(account, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = problem is null
            ? "Bearer realm=\"Scrutineer API\""
            : $"Bearer realm=\"Scrutineer API\", error=\"invalid_token\", error_description=\"{problem}\"";
        return Task.CompletedTask;
    }
}

/// <summary>Registers <see cref="ApiTokenAuthentication"/> and points the session cookie's scheme at it for bearer requests.</summary>
internal static class ApiTokenRegistration
{
    public static IServiceCollection AddScrutineerApiTokens(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => o.ForwardDefaultSelector = ApiTokenAuthentication.Selects);
        return services;
    }
}
