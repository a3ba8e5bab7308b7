using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Delivery;

namespace Scrutineer.Application.Data;

/// <summary>Crime prevention strategies, thematic strands, 4P delivery plans and their tasks.</summary>
public sealed partial class ScrutineerDb
{
    public DbSet<CrimePreventionStrategy> Strategies => Set<CrimePreventionStrategy>();

    public DbSet<ThematicStrand> Strands => Set<ThematicStrand>();

    public DbSet<DeliveryPlan> DeliveryPlans => Set<DeliveryPlan>();

    public DbSet<DeliveryTask> DeliveryTasks => Set<DeliveryTask>();
}
