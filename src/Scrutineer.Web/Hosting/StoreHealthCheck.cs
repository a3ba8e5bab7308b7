using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scrutineer.Application.Data;

namespace Scrutineer.Web.Hosting;

/// <summary>Healthy when the store answers a query.</summary>
internal sealed class StoreHealthCheck(ScrutineerDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The store answers.")
            : HealthCheckResult.Unhealthy("The store does not answer.");
}
