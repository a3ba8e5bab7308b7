using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Application.Audit;
using Scrutineer.Domain.Imports;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.ToTable("ImportRuns");
        builder.Property(r => r.By).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Files).IsRequired();
        builder.Property(r => r.Wrote).HasMaxLength(ImportRun.WroteMaxLength).IsRequired();
        builder.Property(r => r.UndoneBy).HasMaxLength(200);
        builder.Ignore(r => r.FileList);
    }
}

internal sealed class ImportRunMonthConfiguration : IEntityTypeConfiguration<ImportRunMonth>
{
    public void Configure(EntityTypeBuilder<ImportRunMonth> builder)
    {
        builder.ToTable("ImportRunMonths");
        builder.Property(m => m.Before).HasPrecision(18, 4);
        builder.Property(m => m.After).HasPrecision(18, 4);
        builder.Property(m => m.Reason).HasMaxLength(ImportRunMonth.ReasonMaxLength);
        builder.HasIndex(m => m.RunId);
        builder.HasIndex(m => new { m.MeasureId, m.Period });
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportRunChangeConfiguration : IEntityTypeConfiguration<ImportRunChange>
{
    public void Configure(EntityTypeBuilder<ImportRunChange> builder)
    {
        builder.ToTable("ImportRunChanges");
        builder.NotAudited();
        foreach (var name in new[] { "BeforeValue", "BeforeNumerator", "BeforeDenominator", "AfterValue", "AfterNumerator", "AfterDenominator" })
        {
            builder.Property<decimal?>(name).HasPrecision(18, 4);
        }

        builder.HasIndex(c => c.RunId);
        builder.HasIndex(c => new { c.MeasureId, c.AreaId, c.Kind, c.Period });
        builder.HasOne<ImportRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
