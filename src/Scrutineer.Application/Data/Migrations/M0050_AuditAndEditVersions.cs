using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>
/// The audit trail (append-only: triggers refuse updates and deletes on both engines) and edit versions on plans,
/// priorities, commitments and units.
/// </summary>
[DbContext(typeof(ScrutineerDb))]
[Migration("20261121000500_AuditAndEditVersions")]
public sealed class M0050_AuditAndEditVersions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                ChangeSet = table.Column<Guid>(nullable: false),
                At = table.Column<DateTimeOffset>(nullable: false),
                Actor = table.Column<string>(maxLength: 200, nullable: false),
                Action = table.Column<string>(maxLength: 40, nullable: false),
                Entity = table.Column<string>(maxLength: 100, nullable: false),
                Key = table.Column<string>(maxLength: 200, nullable: false),
                Changes = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));

        migrationBuilder.CreateIndex("IX_AuditEntries_At", "AuditEntries", "At");
        migrationBuilder.CreateIndex("IX_AuditEntries_Entity_Key", "AuditEntries", ["Entity", "Key"]);

        foreach (var table in new[] { "Plans", "Priorities", "Commitments", "Units" })
        {
            migrationBuilder.AddColumn<int>(name: "Version", table: table, nullable: false, defaultValue: 0);
        }

        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be changed.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'The audit trail cannot be deleted.'); END;
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'The audit trail cannot be changed or deleted.'; END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AuditEntries");
        if (!migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entries_append_only();");
        }

        foreach (var table in new[] { "Plans", "Priorities", "Commitments", "Units" })
        {
            migrationBuilder.DropColumn(name: "Version", table: table);
        }
    }
}
