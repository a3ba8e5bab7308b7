using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Application.Audit;
using Scrutineer.Domain.Notifications;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.ToTable("Notices");
        builder.Property(n => n.Key).HasMaxLength(200).IsRequired();
        builder.Property(n => n.Email).HasMaxLength(254).IsRequired();
        builder.Property(n => n.Subject).HasMaxLength(300).IsRequired();
        builder.Property(n => n.Body).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(500).IsRequired();
        builder.Property(n => n.LastError).HasMaxLength(1000);
        builder.Property(n => n.AttachmentName).HasMaxLength(200);
        builder.HasIndex(n => n.Key).IsUnique();
        builder.HasIndex(n => new { n.State, n.ClaimedUntil });
        builder.NotAudited();
    }
}
