using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scrutineer.Domain.Delivery;

namespace Scrutineer.Application.Data.Configurations;

internal sealed class DeliveryTaskConfiguration : IEntityTypeConfiguration<DeliveryTask>
{
    public void Configure(EntityTypeBuilder<DeliveryTask> builder)
    {
        builder.Property(t => t.Text).HasMaxLength(4000).IsRequired();
        builder.Property(t => t.HowMeasured).IsRequired();
        builder.Property(t => t.Owner).HasMaxLength(300).IsRequired();
        builder.Property(t => t.OwnerName).HasMaxLength(200);
        builder.Property(t => t.Risk).HasMaxLength(DeliveryTask.TextMaxLength);
        builder.Property(t => t.Mitigation).HasMaxLength(DeliveryTask.TextMaxLength);
        builder.Property(t => t.SensitiveNote).HasMaxLength(DeliveryTask.TextMaxLength);
        builder.Property(t => t.WorkbookRisk).HasMaxLength(4000);
        builder.Property(t => t.WorkbookMitigation).HasMaxLength(4000);
        builder.HasIndex(t => new { t.PlanId, t.Stage, t.Number }).IsUnique();
        builder.Ignore(t => t.Reference);
        builder.Ignore(t => t.History);
        builder.Ignore(t => t.LinkedNumbers);
        builder.Ignore(t => t.Commitments);
        builder.Ignore(t => t.CommitmentIds);
        builder.Ignore(t => t.Notes);

        builder.OwnsOne(t => t.Due, d =>
        {
            d.Property(x => x.AsWritten).HasColumnName("DueAsWritten").HasMaxLength(500).IsRequired();
            d.Property(x => x.Kind).HasColumnName("DueKind");
            d.Property(x => x.Date).HasColumnName("DueDate");
            d.Property(x => x.Frequency).HasColumnName("DueFrequency").HasMaxLength(40);
        });
        builder.Navigation(t => t.Due).IsRequired();

        builder.OwnsMany<TaskStatusChange>("history", h =>
        {
            h.ToTable("TaskStatusChanges");
            h.WithOwner().HasForeignKey("TaskId");
            h.HasKey("TaskId", nameof(TaskStatusChange.Sequence));
            h.Property(x => x.Sequence).ValueGeneratedNever();
            h.Property(x => x.Source).HasMaxLength(500).IsRequired();
            h.Property(x => x.Risk).HasMaxLength(DeliveryTask.TextMaxLength);
            h.Property(x => x.Mitigation).HasMaxLength(DeliveryTask.TextMaxLength);
        });

        builder.OwnsMany<TaskLink>("links", l =>
        {
            l.ToTable("TaskLinks");
            l.WithOwner().HasForeignKey("TaskId");
            l.Property<int>("Id");
            l.HasKey("Id");
        });

        builder.OwnsMany<TaskQuarterNote>("notes", n =>
        {
            n.ToTable("TaskQuarterNotes");
            n.WithOwner().HasForeignKey("TaskId");
            n.Property<int>("Id");
            n.HasKey("Id");
            n.Property(x => x.Period).HasMaxLength(12);
            n.Property(x => x.Text).HasMaxLength(4000).IsRequired();
        });

        builder.OwnsMany<TaskCommitment>("commitments", c =>
        {
            c.ToTable("TaskCommitments");
            c.WithOwner().HasForeignKey("TaskId");
            c.HasKey("TaskId", nameof(TaskCommitment.CommitmentId));
            c.HasOne(x => x.Commitment).WithMany().HasForeignKey(x => x.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
