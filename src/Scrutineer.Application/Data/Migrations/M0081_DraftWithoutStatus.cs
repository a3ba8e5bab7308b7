using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>
/// An update's or strand narrative's delivery status, and the status in their histories, may be empty: a draft is
/// saved before its writer has chosen one (decision 0173). Nothing stored changes.
/// </summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0081_DraftWithoutStatus : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261205001900_DraftWithoutStatus";

    private static readonly string[] Tables = ["Updates", "UpdateRevisions", "StrandNarratives", "StrandNarrativeRevisions"];

    protected override void Up(MigrationBuilder migrationBuilder) => Change(migrationBuilder, "NOT NULL", "NULL");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"""UPDATE "{table}" SET "Status" = 'OnTrack' WHERE "Status" IS NULL;""");
        }

        Change(migrationBuilder, "NULL", "NOT NULL");
    }

    private static void Change(MigrationBuilder migrationBuilder, string from, string to)
    {
        if (migrationBuilder.IsSqlite())
        {
            // SQLite cannot alter a column; its documented way to drop or add a NOT NULL constraint without rebuilding
            // the table is to edit the table's definition in the schema table. RESET makes this connection read the
            // edited definitions again; creating and dropping a table moves the schema version on, so every other
            // open connection does too.
            var names = string.Join(", ", Tables.Select(t => $"'{t}'"));
            migrationBuilder.Sql($"""
                PRAGMA writable_schema = ON;
                UPDATE sqlite_master SET sql = replace(sql, '"Status" TEXT {from},', '"Status" TEXT {to},') WHERE type = 'table' AND name IN ({names});
                PRAGMA writable_schema = RESET;
                CREATE TABLE "__SchemaVersionStep" ("Id" INTEGER);
                DROP TABLE "__SchemaVersionStep";
                """);
            return;
        }

        foreach (var table in Tables)
        {
            migrationBuilder.Sql($"""ALTER TABLE "{table}" ALTER COLUMN "Status" {(to == "NULL" ? "DROP" : "SET")} NOT NULL;""");
        }
    }
}
