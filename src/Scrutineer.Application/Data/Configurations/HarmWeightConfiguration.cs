using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class HarmWeightConfiguration : IEntityTypeConfiguration<HarmWeight>
{
    public void Configure(EntityTypeBuilder<HarmWeight> builder)
    {
        builder.ToTable("HarmWeights");
        builder.Property(w => w.CrimeType).HasMaxLength(Measure.NameMaxLength);
        builder.Property(w => w.Days).HasPrecision(18, 4);
        builder.HasIndex(w => w.IndexId);
        builder.HasIndex(w => w.ForceId);
        builder.HasOne(w => w.Index).WithMany().HasForeignKey(w => w.IndexId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(w => w.Force).WithMany().HasForeignKey(w => w.ForceId).OnDelete(DeleteBehavior.Cascade);
    }
}
