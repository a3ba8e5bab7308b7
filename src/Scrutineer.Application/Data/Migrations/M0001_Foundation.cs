using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>Units, plans, priorities, commitments, reporting rounds and quarterly updates.</summary>
[DbContext(typeof(ScrutineerDb))]
[Migration("20261121000100_Foundation")]
public sealed class M0001_Foundation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Units",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                ShortName = table.Column<string>(maxLength: 60, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                ParentId = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Units", x => x.Id);
                table.ForeignKey("FK_Units_Units_ParentId", x => x.ParentId, "Units", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Plans",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                FirstYear = table.Column<int>(nullable: false),
                LastYear = table.Column<int>(nullable: false),
                OriginalLastYear = table.Column<int>(nullable: true),
                ExtensionReason = table.Column<string>(maxLength: 1000, nullable: true),
                DocumentVersion = table.Column<string>(maxLength: 20, nullable: false),
                AuthorUnit = table.Column<string>(maxLength: 200, nullable: false),
                Author = table.Column<string>(maxLength: 200, nullable: false),
                DocumentOwner = table.Column<string>(maxLength: 200, nullable: false),
                Classification = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Plans", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Priorities",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                PlanId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Objective = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Priorities", x => x.Id);
                table.ForeignKey("FK_Priorities_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Commitments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                PriorityId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                CarriesForwardId = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Commitments", x => x.Id);
                table.ForeignKey("FK_Commitments_Commitments_CarriesForwardId", x => x.CarriesForwardId, "Commitments", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Commitments_Priorities_PriorityId", x => x.PriorityId, "Priorities", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CommitmentSubPoints",
            columns: table => new
            {
                CommitmentId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CommitmentSubPoints", x => new { x.CommitmentId, x.Position });
                table.ForeignKey("FK_CommitmentSubPoints_Commitments_CommitmentId", x => x.CommitmentId, "Commitments", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Responsibilities",
            columns: table => new
            {
                CommitmentId = table.Column<int>(nullable: false),
                UnitId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Responsibilities", x => new { x.CommitmentId, x.UnitId });
                table.ForeignKey("FK_Responsibilities_Commitments_CommitmentId", x => x.CommitmentId, "Commitments", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Responsibilities_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Rounds",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                PlanId = table.Column<int>(nullable: false),
                Period = table.Column<string>(maxLength: 12, nullable: false),
                Deadline = table.Column<DateOnly>(nullable: false),
                State = table.Column<string>(maxLength: 40, nullable: false),
                OpenedAt = table.Column<DateTimeOffset>(nullable: false),
                ReopenedAt = table.Column<DateTimeOffset>(nullable: true),
                ClosedAt = table.Column<DateTimeOffset>(nullable: true),
                PublishedAt = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Rounds", x => x.Id);
                table.ForeignKey("FK_Rounds_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Updates",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                RoundId = table.Column<int>(nullable: false),
                CommitmentId = table.Column<int>(nullable: false),
                UnitId = table.Column<int>(nullable: false),
                Commentary = table.Column<string>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                State = table.Column<string>(maxLength: 40, nullable: false),
                Author = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(nullable: false),
                SubmittedAt = table.Column<DateTimeOffset>(nullable: true),
                Reviewer = table.Column<string>(maxLength: 200, nullable: true),
                ReviewerComment = table.Column<string>(maxLength: 4000, nullable: true),
                ReviewedAt = table.Column<DateTimeOffset>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Updates", x => x.Id);
                table.ForeignKey("FK_Updates_Commitments_CommitmentId", x => x.CommitmentId, "Commitments", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Updates_Rounds_RoundId", x => x.RoundId, "Rounds", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Updates_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "UpdateRevisions",
            columns: table => new
            {
                UpdateId = table.Column<int>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                Action = table.Column<string>(maxLength: 40, nullable: false),
                Actor = table.Column<string>(maxLength: 200, nullable: false),
                At = table.Column<DateTimeOffset>(nullable: false),
                Commentary = table.Column<string>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                Comment = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UpdateRevisions", x => new { x.UpdateId, x.Sequence });
                table.ForeignKey("FK_UpdateRevisions_Updates_UpdateId", x => x.UpdateId, "Updates", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Units_ParentId", "Units", "ParentId");
        migrationBuilder.CreateIndex("IX_Units_ShortName", "Units", "ShortName", unique: true);
        migrationBuilder.CreateIndex("IX_Plans_Title", "Plans", "Title", unique: true);
        migrationBuilder.CreateIndex("IX_Priorities_PlanId_Number", "Priorities", ["PlanId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_Commitments_CarriesForwardId", "Commitments", "CarriesForwardId");
        migrationBuilder.CreateIndex("IX_Commitments_PriorityId_Number", "Commitments", ["PriorityId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_Responsibilities_UnitId", "Responsibilities", "UnitId");
        migrationBuilder.CreateIndex("IX_Rounds_PlanId_Period", "Rounds", ["PlanId", "Period"], unique: true);
        migrationBuilder.CreateIndex("IX_Updates_CommitmentId", "Updates", "CommitmentId");
        migrationBuilder.CreateIndex("IX_Updates_RoundId_CommitmentId_UnitId", "Updates", ["RoundId", "CommitmentId", "UnitId"], unique: true);
        migrationBuilder.CreateIndex("IX_Updates_UnitId", "Updates", "UnitId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "UpdateRevisions", "Updates", "Rounds", "Responsibilities", "CommitmentSubPoints", "Commitments", "Priorities", "Plans", "Units" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
