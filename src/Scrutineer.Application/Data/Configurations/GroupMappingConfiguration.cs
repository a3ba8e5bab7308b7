using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class GroupMappingConfiguration : IEntityTypeConfiguration<GroupMapping>
{
    public void Configure(EntityTypeBuilder<GroupMapping> builder)
    {
        builder.ToTable("GroupMappings");
        builder.Property(m => m.Group).HasMaxLength(GroupMapping.MaxGroupLength).IsRequired();
        builder.HasIndex(m => m.Group);
        builder.Ignore(m => m.Scope);
    }
}
