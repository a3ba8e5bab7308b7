using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Delivery;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class CrimePreventionStrategyConfiguration : IEntityTypeConfiguration<CrimePreventionStrategy>
{
    public void Configure(EntityTypeBuilder<CrimePreventionStrategy> builder)
    {
        builder.ToTable("Strategies");
        builder.Property(s => s.Title).HasMaxLength(300).IsRequired();
        builder.HasIndex(s => s.Title).IsUnique();
        builder.HasMany(s => s.Strands).WithOne(s => s.Strategy).HasForeignKey(s => s.StrategyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Strands).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
