using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class AccountSessionConfiguration : IEntityTypeConfiguration<AccountSession>
{
    public void Configure(EntityTypeBuilder<AccountSession> builder)
    {
        builder.ToTable("Sessions");
        builder.Property(s => s.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(s => s.ClientAddress).HasMaxLength(64);
        builder.Property(s => s.UserAgent).HasMaxLength(300);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasIndex(s => s.AccountId);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
