using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>
/// Measures linked explicitly to the plan priority, commitment or strategy strand whose progress they show, each with
/// an optional target and better direction (see docs/plan-file.md and docs/reports.md).
/// </summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0066_MeasureLinks : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261204000660_MeasureLinks";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MeasureLinks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                PriorityId = table.Column<int>(nullable: true),
                CommitmentId = table.Column<int>(nullable: true),
                StrandId = table.Column<int>(nullable: true),
                MeasureId = table.Column<int>(nullable: false),
                Target = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Better = table.Column<string>(maxLength: 40, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeasureLinks", x => x.Id);
                table.ForeignKey("FK_MeasureLinks_Measures_MeasureId", x => x.MeasureId, "Measures", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_MeasureLinks_Priorities_PriorityId", x => x.PriorityId, "Priorities", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_MeasureLinks_Commitments_CommitmentId", x => x.CommitmentId, "Commitments", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_MeasureLinks_Strands_StrandId", x => x.StrandId, "Strands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_MeasureLinks_PriorityId", table: "MeasureLinks", column: "PriorityId");
        migrationBuilder.CreateIndex(name: "IX_MeasureLinks_CommitmentId", table: "MeasureLinks", column: "CommitmentId");
        migrationBuilder.CreateIndex(name: "IX_MeasureLinks_StrandId", table: "MeasureLinks", column: "StrandId");
        migrationBuilder.CreateIndex(name: "IX_MeasureLinks_MeasureId", table: "MeasureLinks", column: "MeasureId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "MeasureLinks");
}
