using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>Measures, areas, the LSOA-to-district mapping and observations.</summary>
[DbContext(typeof(ScrutineerDb))]
[Migration("20261121000300_Performance")]
public sealed class M0030_Performance : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Measures",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Unit = table.Column<string>(maxLength: 60, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Better = table.Column<string>(maxLength: 40, nullable: false),
                Definition = table.Column<string>(maxLength: 2000, nullable: false),
                Source = table.Column<string>(maxLength: 300, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Measures", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Areas",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Level = table.Column<string>(maxLength: 40, nullable: false),
                ParentId = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Areas", x => x.Id);
                table.ForeignKey("FK_Areas_Areas_ParentId", x => x.ParentId, "Areas", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "LsoaMappings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Lsoa = table.Column<string>(maxLength: 100, nullable: false),
                AreaId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LsoaMappings", x => x.Id);
                table.ForeignKey("FK_LsoaMappings_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Observations",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                MeasureId = table.Column<int>(nullable: false),
                AreaId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Period = table.Column<int>(nullable: false),
                Value = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                Numerator = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Denominator = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Observations", x => x.Id);
                table.ForeignKey("FK_Observations_Measures_MeasureId", x => x.MeasureId, "Measures", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Observations_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Measures_Name", "Measures", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_Areas_Name", "Areas", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_Areas_ParentId", "Areas", "ParentId");
        migrationBuilder.CreateIndex("IX_LsoaMappings_Lsoa", "LsoaMappings", "Lsoa", unique: true);
        migrationBuilder.CreateIndex("IX_LsoaMappings_AreaId", "LsoaMappings", "AreaId");
        migrationBuilder.CreateIndex("IX_Observations_MeasureId_AreaId_Kind_Period", "Observations", ["MeasureId", "AreaId", "Kind", "Period"], unique: true);
        migrationBuilder.CreateIndex("IX_Observations_AreaId_Period", "Observations", ["AreaId", "Period"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Observations");
        migrationBuilder.DropTable("LsoaMappings");
        migrationBuilder.DropTable("Areas");
        migrationBuilder.DropTable("Measures");
    }
}
