using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(200).IsRequired();
        builder.Property(u => u.ShortName).HasMaxLength(60).IsRequired();
        builder.Property(u => u.HeadEmail).HasMaxLength(254);
        builder.HasIndex(u => u.ShortName).IsUnique();
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(u => u.DisplayName);
    }
}
