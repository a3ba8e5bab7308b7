using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>Report packs analysts schedule: a report (kind, version, format) to a distribution list, on publication or on a date.</summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0077_ReportSchedules : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261205001720_ReportSchedules";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReportSchedules",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Report = table.Column<string>(maxLength: 40, nullable: false),
                Version = table.Column<string>(maxLength: 40, nullable: false),
                Format = table.Column<string>(maxLength: 10, nullable: false),
                Recipients = table.Column<string>(maxLength: 4000, nullable: false),
                Trigger = table.Column<string>(maxLength: 40, nullable: false),
                SendOn = table.Column<DateOnly>(nullable: true),
                CreatedBy = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ReportSchedules", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "ReportSchedules");
}
