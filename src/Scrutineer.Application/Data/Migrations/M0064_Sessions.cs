using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>
/// Signed-in sessions held on the server, so that signing out, a change to the account or an administrator can end a
/// session at once, and sessions end after an idle timeout and an absolute lifetime (see docs/security.md).
/// </summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0064_Sessions : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261204000640_Sessions";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Sessions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                AccountId = table.Column<int>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                AccountStamp = table.Column<int>(nullable: false),
                StartedAt = table.Column<DateTimeOffset>(nullable: false),
                LastSeenAt = table.Column<DateTimeOffset>(nullable: false),
                ExpiresAt = table.Column<DateTimeOffset>(nullable: false),
                ClientAddress = table.Column<string>(maxLength: 64, nullable: true),
                UserAgent = table.Column<string>(maxLength: 300, nullable: true),
                EndedAt = table.Column<DateTimeOffset>(nullable: true),
                EndReason = table.Column<string>(maxLength: 40, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Sessions", x => x.Id);
                table.ForeignKey("FK_Sessions_Accounts_AccountId", x => x.AccountId, "Accounts", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_Sessions_AccountId", table: "Sessions", column: "AccountId");
        migrationBuilder.CreateIndex(name: "IX_Sessions_TokenHash", table: "Sessions", column: "TokenHash", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Sessions");
}
