using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Data;

/// <summary>
/// The store: plans, rounds and updates here; each later feature adds its sets in a partial file of its own
/// (ScrutineerDb.Delivery.cs, …) and its mappings as IEntityTypeConfiguration classes under Configurations/.
/// The same model runs on SQLite (embedded default) and PostgreSQL (production).
/// </summary>
public sealed partial class ScrutineerDb(DbContextOptions<ScrutineerDb> options) : DbContext(options)
{
    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<Priority> Priorities => Set<Priority>();

    public DbSet<Commitment> Commitments => Set<Commitment>();

    public DbSet<ReportingRound> Rounds => Set<ReportingRound>();

    public DbSet<QuarterlyUpdate> Updates => Set<QuarterlyUpdate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ScrutineerDb).Assembly);
        HoldProvisionalMonths(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Domain.Periods.FinancialYear>().HaveConversion<FinancialYearConverter>();
        configurationBuilder.Properties<Domain.Periods.FinancialQuarter>().HaveConversion<FinancialQuarterConverter>();
        configurationBuilder.Properties<Domain.Periods.ReportingMonth>().HaveConversion<ReportingMonthConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
