using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.FileProviders;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Web.Accounts;
using Scrutineer.Web.Api;
using Scrutineer.Web.Reporting;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Hosting;

/// <summary>Registers and wires the web application; Program.cs and <c>scrutineer serve</c> both use it.</summary>
public static class ScrutineerWeb
{
    /// <summary>Configuration key naming the store (an SQLite path or PostgreSQL connection string), as <c>--db</c> does.</summary>
    public const string DbSetting = "Scrutineer:Db";

    /// <summary>The folder (beside the assemblies) that holds GOV.UK Frontend's assets and the app's own CSS and scripts.</summary>
    public static string StaticFolder => Path.Combine(AppContext.BaseDirectory, "static");

    public static WebApplicationBuilder AddScrutineer(this WebApplicationBuilder builder)
    {
        CultureInfo.DefaultThreadCurrentCulture = EnGb.Culture;
        CultureInfo.DefaultThreadCurrentUICulture = EnGb.Culture;

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => StoreLocation.Resolve(sp.GetRequiredService<IConfiguration>()[DbSetting]));
        services.AddDbContextPool<ScrutineerDb>((sp, options) => sp.GetRequiredService<StoreLocation>().Configure(options));
        services.AddScrutineerKeyRing();
        services.AddScrutineerAccounts();
        services.AddScrutineerApiTokens();
        services.AddScoped<Quarterly.RoundBoard>();
        services.AddSingleton<Dashboard.DashboardCache>();
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return Application.Notifications.NotifySettings.Read(key => configuration[key], configuration["urls"]);
        });
        services.AddHostedService<NoticeSender>();
        services.AddSingleton(sp => new Reporting.ReportGenerationLimit(sp.GetRequiredService<IConfiguration>().GetValue(Reporting.ReportGenerationLimit.Setting, 2)));
        services.AddScrutineerPdf();
        services.AddRouting(o => o.LowercaseUrls = true);
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        // The API's JSON escapes <, >, &, ' and " (as \u003C and so on) as well, so that text someone typed can never
        // become markup even where JSON ends up inside a page; every JSON reader decodes it to the same text.
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o => PagePolicies.Apply(o.Conventions));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "scrutineer-antiforgery";
            // Secure whenever the request came over HTTPS (directly or through the TLS proxy), like the session cookie.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Scrutineer API";
            document.Info.Description = "Read-only data for integrations such as Power BI: plans, commitments, quarterly updates, measures and insights. Sign in first, or send a read-only API token as `Authorization: Bearer scr_…`; requests without either get 401.";
            ApiTokenOpenApi.DeclareBearer(document);
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [StoreHealthCheck.Ready]);
        builder.AddScrutineerHardening();
        builder.AddScrutineerSingleSignOn();
        return builder;
    }

    public static WebApplication UseScrutineer(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), a => a.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(EnGb.Culture),
            SupportedCultures = [EnGb.Culture],
            SupportedUICultures = [EnGb.Culture],
        });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(StaticFolder) });
        app.UseRouting();
        app.UseAuthentication();
        app.UsePendingSignInSteps();
        app.UseAuditedRequests();
        app.UseAuthorization();
        // Live: the process answers (a proxy restarts nothing on it). Ready: the store answers and its schema is current
        // (the proxy sends requests only to a ready instance). "/health" is "ready", kept for existing monitors.
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains(StoreHealthCheck.Ready) }).AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/api/openapi.json");
        app.MapScrutineerApi();
        app.MapScrutineerSingleSignOn();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Creates or upgrades the store's schema before the first request, logging what the upgrade moved.</summary>
    public static async Task PrepareStoreAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var location = scope.ServiceProvider.GetRequiredService<StoreLocation>();
        await using var db = location.Open();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreSchema));
        foreach (var line in await StoreSchema.UpgradeAsync(db, cancellationToken))
        {
            log.LogWarning("Store upgrade: {Change}", line);
        }
    }
}
