using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class ClosureReportTextConfiguration : IEntityTypeConfiguration<ClosureReportText>
{
    public void Configure(EntityTypeBuilder<ClosureReportText> builder)
    {
        builder.ToTable("ClosureReportTexts");
        builder.Property(t => t.Foreword).IsRequired();
        builder.Property(t => t.Summary).IsRequired();
        builder.Property(t => t.UpdatedBy).HasMaxLength(200).IsRequired();
        builder.HasIndex(t => t.PlanId).IsUnique();
        builder.HasOne<Plan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
