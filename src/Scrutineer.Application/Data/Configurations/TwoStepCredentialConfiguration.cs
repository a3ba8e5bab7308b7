using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class TwoStepCredentialConfiguration : IEntityTypeConfiguration<TwoStepCredential>
{
    public void Configure(EntityTypeBuilder<TwoStepCredential> builder)
    {
        builder.HasKey(c => c.AccountId);
        builder.Property(c => c.AccountId).ValueGeneratedNever();
        builder.Property(c => c.ProtectedSecret).HasMaxLength(1000).IsRequired();
        builder.Property(c => c.RecoverySecrets).HasMaxLength(2000).IsRequired();
        builder.Ignore(c => c.IsConfirmed);
        builder.Ignore(c => c.RecoveryCodesLeft);
        builder.HasOne<UserAccount>().WithOne().HasForeignKey<TwoStepCredential>(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
