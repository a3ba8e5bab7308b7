using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Delivery;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class DeliveryPlanConfiguration : IEntityTypeConfiguration<DeliveryPlan>
{
    public void Configure(EntityTypeBuilder<DeliveryPlan> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(300).IsRequired();
        builder.HasIndex(p => new { p.StrandId, p.Title }).IsUnique();
        builder.HasMany(p => p.Tasks).WithOne(t => t.Plan).HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Tasks).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
