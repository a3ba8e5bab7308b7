using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class HarmIndexConfiguration : IEntityTypeConfiguration<HarmIndex>
{
    public void Configure(EntityTypeBuilder<HarmIndex> builder)
    {
        builder.ToTable("HarmIndexes");
        builder.Property(i => i.Name).HasMaxLength(HarmIndex.NameMaxLength);
        builder.Property(i => i.Source).HasMaxLength(HarmIndex.SourceMaxLength);
        builder.HasIndex(i => i.Name).IsUnique();
    }
}
