using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scrutineer.Application.Data;
using Scrutineer.Testing;
using Scrutineer.Web.Hosting;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The proxy's two questions: is the process up (<c>/health/live</c>), and may it take requests (<c>/health/ready</c>:
/// the store answers and its schema is current).
/// </summary>
public sealed class HealthTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_Anonymous_Healthy(string path)
    {
        var response = await site.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Ready_SchemaBehind_UnhealthySayingWhatToRun(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, migrate: false);
        await using var db = store.Open();
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);

        var behind = await new StoreHealthCheck(db).CheckHealthAsync(new HealthCheckContext());
        await StoreSchema.UpgradeAsync(db);
        var current = await new StoreHealthCheck(db).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, behind.Status);
        Assert.Equal("The store's schema is 1 migration behind this version: run scrutineer init as the store's owner.", behind.Description);
        Assert.Equal(HealthStatus.Healthy, current.Status);
    }
}
