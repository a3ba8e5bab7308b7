using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>
/// The analysts' foreword and executive summary of a plan's closure report, one row per plan (see docs/reports.md).
/// </summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0068_ClosureReportText : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261204000680_ClosureReportText";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ClosureReportTexts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                PlanId = table.Column<int>(nullable: false),
                Foreword = table.Column<string>(nullable: false),
                Summary = table.Column<string>(nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ClosureReportTexts", x => x.Id);
                table.ForeignKey("FK_ClosureReportTexts_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_ClosureReportTexts_PlanId", table: "ClosureReportTexts", column: "PlanId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "ClosureReportTexts");
}
