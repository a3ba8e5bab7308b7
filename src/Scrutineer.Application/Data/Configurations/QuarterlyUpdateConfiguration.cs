using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class QuarterlyUpdateConfiguration : IEntityTypeConfiguration<QuarterlyUpdate>
{
    public void Configure(EntityTypeBuilder<QuarterlyUpdate> builder)
    {
        builder.ToTable("Updates");
        builder.Property(u => u.CommentaryText).HasColumnName("Commentary").IsRequired();
        builder.Property(u => u.Author).HasMaxLength(200).IsRequired();
        builder.Property(u => u.Reviewer).HasMaxLength(200);
        builder.Property(u => u.ReviewerComment).HasMaxLength(4000);
        builder.Property(u => u.SensitiveCommentaryText).HasColumnName("SensitiveCommentary").IsRequired();
        builder.Property(u => u.SensitiveReviewerComment).HasMaxLength(4000);
        builder.Ignore(u => u.SensitiveCommentary);
        builder.Ignore(u => u.Classification);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => new { u.RoundId, u.CommitmentId, u.UnitId }).IsUnique();
        builder.HasOne(u => u.Round).WithMany().HasForeignKey(u => u.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(u => u.Commitment).WithMany().HasForeignKey(u => u.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(u => u.Commentary);
        builder.Ignore(u => u.History);

        builder.OwnsMany<UpdateRevision>("history", h =>
        {
            h.ToTable("UpdateRevisions");
            h.WithOwner().HasForeignKey("UpdateId");
            h.HasKey("UpdateId", nameof(UpdateRevision.Sequence));
            h.Property(x => x.Sequence).ValueGeneratedNever();
            h.Property(x => x.Actor).HasMaxLength(200).IsRequired();
            h.Property(x => x.Commentary).IsRequired();
            h.Property(x => x.Comment).HasMaxLength(4000);
            h.Property(x => x.SensitiveCommentary).IsRequired();
            h.Property(x => x.SensitiveComment).HasMaxLength(4000);
        });
    }
}
