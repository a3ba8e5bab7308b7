using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>
/// The account lifecycle: one-time passwords that must be changed at first sign-in, second sign-in steps
/// (authenticator secrets, kept protected, and recovery-code hashes), and store settings (two-step sign-in required
/// for everyone; the demo's mark on the store it built, set here for a store that already holds the demo plan).
/// </summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0063_AccountLifecycle : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261204000630_AccountLifecycle";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "MustChangePassword", table: "Accounts", nullable: false, defaultValue: false);

        migrationBuilder.CreateTable(
            name: "TwoStepCredentials",
            columns: table => new
            {
                AccountId = table.Column<int>(nullable: false),
                ProtectedSecret = table.Column<string>(maxLength: 1000, nullable: false),
                ConfirmedAt = table.Column<DateTimeOffset>(nullable: true),
                LastUsedStep = table.Column<long>(nullable: false),
                RecoverySecrets = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TwoStepCredentials", x => x.AccountId);
                table.ForeignKey("FK_TwoStepCredentials_Accounts_AccountId", x => x.AccountId, "Accounts", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StoreSettings",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Value = table.Column<string>(maxLength: 400, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_StoreSettings", x => x.Name));

        migrationBuilder.Sql("""
            INSERT INTO "StoreSettings" ("Name", "Value")
            SELECT 'built-by-demo', 'true' WHERE EXISTS (SELECT 1 FROM "Plans" WHERE "Title" = 'Police and Crime Plan 2021-2024');
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "StoreSettings");
        migrationBuilder.DropTable(name: "TwoStepCredentials");
        migrationBuilder.DropColumn(name: "MustChangePassword", table: "Accounts");
    }
}
