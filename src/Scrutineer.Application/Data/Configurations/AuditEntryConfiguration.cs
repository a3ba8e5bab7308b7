using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Application.Audit;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Actor).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Entity).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Key).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Changes).IsRequired();
        builder.HasIndex(a => new { a.Entity, a.Key });
        builder.HasIndex(a => a.At);
    }
}
