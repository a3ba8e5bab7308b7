using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Scrutineer.LoadTest;

/// <summary>
/// One virtual contributor: signs in through the sign-in form, then until the end of the run opens one of its
/// updates, saves it as a draft (with the form's version) and now and then submits it, sometimes looking at its list
/// of updates first. A request under way when the run ends is finished, so every save's outcome is known.
/// </summary>
internal sealed partial class Contributor(LoadAccount account, Uri site, RequestLog log, int submitPercent, int thinkMilliseconds, int seed, System.Security.Cryptography.X509Certificates.X509Certificate2? trust = null) : IDisposable
{
    private static readonly string[] Statuses = ["NotStarted", "OnTrack", "AtRisk", "Complete"];

    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        CookieContainer = new CookieContainer(),
        UseCookies = true,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        SslOptions = Trusting(trust),
    })
    {
        BaseAddress = site,
        Timeout = TimeSpan.FromSeconds(120),
    };

    private readonly Random random = new(seed);
    private readonly List<Slot> open = account.Slots.ToList();
    private int saves;

    public async Task<bool> SignInAsync()
    {
        var (status, page) = await SendAsync(RequestKind.SignIn, HttpMethod.Get, "/account/sign-in", null);
        var token = status == 200 ? AntiforgeryToken().Match(page) : Match.Empty;
        if (!token.Success)
        {
            return false;
        }

        (status, _) = await SendAsync(RequestKind.SignIn, HttpMethod.Post, "/account/sign-in", new Dictionary<string, string>
        {
            ["username"] = account.UserName,
            ["password"] = Application.Demo.DemoAccounts.Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        return status == 302;
    }

    public async Task RunAsync(DateTimeOffset until)
    {
        while (DateTimeOffset.UtcNow < until)
        {
            if (open.Count == 0 || random.Next(5) == 0)
            {
                await SendAsync(RequestKind.List, HttpMethod.Get, "/updates", null);
                await ThinkAsync();
                if (open.Count == 0 || DateTimeOffset.UtcNow >= until)
                {
                    continue;
                }
            }

            var slot = open[random.Next(open.Count)];
            var (status, form) = await SendAsync(RequestKind.Form, HttpMethod.Get, slot.WritePath, null);
            var version = Version().Match(form);
            var token = AntiforgeryToken().Match(form);
            if (status != 200 || !version.Success || !token.Success)
            {
                // Submitted (by this contributor or the other writer): read-only now.
                open.Remove(slot);
                continue;
            }

            await ThinkAsync();
            var submit = random.Next(100) < submitPercent;
            var mark = $"[LT {account.UserName} #{++saves:00000}]";
            var (answer, page) = await SendAsync(submit ? RequestKind.Submit : RequestKind.Save, HttpMethod.Post, slot.WritePath, new Dictionary<string, string>
            {
                ["Commentary"] = $"Load test {mark}. Patrols continued in the priority areas and the partnership meeting agreed the next steps.",
                ["Status"] = Statuses[random.Next(Statuses.Length)],
                ["Version"] = version.Groups[1].Value,
                ["action"] = submit ? "submit" : "save",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            });
            var result = answer switch
            {
                302 => SaveResult.Accepted,
                200 when page.Contains("Someone else changed", StringComparison.Ordinal) => SaveResult.Conflict,
                200 => SaveResult.Refused,
                _ => SaveResult.Failed,
            };
            log.Add(new SaveOutcome(slot, mark, submit, result));
            if ((result == SaveResult.Accepted && submit) || (result == SaveResult.Refused && page.Contains("awaiting review", StringComparison.Ordinal)))
            {
                open.Remove(slot);
            }

            await ThinkAsync();
        }
    }

    public void Dispose() => http.Dispose();

    /// <summary>TLS that trusts <paramref name="trust"/> (the rehearsal's self-signed certificate) as its only root.</summary>
    private static System.Net.Security.SslClientAuthenticationOptions Trusting(System.Security.Cryptography.X509Certificates.X509Certificate2? trust) => new()
    {
        RemoteCertificateValidationCallback = trust is null ? null : (_, certificate, _, _) =>
        {
            if (certificate is null)
            {
                return false;
            }

            using var chain = new System.Security.Cryptography.X509Certificates.X509Chain();
            chain.ChainPolicy.TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(trust);
            chain.ChainPolicy.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;
            return chain.Build(new System.Security.Cryptography.X509Certificates.X509Certificate2(certificate));
        },
    };

    private Task ThinkAsync() => thinkMilliseconds == 0 ? Task.CompletedTask : Task.Delay(random.Next(thinkMilliseconds / 2, thinkMilliseconds * 3 / 2 + 1));

    private async Task<(int Status, string Body)> SendAsync(RequestKind kind, HttpMethod method, string path, Dictionary<string, string>? form)
    {
        using var request = new HttpRequestMessage(method, path);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        var at = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            log.Add(kind, (int)response.StatusCode, watch.Elapsed.TotalMilliseconds, at);
            return ((int)response.StatusCode, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            log.Add(kind, 0, watch.Elapsed.TotalMilliseconds, at);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{account.UserName} {method} {path}: no answer ({ex.GetType().Name}: {ex.Message})"));
            return (0, "");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Version\" value=\"([0-9]+)\"")]
    private static partial Regex Version();
}
