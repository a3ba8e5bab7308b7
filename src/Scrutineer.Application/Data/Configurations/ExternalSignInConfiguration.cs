using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class ExternalSignInConfiguration : IEntityTypeConfiguration<ExternalSignIn>
{
    public void Configure(EntityTypeBuilder<ExternalSignIn> builder)
    {
        builder.ToTable("ExternalSignIns");
        builder.Property(e => e.Issuer).HasMaxLength(ExternalSignIn.MaxIssuerLength).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(ExternalSignIn.MaxSubjectLength).IsRequired();
        builder.HasIndex(e => new { e.Issuer, e.Subject }).IsUnique();
        builder.HasIndex(e => e.AccountId).IsUnique();
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
