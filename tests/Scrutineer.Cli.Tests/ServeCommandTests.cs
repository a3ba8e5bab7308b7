using System.Net;
using System.Net.Sockets;
using Scrutineer.Application.Data;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

/// <summary><c>scrutineer serve</c> starts the web application: it listens where asked, /health answers, and it stops cleanly.</summary>
public sealed class ServeCommandTests
{
    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Serve_DemoOnFreePort_HealthAnswersAndSignInsPrinted(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var url = $"http://127.0.0.1:{FreePort()}";
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = CliApp.RunAsync(["serve", "--db", store.DbArgument, "--demo", "--urls", url], stdout, stderr, null, stop.Token);

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        HttpResponseMessage? health = null;
        while (!run.IsCompleted && !stop.IsCancellationRequested)
        {
            try
            {
                health = await http.GetAsync("/health");
                break;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        if (run.IsCompleted)
        {
            Assert.Fail($"serve stopped by itself (exit {await run}): {stderr}");
        }

        Assert.NotNull(health);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        var signIn = await http.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Sign in to Scrutineer", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        Assert.Equal(HttpStatusCode.Redirect, (await noRedirects.GetAsync("/")).StatusCode);

        await stop.CancelAsync();
        var code = await run;

        Assert.True(code == 0, $"exit {code}: {stderr}");
        var output = stdout.ToString();
        Assert.Contains($"Open {url} in a browser.", output, StringComparison.Ordinal);
        Assert.Contains("Demo sign-ins (password for all: scrutineer-demo):", output, StringComparison.Ordinal);
        Assert.Contains("contributor.north", output, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
