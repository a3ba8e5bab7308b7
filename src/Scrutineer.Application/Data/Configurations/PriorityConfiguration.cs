using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class PriorityConfiguration : IEntityTypeConfiguration<Priority>
{
    public void Configure(EntityTypeBuilder<Priority> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(300).IsRequired();
        builder.Property(p => p.Objective).HasMaxLength(2000).IsRequired();
        builder.HasIndex(p => new { p.PlanId, p.Number }).IsUnique();
        builder.HasMany(p => p.Commitments).WithOne(c => c.Priority).HasForeignKey(c => c.PriorityId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Commitments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.Heading);
    }
}
