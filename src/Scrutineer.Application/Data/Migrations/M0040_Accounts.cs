using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>Local sign-in accounts and the units, priorities or strands their roles are limited to.</summary>
[DbContext(typeof(ScrutineerDb))]
[Migration("20261121000400_Accounts")]
public sealed class M0040_Accounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Accounts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                UserName = table.Column<string>(maxLength: 100, nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                PasswordHash = table.Column<string>(maxLength: 500, nullable: false),
                Role = table.Column<string>(maxLength: 40, nullable: false),
                FailedSignIns = table.Column<int>(nullable: false),
                LockedUntil = table.Column<DateTimeOffset>(nullable: true),
                IsDisabled = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                LastSignInAt = table.Column<DateTimeOffset>(nullable: true),
                Stamp = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Accounts", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AccountScopes",
            columns: table => new
            {
                AccountId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                TargetId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AccountScopes", x => new { x.AccountId, x.Kind, x.TargetId });
                table.ForeignKey("FK_AccountScopes_Accounts_AccountId", x => x.AccountId, "Accounts", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_Accounts_UserName", table: "Accounts", column: "UserName", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AccountScopes");
        migrationBuilder.DropTable(name: "Accounts");
    }
}
