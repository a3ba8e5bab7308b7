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
public static class SignInRateLimit
{
    /// <summary>The rate limiter policy's name.</summary>
    public const string Policy = "sign-in";

    /// <summary>The answer to a throttled attempt.</summary>
    public static string Message(TimeSpan window) => string.Create(CultureInfo.InvariantCulture,
        $"There have been too many attempts to sign in from your network. Wait {Math.Ceiling(window.TotalMinutes)} minutes, then try again.");

    /// <summary>The limit: attempts per address within the window.</summary>
    public sealed record AddressLimit(int Attempts, TimeSpan Window)
    {
        public static AddressLimit Read(IConfiguration config)
        {
            var attempts = AccountSettings.Number(config, "SignIn:AttemptsPerAddress", 60);
            var window = AccountSettings.Time(config, "SignIn:AddressWindow", TimeSpan.FromMinutes(5));
            return attempts < 1 || window <= TimeSpan.Zero
                ? throw new InvalidOperationException($"SignIn:AttemptsPerAddress ({attempts}) must be 1 or more and SignIn:AddressWindow ({window}) above zero, for example 60 and 00:05:00.")
                : new AddressLimit(attempts, window);
        }
    }

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddSingleton(sp => AddressLimit.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("reading");
                }

                var limit = context.RequestServices.GetRequiredService<AddressLimit>();
                return RateLimitPartition.GetSlidingWindowLimiter(SecurityEvents.ClientAddress(context), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = limit.Attempts,
                    Window = limit.Window,
                    SegmentsPerWindow = 5,
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                SecurityEvents.Log(context).SignInThrottled(SecurityEvents.ClientAddress(context), context.Request.Path.ToString());
                var window = context.RequestServices.GetRequiredService<AddressLimit>().Window;
                context.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(Message(window), cancellationToken);
            };
        });
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageApplicationModelConvention(
            "/Account/SignIn", page => page.EndpointMetadata.Add(new EnableRateLimitingAttribute(Policy))));
        return services;
    }
}
