using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Data.Configurations;

/// <summary>The columns and history table every kind of <see cref="ReviewedUpdate"/> shares.</summary>
internal static class ReviewedUpdateMapping
{
    public static void Configure<T>(EntityTypeBuilder<T> builder, string table, string revisionsTable, string ownerKey)
        where T : ReviewedUpdate
    {
        builder.ToTable(table);
        builder.Property(u => u.CommentaryText).HasColumnName("Commentary").IsRequired();
        builder.Property(u => u.Author).HasMaxLength(200).IsRequired();
        builder.Property(u => u.Reviewer).HasMaxLength(200);
        builder.Property(u => u.ReviewerComment).HasMaxLength(ReviewedUpdate.CommentMaxLength);
        builder.Property(u => u.SensitiveCommentaryText).HasColumnName("SensitiveCommentary").IsRequired();
        builder.Property(u => u.SensitiveReviewerComment).HasMaxLength(ReviewedUpdate.CommentMaxLength);
        builder.Ignore(u => u.SensitiveCommentary);
        builder.Ignore(u => u.Classification);
        builder.Ignore(u => u.Subject);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne(u => u.Round).WithMany().HasForeignKey(u => u.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(u => u.Commentary);
        builder.Ignore(u => u.History);

        builder.OwnsMany<UpdateRevision>("history", h =>
        {
            h.ToTable(revisionsTable);
            h.WithOwner().HasForeignKey(ownerKey);
            h.HasKey(ownerKey, nameof(UpdateRevision.Sequence));
            h.Property(x => x.Sequence).ValueGeneratedNever();
            h.Property(x => x.Actor).HasMaxLength(200).IsRequired();
            h.Property(x => x.Commentary).IsRequired();
            h.Property(x => x.Comment).HasMaxLength(ReviewedUpdate.CommentMaxLength);
            h.Property(x => x.SensitiveCommentary).IsRequired();
            h.Property(x => x.SensitiveComment).HasMaxLength(ReviewedUpdate.CommentMaxLength);
        });
    }
}
