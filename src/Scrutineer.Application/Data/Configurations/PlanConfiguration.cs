using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(300).IsRequired();
        builder.HasIndex(p => p.Title).IsUnique();
        builder.Property(p => p.ExtensionReason).HasMaxLength(1000);
        builder.OwnsOne(p => p.Metadata, m =>
        {
            m.Property(x => x.Version).HasColumnName("DocumentVersion").HasMaxLength(20);
            m.Property(x => x.AuthorUnit).HasColumnName("AuthorUnit").HasMaxLength(200);
            m.Property(x => x.Author).HasColumnName("Author").HasMaxLength(200);
            m.Property(x => x.DocumentOwner).HasColumnName("DocumentOwner").HasMaxLength(200);
            m.Property(x => x.Classification).HasColumnName("Classification");
        });
        builder.Navigation(p => p.Metadata).IsRequired();
        builder.HasMany(p => p.Priorities).WithOne(p => p.Plan).HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Priorities).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.Commitments);
    }
}
