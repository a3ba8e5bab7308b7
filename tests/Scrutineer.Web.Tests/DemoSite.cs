using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scrutineer.Application.Data;
using Scrutineer.Application.Demo;
using Scrutineer.Testing;
using Scrutineer.Web.Hosting;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The web application in process on a real store holding the demo force, with the clock at the demo's today
/// (22 April 2024: the Q4 2023/24 round open and past its deadline). One per test class; dispose drops the store.
/// </summary>
public sealed partial class DemoSite : IAsyncLifetime
{
    private readonly StoreProvider provider;
    private TestStore? store;
    private WebApplicationFactory<Program>? factory;

    /// <summary>
    /// A site on SQLite, or on PostgreSQL when <c>SCRUTINEER_TEST_WEB_STORE</c> is <c>postgresql</c>: <c>./test.sh</c>
    /// runs the web tests a second time that way, so every page and rule is proved on both engines.
    /// </summary>
    public DemoSite() => provider = DefaultProvider;

    /// <summary>The engine of sites made with <c>new DemoSite()</c> in this run.</summary>
    public static StoreProvider DefaultProvider { get; } =
        string.Equals(Environment.GetEnvironmentVariable("SCRUTINEER_TEST_WEB_STORE"), "postgresql", StringComparison.OrdinalIgnoreCase)
            ? StoreProvider.PostgreSql
            : StoreProvider.Sqlite;

    private readonly IReadOnlyDictionary<string, string>? settings;
    private readonly ILoggerProvider? logs;

    private DemoSite(StoreProvider provider, IReadOnlyDictionary<string, string>? settings = null, ILoggerProvider? logs = null)
    {
        this.provider = provider;
        this.settings = settings;
        this.logs = logs;
    }

    /// <summary>
    /// A site on the given engine (start it with <see cref="InitializeAsync"/>), with <paramref name="settings"/> as
    /// configuration (for example <c>SignIn:MaxFailures</c>) and <paramref name="logs"/> receiving its log events.
    /// </summary>
    public static DemoSite On(StoreProvider provider, IReadOnlyDictionary<string, string>? settings = null, ILoggerProvider? logs = null) => new(provider, settings, logs);

    public TestClock Clock { get; } = new(DemoSettings.DemoToday);

    public TestStore Store => store ?? throw new InvalidOperationException("Not started.");

    public WebApplicationFactory<Program> Factory => factory ?? throw new InvalidOperationException("Not started.");

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

            // A test class signs in far more often from one address than a person does; the limit itself is tested
            // with a site of its own (SignInThrottleTests).
            b.UseSetting("SignIn:AttemptsPerAddress", "100000");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                b.UseSetting(key, value);
            }

            if (logs is not null)
            {
                b.ConfigureLogging(l => l.AddProvider(logs));
            }
        });
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

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as a demo account.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = DemoAccounts.Password)
    {
        var client = Anonymous();
        var response = await PostFormAsync(client, "/account/sign-in", new() { ["username"] = userName, ["password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {userName} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>GETs <paramref name="formPage"/>, takes its antiforgery token, and POSTs <paramref name="fields"/> to <paramref name="action"/> (or the same page).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, Dictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetAsync(formPage);
        var html = await page.Content.ReadAsStringAsync();
        var token = Token().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {formPage} ({(int)page.StatusCode})");
        fields["__RequestVerificationToken"] = token.Groups[1].Value;
        return await client.PostAsync(action ?? formPage, new FormUrlEncodedContent(fields));
    }

    /// <summary>Uploads <paramref name="files"/> on the data page with its antiforgery token, to the page handler named (PoliceUk, Measures, Delivery).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string handler, params (string Name, byte[] Bytes)[] files)
    {
        var page = await client.GetStringAsync("/data");
        var form = new MultipartFormDataContent { { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", name);
        }

        return await client.PostAsync($"/data?handler={handler}", form);
    }

    /// <summary>A new context on the store.</summary>
    public ScrutineerDb Db() => Store.Open();

    /// <summary>The identity of the demo's open Q4 2023/24 round.</summary>
    public async Task<int> OpenRoundIdAsync()
    {
        await using var db = Db();
        return await db.Rounds.Where(r => r.State == Domain.QuarterlyUpdates.RoundState.Open).Select(r => r.Id).SingleAsync();
    }

    /// <summary>A commitment of the round's plan that the unit answers for and has not started in the round, and the unit.</summary>
    public async Task<(int Commitment, int Unit)> FreeSlotAsync(string unitShortName, int round)
    {
        await using var db = Db();
        var unit = await db.Units.Where(u => u.ShortName == unitShortName).Select(u => u.Id).SingleAsync();
        var taken = await db.Updates.Where(u => u.RoundId == round && u.UnitId == unit).Select(u => u.CommitmentId).ToListAsync();
        var planId = await db.Rounds.Where(r => r.Id == round).Select(r => r.PlanId).SingleAsync();
        var commitment = (await db.Commitments.Include(c => c.Priority).Include("responsibilities.Unit").Where(c => c.Priority.PlanId == planId).ToListAsync())
            .First(c => c.Units.Any(u => u.Id == unit) && !taken.Contains(c.Id));
        return (commitment.Id, unit);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
