using System.Security.Claims;

namespace Scrutineer.Web.Accounts;

/// <summary>
/// A step a session must finish before it may do anything else: choose a password (after signing in with a one-time
/// password) or set up two-step sign-in (when an administrator requires it). The session carries the step as a claim;
/// until it is done the server answers every other page with a redirect to the step's page, and the API with 403.
/// </summary>
internal static class PendingSignInStep
{
    /// <summary>The password was a one-time password: choose one of your own.</summary>
    public const string ChangePassword = "change-password";

    /// <summary>Two-step sign-in is required and not yet set up.</summary>
    public const string SetUpTwoStep = "set-up-two-step";

    /// <summary>The page that completes each step.</summary>
    public static string PageFor(string step) => step == ChangePassword ? "/account/password" : "/account/two-step/set-up";

    /// <summary>Pages a session with a pending step may still open besides the step's own page.</summary>
    private static readonly string[] AlwaysOpen = ["/account/sign-out", "/account/sign-in", "/error", "/accessibility"];

    /// <summary>Sends every request of a session with a pending step to the step's page (the API gets 403).</summary>
    public static IApplicationBuilder UsePendingSignInSteps(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var step = context.User.FindFirstValue(ScrutineerClaims.PendingStep);
        if (step is null)
        {
            await next(context);
            return;
        }

        var page = PageFor(step);
        var path = context.Request.Path;
        if (path.Equals(page, StringComparison.OrdinalIgnoreCase) || AlwaysOpen.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        context.Response.Redirect(page);
    });
}
