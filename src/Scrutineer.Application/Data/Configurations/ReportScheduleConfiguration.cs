using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class ReportScheduleConfiguration : IEntityTypeConfiguration<ReportSchedule>
{
    public void Configure(EntityTypeBuilder<ReportSchedule> builder)
    {
        builder.ToTable("ReportSchedules");
        builder.Property(s => s.Report).HasMaxLength(40).IsRequired();
        builder.Property(s => s.Format).HasMaxLength(10).IsRequired();
        builder.Property(s => s.Recipients).HasMaxLength(4000).IsRequired();
        builder.Property(s => s.CreatedBy).HasMaxLength(200).IsRequired();
        builder.Ignore(s => s.AccountIds);
        builder.Ignore(s => s.Addresses);
    }
}
