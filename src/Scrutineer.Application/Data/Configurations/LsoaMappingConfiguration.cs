using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class LsoaMappingConfiguration : IEntityTypeConfiguration<LsoaMapping>
{
    public void Configure(EntityTypeBuilder<LsoaMapping> builder)
    {
        builder.ToTable("LsoaMappings");
        builder.Property(m => m.Lsoa).HasMaxLength(100);
        builder.Ignore(m => m.IsCode);
        builder.HasIndex(m => m.Lsoa).IsUnique();
        builder.HasOne(m => m.Area).WithMany().HasForeignKey(m => m.AreaId).OnDelete(DeleteBehavior.Cascade);
    }
}
