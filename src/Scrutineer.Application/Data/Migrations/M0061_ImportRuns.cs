using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>
/// Import runs: every import's files, rows and what it wrote (ImportRuns); per measure and month, the totals before and
/// after and any plausibility hold (ImportRunMonths); and every figure replaced or added, to undo a run exactly
/// (ImportRunChanges).
/// </summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0061_ImportRuns : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261204000610_ImportRuns";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ImportRuns",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Started = table.Column<DateTimeOffset>(nullable: false),
                By = table.Column<string>(maxLength: 200, nullable: false),
                Files = table.Column<string>(nullable: false),
                Rows = table.Column<long>(nullable: false),
                Wrote = table.Column<string>(maxLength: 1000, nullable: false),
                UndoneAt = table.Column<DateTimeOffset>(nullable: true),
                UndoneBy = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ImportRuns", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ImportRunMonths",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                RunId = table.Column<long>(nullable: false),
                MeasureId = table.Column<int>(nullable: false),
                Period = table.Column<int>(nullable: false),
                Before = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                After = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Hold = table.Column<string>(maxLength: 40, nullable: false),
                Reason = table.Column<string>(maxLength: 1000, nullable: true),
                ReplacedByRunId = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ImportRunMonths", x => x.Id);
                table.ForeignKey("FK_ImportRunMonths_ImportRuns_RunId", x => x.RunId, "ImportRuns", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ImportRunChanges",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                RunId = table.Column<long>(nullable: false),
                MeasureId = table.Column<int>(nullable: false),
                AreaId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Period = table.Column<int>(nullable: false),
                BeforeValue = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                BeforeNumerator = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                BeforeDenominator = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                AfterValue = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                AfterNumerator = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                AfterDenominator = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ImportRunChanges", x => x.Id);
                table.ForeignKey("FK_ImportRunChanges_ImportRuns_RunId", x => x.RunId, "ImportRuns", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ImportRunMonths_RunId", "ImportRunMonths", "RunId");
        migrationBuilder.CreateIndex("IX_ImportRunMonths_MeasureId_Period", "ImportRunMonths", ["MeasureId", "Period"]);
        migrationBuilder.CreateIndex("IX_ImportRunChanges_RunId", "ImportRunChanges", "RunId");
        migrationBuilder.CreateIndex("IX_ImportRunChanges_MeasureId_AreaId_Kind_Period", "ImportRunChanges", ["MeasureId", "AreaId", "Kind", "Period"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ImportRunChanges");
        migrationBuilder.DropTable("ImportRunMonths");
        migrationBuilder.DropTable("ImportRuns");
    }
}
