using Microsoft.Playwright;

namespace Scrutineer.Browser.Tests;

/// <summary>
/// One headless Debian Chromium for the whole browser collection. Playwright is pointed at /usr/bin/chromium and
/// nothing ever downloads a browser; the flags keep Chromium off the network and working as root.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium (scripts/prerequisites.sh).</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ExecutablePath}: run ./test.sh (it installs the Debian package) or apt-get install chromium.");
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>Browser test classes share one Chromium and run one after another (two cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
