using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Data;

/// <summary>Performance data: measures, areas, the LSOA-to-district mapping and observations.</summary>
public sealed partial class ScrutineerDb
{
    public DbSet<Measure> Measures => Set<Measure>();

    public DbSet<Area> Areas => Set<Area>();

    public DbSet<LsoaMapping> LsoaMappings => Set<LsoaMapping>();

    public DbSet<Observation> Observations => Set<Observation>();
}
