using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Scrutineer.Testing;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Scrutineer.Web.Tests;

/// <summary>Someone the test provider signs in.</summary>
public sealed record TestPerson(string Subject, string UserName, string Name, params string[] Groups);

/// <summary>
/// A real OpenID Connect provider on 127.0.0.1 (OpenIddict's server on Kestrel, on a free port) for the single sign-on
/// tests: authorization code flow with PKCE, ID tokens signed with an ephemeral key, a groups claim, and an end-session
/// endpoint. It signs in <see cref="Person"/> without a login form. It can serve an ID token whose payload was changed
/// after signing (<see cref="TamperIdToken"/>) and keeps its own clock (<see cref="Clock"/>) so that it can issue
/// tokens that have already expired.
/// </summary>
public sealed class TestIdentityProvider : IAsyncLifetime
{
    public const string ClientId = "scrutineer-tests";
    public const string ClientSecret = "a-client-secret-for-the-test-provider-only";

    private WebApplication? app;

    /// <summary>The issuer address, for <c>Oidc:Authority</c>.</summary>
    public Uri Authority { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Who the next authorization request signs in.</summary>
    public TestPerson? Person { get; set; }

    /// <summary>Changes the ID token's groups after signing, keeping the signature.</summary>
    public bool TamperIdToken { get; set; }

    /// <summary>The provider's clock (real time unless a test moves it).</summary>
    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Subjects whose session ended at the end-session endpoint with a valid ID token hint.</summary>
    public ConcurrentQueue<string> EndedSessions { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication();
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetEndSessionEndpointUris("connect/endsession");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            o.EnableDegradedMode();
            o.Configure(options => options.TimeProvider = Clock);
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().EnableEndSessionEndpointPassthrough()
                .DisableTransportSecurityRequirement();

            // Degraded mode has no application store: the client and its addresses are checked here.
            o.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(c =>
            {
                if (c.ClientId != ClientId)
                {
                    c.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (c.RedirectUri is null || !c.RedirectUri.EndsWith("/account/sign-in/sso/callback", StringComparison.Ordinal))
                {
                    c.Reject(Errors.InvalidRequest, "The redirect_uri is not registered.");
                }

                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b.UseInlineHandler(c =>
            {
                if (c.ClientId != ClientId || c.ClientSecret != ClientSecret)
                {
                    c.Reject(Errors.InvalidClient, "The client credentials are not right.");
                }

                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(b => b.UseInlineHandler(c =>
            {
                if (c.PostLogoutRedirectUri is { } uri && !uri.EndsWith("/account/sign-out/sso/callback", StringComparison.Ordinal))
                {
                    c.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not registered.");
                }

                return default;
            }));
        });

        app = builder.Build();
        app.Use(TamperAsync);
        app.UseAuthentication();
        app.MapGet("/connect/authorize", Authorize);
        app.MapPost("/connect/token", async (HttpContext http) =>
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(result.Principal!, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapGet("/connect/endsession", async (HttpContext http) =>
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            EndedSessions.Enqueue(result.Principal?.GetClaim(Claims.Subject) ?? "(no hint)");
            return Results.SignOut(new AuthenticationProperties(), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
        await app.StartAsync();
        Authority = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest()!;
        var person = Person ?? throw new InvalidOperationException("Set TestIdentityProvider.Person first.");
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Subject).SetClaim(Claims.Name, person.Name).SetClaim(Claims.PreferredUsername, person.UserName);
        identity.SetClaims("groups", [.. person.Groups]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>With <see cref="TamperIdToken"/>, rewrites the token response's ID token to claim an administrators' group.</summary>
    private async Task TamperAsync(HttpContext http, RequestDelegate next)
    {
        if (!TamperIdToken || http.Request.Path != "/connect/token")
        {
            await next(http);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        await next(http);
        http.Response.Body = original;
        var json = JsonNode.Parse(buffer.ToArray())!;
        if (json["id_token"]?.GetValue<string>() is { } idToken)
        {
            var parts = idToken.Split('.');
            var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
            payload["groups"] = new JsonArray("scrutineer-administrators");
            parts[1] = Base64UrlEncoder.Encode(payload.ToJsonString());
            json["id_token"] = string.Join('.', parts);
        }

        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());
        http.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes);
    }
}
