using System.Collections.Concurrent;

namespace Scrutineer.Web.Security;

/// <summary>
/// Rate-limits failed sign-ins: after <see cref="WebHardening.FailedSignInsAllowed"/> failures for one user name from one
/// client address within <see cref="WebHardening.FailedSignInWindow"/>, further attempts for that name from that address
/// get 429 until the window has passed. Keyed by address and name together, so one person guessing cannot lock out a
/// whole force that reaches the site through one proxy address, and successful sign-ins never count.
/// </summary>
internal sealed class SignInThrottle(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    public const string Path = "/account/sign-in";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase) || !context.Request.HasFormContentType)
        {
            await next(context);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var key = $"{context.Connection.RemoteIpAddress}|{form["username"].ToString().Trim().ToLowerInvariant()}";
        var now = clock.GetUtcNow();
        var recent = failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (recent)
        {
            while (recent.Count > 0 && now - recent.Peek() >= WebHardening.FailedSignInWindow)
            {
                recent.Dequeue();
            }

            if (recent.Count >= WebHardening.FailedSignInsAllowed)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = ((int)WebHardening.FailedSignInWindow.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.ContentType = "text/plain; charset=utf-8";
            }
        }

        if (context.Response.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            await context.Response.WriteAsync("Too many failed sign-ins for this user from this address. Wait 15 minutes, then try again.", context.RequestAborted);
            return;
        }

        await next(context);

        // A successful sign-in redirects; a failed one shows the form again.
        if (context.Response.StatusCode != StatusCodes.Status302Found)
        {
            lock (recent)
            {
                recent.Enqueue(now);
            }
        }
    }
}
