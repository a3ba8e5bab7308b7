using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.ToTable("Observations");
        builder.Property(o => o.Value).HasPrecision(18, 4);
        builder.Property(o => o.Numerator).HasPrecision(18, 4);
        builder.Property(o => o.Denominator).HasPrecision(18, 4);
        builder.HasIndex(o => new { o.MeasureId, o.AreaId, o.Kind, o.Period }).IsUnique();
        builder.HasIndex(o => new { o.AreaId, o.Period });
        builder.HasOne(o => o.Measure).WithMany().HasForeignKey(o => o.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Area).WithMany().HasForeignKey(o => o.AreaId).OnDelete(DeleteBehavior.Cascade);
    }
}
