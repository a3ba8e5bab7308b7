using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class ReportingRoundConfiguration : IEntityTypeConfiguration<ReportingRound>
{
    public void Configure(EntityTypeBuilder<ReportingRound> builder)
    {
        builder.Property(r => r.Period).HasMaxLength(12);
        builder.HasIndex(r => new { r.PlanId, r.Period }).IsUnique();
        builder.HasOne(r => r.Plan).WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.IsOpen);
    }
}
