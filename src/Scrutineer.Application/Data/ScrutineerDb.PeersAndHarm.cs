using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Data;

/// <summary>Comparisons beyond the force: the dated peer groups of most similar forces, and crime harm indexes with their weights.</summary>
public sealed partial class ScrutineerDb
{
    public DbSet<PeerLink> PeerLinks => Set<PeerLink>();

    public DbSet<HarmIndex> HarmIndexes => Set<HarmIndex>();

    public DbSet<HarmWeight> HarmWeights => Set<HarmWeight>();
}
