using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Security;

/// <summary>
/// Limits sign-in attempts per client address with ASP.NET Core's rate limiter, whatever the user names tried: at most
/// <c>SignIn:AttemptsPerAddress</c> POSTs (default 60) within <c>SignIn:AddressWindow</c> (default 5 minutes, a sliding
/// window), then 429 with Retry-After. The limit is attached to the sign-in page's endpoint, so every form of its address
/// (a trailing slash, capitals) is limited alike. Per account, failures lock the account (<see cref="Application.Accounts.SignInLockout"/>).
/// </summary>
internal static class SignInRateLimit
{
    /// <summary>The rate limiter policy's name.</summary>
    public const string Policy = "sign-in";

    /// <summary>The answer to a throttled attempt.</summary>
    public const string Message = "There have been too many attempts to sign in from your network. Wait 5 minutes, then try again.";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration config)
    {
        var attempts = AccountSettings.Number(config, "SignIn:AttemptsPerAddress", 60);
        var window = AccountSettings.Time(config, "SignIn:AddressWindow", TimeSpan.FromMinutes(5));
        if (attempts < 1 || window <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"SignIn:AttemptsPerAddress ({attempts}) must be 1 or more and SignIn:AddressWindow ({window}) above zero, for example 60 and 00:05:00.");
        }

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetSlidingWindowLimiter(SecurityEvents.ClientAddress(context), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = attempts,
                    Window = window,
                    SegmentsPerWindow = 5,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("reading"));
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                SecurityEvents.Log(context).SignInThrottled(SecurityEvents.ClientAddress(context), context.Request.Path.ToString());
                context.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(Message, cancellationToken);
            };
        });
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageApplicationModelConvention(
            "/Account/SignIn", page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(Policy))));
        return services;
    }
}
