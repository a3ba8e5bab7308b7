using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Web.Accounts;

/// <summary>
/// OpenID Connect single sign-on: authorization code flow with PKCE against the provider in <see cref="SingleSignOnSettings"/>.
/// After the provider's callback the validated identity is mapped to a local account (<see cref="SingleSignOn"/>) and
/// the ordinary session cookie is issued with that account's claims, so every rule downstream is unchanged.
/// </summary>
internal static class SingleSignOnRegistration
{
    /// <summary>Where the sign-in starts.</summary>
    public const string StartPath = "/account/sign-in/sso";

    /// <summary>The page that says an account waits for approval, is disabled, or that the sign-in failed.</summary>
    public const string StatusPath = "/account/sign-in/sso/status";

    public static WebApplicationBuilder AddScrutineerSingleSignOn(this WebApplicationBuilder builder)
    {
        var settings = SingleSignOnSettings.Read(builder.Configuration);
        builder.Services.AddSingleton(settings);
        if (!settings.IsConfigured)
        {
            return builder;
        }

        builder.Services.AddAuthentication().AddOpenIdConnect(SingleSignOnSettings.Scheme, o =>
        {
            o.Authority = settings.Authority!.ToString();
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.MapInboundClaims = false;
            o.SaveTokens = true;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            o.CallbackPath = StartPath + "/callback";
            o.SignedOutCallbackPath = "/account/sign-out/sso/callback";
            o.SignedOutRedirectUri = "/account/sign-in";
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.TokenValidationParameters.NameClaimType = "name";
            o.Events.OnTicketReceived = TicketReceivedAsync;
            o.Events.OnRemoteFailure = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOnRegistration))
                    .LogWarning(context.Failure, "Single sign-on refused: {Reason}", context.Failure?.Message);
                context.Response.Redirect(StatusPath + "?outcome=failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>Maps <c>GET /account/sign-in/sso</c>, which sends the browser to the provider (404 when single sign-on is off).</summary>
    public static IEndpointRouteBuilder MapScrutineerSingleSignOn(this IEndpointRouteBuilder app)
    {
        app.MapGet(StartPath, (string? returnUrl, HttpContext http, SingleSignOnSettings settings) =>
        {
            if (!settings.IsConfigured)
            {
                return Results.NotFound();
            }

            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [SingleSignOnSettings.Scheme]);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Signs out of Scrutineer and, for a session that came through the provider, at the provider too (its end-session
    /// endpoint, with the ID token as a hint). True when the response is the redirect to the provider.
    /// </summary>
    public static async Task<bool> SignOutAtProviderAsync(HttpContext http)
    {
        var settings = http.RequestServices.GetRequiredService<SingleSignOnSettings>();
        if (!settings.IsConfigured || !http.User.HasClaim(SingleSignOnSettings.Claim, "true"))
        {
            return false;
        }

        await http.SignOutAsync(SingleSignOnSettings.Scheme, new AuthenticationProperties { RedirectUri = "/account/sign-in" });
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return true;
    }

    private static async Task TicketReceivedAsync(TicketReceivedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var settings = services.GetRequiredService<SingleSignOnSettings>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOnRegistration));
        var principal = context.Principal!;
        var who = new ExternalIdentity(
            principal.FindFirstValue("iss") ?? principal.Claims.FirstOrDefault()?.Issuer ?? "",
            principal.FindFirstValue("oid") ?? principal.FindFirstValue("sub") ?? "",
            principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue("email"),
            principal.FindFirstValue("name"),
            principal.FindAll(settings.GroupsClaim).Select(c => c.Value).ToList());
        var hasher = services.GetRequiredService<IPasswordHasher<UserAccount>>();
        var unusable = hasher.HashPassword(null!, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        SingleSignOnOutcome outcome;
        UserAccount account;
        try
        {
            (outcome, account) = await SingleSignOn.SignInAsync(services.GetRequiredService<ScrutineerDb>(), who, unusable,
                services.GetRequiredService<TimeProvider>().GetUtcNow(), context.HttpContext.RequestAborted);
        }
        catch (DomainException ex)
        {
            log.LogWarning("Single sign-on refused for {Issuer} {Subject}: {Reason}", who.Issuer, who.Subject, ex.Message);
            context.Response.Redirect(StatusPath + "?outcome=failed");
            context.HandleResponse();
            return;
        }

        if (outcome != SingleSignOnOutcome.SignedIn)
        {
            log.LogWarning("Single sign-on for {UserName}: {Outcome}", account.UserName, outcome);
            context.Response.Redirect(StatusPath + "?outcome=" + (outcome == SingleSignOnOutcome.AwaitingApproval ? "pending" : "disabled"));
            context.HandleResponse();
            return;
        }

        log.LogInformation("Signed in {UserName} as {Role} through single sign-on", account.UserName, account.Role);
        var local = await services.GetRequiredService<SessionCookie>().StartAsync(context.HttpContext, account, null, context.HttpContext.RequestAborted);
        ((ClaimsIdentity)local.Identity!).AddClaim(new Claim(SingleSignOnSettings.Claim, "true"));
        context.Principal = local;

        // Keep only the ID token (the hint for signing out at the provider) in the session.
        var properties = context.Properties!;
        properties.StoreTokens(properties.GetTokens().Where(t => t.Name == OpenIdConnectParameterNames.IdToken).ToList());
    }
}
