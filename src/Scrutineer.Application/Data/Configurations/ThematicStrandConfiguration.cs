using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Delivery;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class ThematicStrandConfiguration : IEntityTypeConfiguration<ThematicStrand>
{
    public void Configure(EntityTypeBuilder<ThematicStrand> builder)
    {
        builder.ToTable("Strands");
        builder.Property(s => s.Title).HasMaxLength(200).IsRequired();
        builder.Property(s => s.AliasText).HasColumnName("Aliases").HasMaxLength(2000).IsRequired();
        builder.HasIndex(s => new { s.StrategyId, s.Title }).IsUnique();
        builder.Ignore(s => s.Aliases);
        builder.Ignore(s => s.Aims);
        builder.Ignore(s => s.Forums);
        builder.Ignore(s => s.Leads);
        builder.HasMany(s => s.Plans).WithOne(p => p.Strand).HasForeignKey(p => p.StrandId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Plans).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany<StrategicAim>("aims", a =>
        {
            a.ToTable("StrandAims");
            a.WithOwner().HasForeignKey("StrandId");
            a.HasKey("StrandId", nameof(StrategicAim.Position));
            a.Property(x => x.Position).ValueGeneratedNever();
            a.Property(x => x.Text).HasMaxLength(2000).IsRequired();
        });

        builder.OwnsMany<PartnershipForum>("forums", f =>
        {
            f.ToTable("StrandForums");
            f.WithOwner().HasForeignKey("StrandId");
            f.HasKey("StrandId", nameof(PartnershipForum.Position));
            f.Property(x => x.Position).ValueGeneratedNever();
            f.Property(x => x.Name).HasMaxLength(300).IsRequired();
        });

        builder.OwnsMany<LeadAssignment>("leads", l =>
        {
            l.ToTable("StrandLeads");
            l.WithOwner().HasForeignKey("StrandId");
            l.HasKey("StrandId", nameof(LeadAssignment.Sequence));
            l.Property(x => x.Sequence).ValueGeneratedNever();
            l.Property(x => x.Person).HasMaxLength(200).IsRequired();
            l.Property(x => x.Area).HasMaxLength(200);
            l.Property(x => x.Source).HasMaxLength(500).IsRequired();
        });
    }
}
