using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(4000).IsRequired();
        builder.HasIndex(c => new { c.PriorityId, c.Number }).IsUnique();
        builder.HasOne(c => c.CarriesForward).WithMany().HasForeignKey(c => c.CarriesForwardId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(c => c.Reference);
        builder.Ignore(c => c.SubPoints);
        builder.Ignore(c => c.Units);

        builder.OwnsMany<CommitmentSubPoint>("subPoints", s =>
        {
            s.ToTable("CommitmentSubPoints");
            s.WithOwner().HasForeignKey("CommitmentId");
            s.HasKey("CommitmentId", nameof(CommitmentSubPoint.Position));
            s.Property(x => x.Position).ValueGeneratedNever();
            s.Property(x => x.Text).HasMaxLength(2000).IsRequired();
        });

        builder.OwnsMany<Responsibility>("responsibilities", r =>
        {
            r.ToTable("Responsibilities");
            r.WithOwner().HasForeignKey("CommitmentId");
            r.HasKey("CommitmentId", nameof(Responsibility.UnitId));
            r.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
