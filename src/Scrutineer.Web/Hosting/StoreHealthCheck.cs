using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scrutineer.Application.Data;

namespace Scrutineer.Web.Hosting;

/// <summary>
/// Ready when the store answers and its schema is current (no migration pending): an instance whose store is behind
/// (an upgrade half-deployed) or unreachable is taken out of the proxy's rotation by <c>/health/ready</c>.
/// </summary>
internal sealed class StoreHealthCheck(ScrutineerDb db) : IHealthCheck
{
    public const string Ready = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The store does not answer.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending == 0
            ? HealthCheckResult.Healthy("The store answers and its schema is current.")
            : HealthCheckResult.Unhealthy($"The store's schema is {pending} {(pending == 1 ? "migration" : "migrations")} behind this version: run scrutineer init as the store's owner.");
    }
}
