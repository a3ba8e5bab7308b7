using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class MeasureLinkConfiguration : IEntityTypeConfiguration<MeasureLink>
{
    public void Configure(EntityTypeBuilder<MeasureLink> builder)
    {
        builder.ToTable("MeasureLinks");
        builder.Property(l => l.Target).HasPrecision(18, 4);
        builder.Ignore(l => l.BetterWay);
        builder.HasIndex(l => l.PriorityId);
        builder.HasIndex(l => l.CommitmentId);
        builder.HasIndex(l => l.StrandId);
        builder.HasIndex(l => l.MeasureId);
        builder.HasOne(l => l.Measure).WithMany().HasForeignKey(l => l.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Priority>().WithMany().HasForeignKey(l => l.PriorityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Commitment>().WithMany().HasForeignKey(l => l.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ThematicStrand>().WithMany().HasForeignKey(l => l.StrandId).OnDelete(DeleteBehavior.Cascade);
    }
}
