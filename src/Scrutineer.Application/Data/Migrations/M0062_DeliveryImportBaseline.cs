using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>
/// The delivery-import baseline: each task remembers the status (with risk and mitigation) its delivery workbook gave at
/// the last import, so a re-import can tell a status changed in the workbook from one changed in Scrutineer. Tasks
/// imported before this migration take the baseline from the latest status change an import recorded for them.
/// </summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0062_DeliveryImportBaseline : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261204000620_DeliveryImportBaseline";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "WorkbookStatus", table: "DeliveryTasks", maxLength: 40, nullable: true);
        migrationBuilder.AddColumn<string>(name: "WorkbookRisk", table: "DeliveryTasks", maxLength: 4000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "WorkbookMitigation", table: "DeliveryTasks", maxLength: 4000, nullable: true);

        // An import names its rows "file › sheet › row N"; the web and the demo name themselves otherwise.
        foreach (var (column, from) in new[] { ("WorkbookStatus", "To"), ("WorkbookRisk", "Risk"), ("WorkbookMitigation", "Mitigation") })
        {
            migrationBuilder.Sql($"""
                UPDATE "DeliveryTasks" SET "{column}" = (
                    SELECT h."{from}" FROM "TaskStatusChanges" h
                    WHERE h."TaskId" = "DeliveryTasks"."Id" AND h."Source" LIKE '% › row %'
                    ORDER BY h."Sequence" DESC LIMIT 1);
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "WorkbookStatus", table: "DeliveryTasks");
        migrationBuilder.DropColumn(name: "WorkbookRisk", table: "DeliveryTasks");
        migrationBuilder.DropColumn(name: "WorkbookMitigation", table: "DeliveryTasks");
    }
}
