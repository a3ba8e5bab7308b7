using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class PeerLinkConfiguration : IEntityTypeConfiguration<PeerLink>
{
    public void Configure(EntityTypeBuilder<PeerLink> builder)
    {
        builder.ToTable("PeerLinks");
        builder.HasIndex(l => new { l.ForceId, l.PeerId, l.From }).IsUnique();
        builder.HasIndex(l => l.PeerId);
        builder.HasOne(l => l.Force).WithMany().HasForeignKey(l => l.ForceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Peer).WithMany().HasForeignKey(l => l.PeerId).OnDelete(DeleteBehavior.Cascade);
    }
}
