using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>Crime prevention strategies, thematic strands with aims, forums and leads, 4P delivery plans and their tasks.</summary>
[DbContext(typeof(ScrutineerDb))]
[Migration("20261121000200_Delivery")]
public sealed class M0200_Delivery : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Strategies",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                FirstYear = table.Column<int>(nullable: true),
                LastYear = table.Column<int>(nullable: true),
                LaunchedOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Strategies", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Strands",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                StrategyId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Aliases = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Strands", x => x.Id);
                table.ForeignKey("FK_Strands_Strategies_StrategyId", x => x.StrategyId, "Strategies", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StrandAims",
            columns: table => new
            {
                StrandId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StrandAims", x => new { x.StrandId, x.Position });
                table.ForeignKey("FK_StrandAims_Strands_StrandId", x => x.StrandId, "Strands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StrandForums",
            columns: table => new
            {
                StrandId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 300, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StrandForums", x => new { x.StrandId, x.Position });
                table.ForeignKey("FK_StrandForums_Strands_StrandId", x => x.StrandId, "Strands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StrandLeads",
            columns: table => new
            {
                StrandId = table.Column<int>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                Role = table.Column<string>(maxLength: 40, nullable: false),
                Person = table.Column<string>(maxLength: 200, nullable: false),
                Area = table.Column<string>(maxLength: 200, nullable: true),
                ValidFrom = table.Column<DateOnly>(nullable: true),
                ValidTo = table.Column<DateOnly>(nullable: true),
                Source = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StrandLeads", x => new { x.StrandId, x.Sequence });
                table.ForeignKey("FK_StrandLeads_Strands_StrandId", x => x.StrandId, "Strands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DeliveryPlans",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                StrandId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DeliveryPlans", x => x.Id);
                table.ForeignKey("FK_DeliveryPlans_Strands_StrandId", x => x.StrandId, "Strands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "DeliveryTasks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                PlanId = table.Column<int>(nullable: false),
                Stage = table.Column<string>(maxLength: 40, nullable: false),
                Number = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                HowMeasured = table.Column<string>(nullable: false),
                Owner = table.Column<string>(maxLength: 300, nullable: false),
                OwnerName = table.Column<string>(maxLength: 200, nullable: true),
                DueAsWritten = table.Column<string>(maxLength: 500, nullable: false),
                DueKind = table.Column<string>(maxLength: 40, nullable: false),
                DueDate = table.Column<DateOnly>(nullable: true),
                DueFrequency = table.Column<string>(maxLength: 40, nullable: true),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                Risk = table.Column<string>(maxLength: 4000, nullable: true),
                Mitigation = table.Column<string>(maxLength: 4000, nullable: true),
                DuplicateOf = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DeliveryTasks", x => x.Id);
                table.ForeignKey("FK_DeliveryTasks_DeliveryPlans_PlanId", x => x.PlanId, "DeliveryPlans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TaskStatusChanges",
            columns: table => new
            {
                TaskId = table.Column<int>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                On = table.Column<DateOnly>(nullable: false),
                From = table.Column<string>(maxLength: 40, nullable: true),
                To = table.Column<string>(maxLength: 40, nullable: false),
                Source = table.Column<string>(maxLength: 500, nullable: false),
                Risk = table.Column<string>(maxLength: 4000, nullable: true),
                Mitigation = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskStatusChanges", x => new { x.TaskId, x.Sequence });
                table.ForeignKey("FK_TaskStatusChanges_DeliveryTasks_TaskId", x => x.TaskId, "DeliveryTasks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TaskLinks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                TaskId = table.Column<int>(nullable: false),
                TargetNumber = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskLinks", x => x.Id);
                table.ForeignKey("FK_TaskLinks_DeliveryTasks_TaskId", x => x.TaskId, "DeliveryTasks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TaskQuarterNotes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                TaskId = table.Column<int>(nullable: false),
                Period = table.Column<string>(maxLength: 12, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Position = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskQuarterNotes", x => x.Id);
                table.ForeignKey("FK_TaskQuarterNotes_DeliveryTasks_TaskId", x => x.TaskId, "DeliveryTasks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "TaskCommitments",
            columns: table => new
            {
                TaskId = table.Column<int>(nullable: false),
                CommitmentId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TaskCommitments", x => new { x.TaskId, x.CommitmentId });
                table.ForeignKey("FK_TaskCommitments_Commitments_CommitmentId", x => x.CommitmentId, "Commitments", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_TaskCommitments_DeliveryTasks_TaskId", x => x.TaskId, "DeliveryTasks", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Strategies_Title", "Strategies", "Title", unique: true);
        migrationBuilder.CreateIndex("IX_Strands_StrategyId_Title", "Strands", ["StrategyId", "Title"], unique: true);
        migrationBuilder.CreateIndex("IX_DeliveryPlans_StrandId_Title", "DeliveryPlans", ["StrandId", "Title"], unique: true);
        migrationBuilder.CreateIndex("IX_DeliveryTasks_PlanId_Stage_Number", "DeliveryTasks", ["PlanId", "Stage", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_TaskLinks_TaskId", "TaskLinks", "TaskId");
        migrationBuilder.CreateIndex("IX_TaskQuarterNotes_TaskId", "TaskQuarterNotes", "TaskId");
        migrationBuilder.CreateIndex("IX_TaskCommitments_CommitmentId", "TaskCommitments", "CommitmentId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
        {
            "TaskCommitments", "TaskQuarterNotes", "TaskLinks", "TaskStatusChanges", "DeliveryTasks", "DeliveryPlans",
            "StrandLeads", "StrandForums", "StrandAims", "Strands", "Strategies",
        })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
