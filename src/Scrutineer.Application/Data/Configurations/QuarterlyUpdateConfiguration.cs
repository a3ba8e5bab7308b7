using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class QuarterlyUpdateConfiguration : IEntityTypeConfiguration<QuarterlyUpdate>
{
    public void Configure(EntityTypeBuilder<QuarterlyUpdate> builder)
    {
        ReviewedUpdateMapping.Configure(builder, "Updates", "UpdateRevisions", "UpdateId");
        builder.HasIndex(u => new { u.RoundId, u.CommitmentId, u.UnitId }).IsUnique();
        builder.HasOne(u => u.Commitment).WithMany().HasForeignKey(u => u.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
