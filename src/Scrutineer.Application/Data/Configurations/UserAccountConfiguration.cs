using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("Accounts");
        builder.Property(a => a.UserName).HasMaxLength(100).IsRequired();
        builder.Property(a => a.DisplayName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.PasswordHash).HasMaxLength(500).IsRequired();
        builder.Property(a => a.Email).HasMaxLength(254);
        builder.Property(a => a.MutedNotices).HasMaxLength(400).IsRequired();
        builder.Ignore(a => a.Muted);
        builder.HasIndex(a => a.UserName).IsUnique();
        builder.Ignore(a => a.Scopes);
        builder.Ignore(a => a.UnitIds);
        builder.Ignore(a => a.PriorityIds);
        builder.Ignore(a => a.StrandIds);

        builder.OwnsMany<AccountScope>("scopes", s =>
        {
            s.ToTable("AccountScopes");
            s.WithOwner().HasForeignKey("AccountId");
            s.HasKey("AccountId", nameof(AccountScope.Kind), nameof(AccountScope.TargetId));
            s.Property(x => x.TargetId).ValueGeneratedNever();
        });
    }
}
