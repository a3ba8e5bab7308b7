using System.Net;
using Scrutineer.Application.Accounts;

namespace Scrutineer.Web.Accounts;

/// <summary>
/// Single sign-on's settings (section <c>Oidc</c>, environment <c>Oidc__Authority</c> and so on) and who may still use
/// a password (<c>SignIn:LocalAccounts</c>: All, Administrators or Off). Read and checked once at start-up: a setting
/// that is wrong stops the application with a message naming it (docs/single-sign-on.md).
/// </summary>
public sealed class SingleSignOnSettings
{
    /// <summary>The authentication scheme of the OpenID Connect handler.</summary>
    public const string Scheme = "oidc";

    /// <summary>Claim on a session that came through the provider (so signing out also signs out there).</summary>
    public const string Claim = "scrutineer:sso";

    /// <summary>The provider's issuer address, for example https://login.microsoftonline.com/{tenant}/v2.0; null when single sign-on is off.</summary>
    public Uri? Authority { get; private init; }

    /// <summary>The application (client) ID registered at the provider.</summary>
    public string ClientId { get; private init; } = "";

    /// <summary>The client secret (from <c>Oidc:ClientSecret</c> or the file <c>Oidc:ClientSecretFile</c> names).</summary>
    public string ClientSecret { get; private init; } = "";

    /// <summary>Whether the provider's metadata must come over HTTPS (false only for a provider on 127.0.0.1 or localhost).</summary>
    public bool RequireHttpsMetadata { get; private init; } = true;

    /// <summary>The claim that lists a person's groups (<c>groups</c> for Entra ID).</summary>
    public string GroupsClaim { get; private init; } = "groups";

    /// <summary>Who may sign in with a password.</summary>
    public LocalSignIn LocalAccounts { get; private init; } = LocalSignIn.All;

    /// <summary>Whether single sign-on is on.</summary>
    public bool IsConfigured => Authority is not null;

    /// <summary>Reads and checks the settings.</summary>
    /// <exception cref="InvalidOperationException">A setting is missing or not allowed; the message names it and says what to do.</exception>
    public static SingleSignOnSettings Read(IConfiguration configuration)
    {
        var oidc = configuration.GetSection("Oidc");
        var local = configuration["SignIn:LocalAccounts"] is { Length: > 0 } text
            ? Enum.TryParse<LocalSignIn>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidOperationException($"SignIn:LocalAccounts '{text}' is not a choice: expected All, Administrators or Off.")
            : LocalSignIn.All;
        var authorityText = oidc["Authority"];
        if (string.IsNullOrWhiteSpace(authorityText))
        {
            return local == LocalSignIn.All
                ? new SingleSignOnSettings()
                : throw new InvalidOperationException($"SignIn:LocalAccounts is {local} but single sign-on is not set up (Oidc:Authority is empty): nobody else could sign in. Set Oidc:Authority, Oidc:ClientId and Oidc:ClientSecret, or set SignIn:LocalAccounts to All.");
        }

        if (!Uri.TryCreate(authorityText.Trim(), UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            throw new InvalidOperationException($"Oidc:Authority '{authorityText}' is not an address: expected the provider's issuer, for example https://login.microsoftonline.com/<tenant-id>/v2.0.");
        }

        var requireHttps = !bool.TryParse(oidc["RequireHttpsMetadata"], out var flag) || flag;
        var loopback = authority.Host == "localhost" || (IPAddress.TryParse(authority.Host, out var ip) && IPAddress.IsLoopback(ip));
        if ((!requireHttps || authority.Scheme == "http") && !loopback)
        {
            throw new InvalidOperationException($"Oidc:Authority {authority} must be reached over HTTPS: Oidc:RequireHttpsMetadata may be false, and the address http, only for a provider on 127.0.0.1 or localhost (for tests).");
        }

        var clientId = oidc["ClientId"];
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new InvalidOperationException("Oidc:ClientId is missing: set it (environment Oidc__ClientId) to the application (client) ID registered at the provider.");
        }

        var secret = oidc["ClientSecret"];
        if (string.IsNullOrWhiteSpace(secret) && oidc["ClientSecretFile"] is { Length: > 0 } file)
        {
            try
            {
                secret = File.ReadAllText(file).Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"Oidc:ClientSecretFile '{file}' cannot be read ({ex.Message}): check the path and that the service account may read it.", ex);
            }
        }

        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new InvalidOperationException("Oidc:ClientSecret is missing: set Oidc__ClientSecret, or Oidc__ClientSecretFile to a file that holds only the secret.");
        }

        return new SingleSignOnSettings
        {
            Authority = authority,
            ClientId = clientId.Trim(),
            ClientSecret = secret,
            RequireHttpsMetadata = requireHttps,
            GroupsClaim = oidc["GroupsClaim"] is { Length: > 0 } groups ? groups : "groups",
            LocalAccounts = local,
        };
    }
}
