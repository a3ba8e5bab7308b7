using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scrutineer.Application.Data;
using Scrutineer.Application.Demo;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;
using Scrutineer.Web.Hosting;

namespace Scrutineer.Browser.Tests;

/// <summary>
/// The real web application listening on a free 127.0.0.1 port (Kestrel, not the in-memory test server) on a fresh
/// store holding the demo force, with the clock at the demo's today (22 April 2024: Q4 2023/24 open). One per test
/// class; dispose stops the server and drops the store.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    private readonly StoreProvider provider;
    private TestStore? store;
    private WebApplicationFactory<Program>? factory;

    public BrowserSite() => provider = StoreProvider.Sqlite;

    private BrowserSite(StoreProvider provider) => this.provider = provider;

    /// <summary>A site on the given engine (start it with <see cref="InitializeAsync"/>).</summary>
    public static BrowserSite On(StoreProvider provider) => new(provider);

    public TestClock Clock { get; } = new(DemoSettings.DemoToday);

    /// <summary>The address the app listens on, such as <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public TestStore Store => store ?? throw new InvalidOperationException("Not started.");

    /// <summary>The running application's services (its route table, for one).</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            await DemoForce.BuildAsync(db, new DemoSettings(DemoSettings.DemoToday, null, _ => { }));
        }

        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting(ScrutineerWeb.DbSetting, store.Location.ConnectionString);
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseUrl = addresses.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (store is not null)
        {
            await store.DisposeAsync();
        }
    }

    /// <summary>A new context on the store.</summary>
    public ScrutineerDb Db() => Store.Open();

    /// <summary>A fresh browser context (its own cookies) with a page at the site, British English and a desktop window.</summary>
    public async Task<IPage> NewPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            Locale = "en-GB",
            ViewportSize = new() { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in as a demo account through the sign-in form.</summary>
    public async Task<IPage> SignInAsync(IBrowser browser, string userName)
    {
        var page = await NewPageAsync(browser);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/account/sign-in", StringComparison.Ordinal));
        return page;
    }

    /// <summary>The identity of the demo's open Q4 2023/24 round.</summary>
    public async Task<int> OpenRoundIdAsync()
    {
        await using var db = Db();
        return await db.Rounds.Where(r => r.State == RoundState.Open).Select(r => r.Id).SingleAsync();
    }

    /// <summary>A commitment on priorities 1–6 of the round's plan that the unit answers for and has not started in the round.</summary>
    public async Task<(int Commitment, int Unit, string Reference)> FreeSlotAsync(string unitShortName, int round)
    {
        await using var db = Db();
        var unit = await db.Units.Where(u => u.ShortName == unitShortName).Select(u => u.Id).SingleAsync();
        var taken = await db.Updates.Where(u => u.RoundId == round && u.UnitId == unit).Select(u => u.CommitmentId).ToListAsync();
        var planId = await db.Rounds.Where(r => r.Id == round).Select(r => r.PlanId).SingleAsync();
        var commitment = (await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit").ToListAsync())
            .Where(c => c.Priority.PlanId == planId && c.Priority.Number <= 6 && c.Units.Any(u => u.Id == unit) && !taken.Contains(c.Id))
            .OrderBy(c => c.Priority.Number).ThenBy(c => c.Number)
            .First();
        return (commitment.Id, unit, commitment.Reference);
    }
}
