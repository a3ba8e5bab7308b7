using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>
/// Notices to people without an account (a unit's head, a plain address on a report schedule: <c>AccountId</c> may be
/// null) and with an attached report (its file name, content, classification and schedule). SQLite cannot drop a NOT
/// NULL constraint, so there the table is rebuilt with its rows, as EF itself rebuilds a table.
/// </summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0076_NoticeRecipientsAndAttachments : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261205001710_NoticeRecipientsAndAttachments";

    private const string Columns = "\"Id\", \"Key\", \"Kind\", \"AccountId\", \"Email\", \"Subject\", \"Body\", \"Link\", \"CreatedAt\", \"State\", \"Attempts\", \"LastError\", \"SentAt\", \"ClaimedUntil\"";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql($"""
                CREATE TABLE "ef_temp_Notices" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_Notices" PRIMARY KEY AUTOINCREMENT,
                    "Key" TEXT NOT NULL,
                    "Kind" TEXT NOT NULL,
                    "AccountId" INTEGER NULL,
                    "Email" TEXT NOT NULL,
                    "Subject" TEXT NOT NULL,
                    "Body" TEXT NOT NULL,
                    "Link" TEXT NOT NULL,
                    "CreatedAt" TEXT NOT NULL,
                    "State" TEXT NOT NULL,
                    "Attempts" INTEGER NOT NULL,
                    "LastError" TEXT NULL,
                    "SentAt" TEXT NULL,
                    "ClaimedUntil" INTEGER NOT NULL
                );
                INSERT INTO "ef_temp_Notices" ({Columns}) SELECT {Columns} FROM "Notices";
                DROP TABLE "Notices";
                ALTER TABLE "ef_temp_Notices" RENAME TO "Notices";
                CREATE UNIQUE INDEX "IX_Notices_Key" ON "Notices" ("Key");
                CREATE INDEX "IX_Notices_State_ClaimedUntil" ON "Notices" ("State", "ClaimedUntil");
                """);
        }
        else
        {
            migrationBuilder.Sql("""ALTER TABLE "Notices" ALTER COLUMN "AccountId" DROP NOT NULL""");
        }

        migrationBuilder.AddColumn<string>(name: "AttachmentName", table: "Notices", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<byte[]>(name: "Attachment", table: "Notices", nullable: true);
        migrationBuilder.AddColumn<string>(name: "AttachmentClassification", table: "Notices", maxLength: 40, nullable: true);
        migrationBuilder.AddColumn<int>(name: "ReportScheduleId", table: "Notices", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "ReportScheduleId", table: "Notices");
        migrationBuilder.DropColumn(name: "AttachmentClassification", table: "Notices");
        migrationBuilder.DropColumn(name: "Attachment", table: "Notices");
        migrationBuilder.DropColumn(name: "AttachmentName", table: "Notices");
        migrationBuilder.Sql("""DELETE FROM "Notices" WHERE "AccountId" IS NULL""");
        if (!migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""ALTER TABLE "Notices" ALTER COLUMN "AccountId" SET NOT NULL""");
        }
    }
}
