using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class StrandNarrativeConfiguration : IEntityTypeConfiguration<StrandNarrative>
{
    public void Configure(EntityTypeBuilder<StrandNarrative> builder)
    {
        ReviewedUpdateMapping.Configure(builder, "StrandNarratives", "StrandNarrativeRevisions", "NarrativeId");
        builder.HasIndex(n => new { n.RoundId, n.StrandId }).IsUnique();
        builder.HasOne(n => n.Strand).WithMany().HasForeignKey(n => n.StrandId).OnDelete(DeleteBehavior.Cascade);
    }
}
