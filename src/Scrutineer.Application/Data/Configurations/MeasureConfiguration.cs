using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.ToTable("Measures");
        builder.Property(m => m.Name).HasMaxLength(Measure.NameMaxLength);
        builder.Property(m => m.Unit).HasMaxLength(60);
        builder.Property(m => m.Definition).HasMaxLength(2000);
        builder.Property(m => m.Source).HasMaxLength(300);
        builder.HasIndex(m => m.Name).IsUnique();
    }
}
