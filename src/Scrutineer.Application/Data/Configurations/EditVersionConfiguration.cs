using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Application.Concurrency;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Data.Configurations;

/// <summary>
/// Edit versions (optimistic concurrency) on the plan's editable rows, as a shadow <c>Version</c> column the audit
/// interceptor moves on with every change (see <see cref="EditVersion"/>). Additive to each type's own configuration.
/// </summary>
internal sealed class EditVersionConfiguration :
    IEntityTypeConfiguration<Plan>, IEntityTypeConfiguration<Priority>, IEntityTypeConfiguration<Commitment>, IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Plan> builder) => builder.Property<int>(EditVersion.Property).IsConcurrencyToken();

    public void Configure(EntityTypeBuilder<Priority> builder) => builder.Property<int>(EditVersion.Property).IsConcurrencyToken();

    public void Configure(EntityTypeBuilder<Commitment> builder) => builder.Property<int>(EditVersion.Property).IsConcurrencyToken();

    public void Configure(EntityTypeBuilder<Unit> builder) => builder.Property<int>(EditVersion.Property).IsConcurrencyToken();
}
