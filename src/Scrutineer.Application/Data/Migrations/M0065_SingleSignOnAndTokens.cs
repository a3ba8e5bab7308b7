using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>
/// Read-only API tokens (hashed, with expiry, last use and revocation), and single sign-on: the link from a provider's
/// person to a local account, and the group mappings that give roles and scopes.
/// </summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0065_SingleSignOnAndTokens : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261204000650_SingleSignOnAndTokens";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ApiTokens",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                AccountId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                SecretHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                ExpiresAt = table.Column<DateTimeOffset>(nullable: false),
                LastUsedAt = table.Column<DateTimeOffset>(nullable: true),
                RevokedAt = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApiTokens", x => x.Id);
                table.ForeignKey("FK_ApiTokens_Accounts_AccountId", x => x.AccountId, "Accounts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_ApiTokens_SecretHash", table: "ApiTokens", column: "SecretHash", unique: true);
        migrationBuilder.CreateIndex(name: "IX_ApiTokens_AccountId", table: "ApiTokens", column: "AccountId");

        migrationBuilder.CreateTable(
            name: "ExternalSignIns",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                AccountId = table.Column<int>(nullable: false),
                Issuer = table.Column<string>(maxLength: 400, nullable: false),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                AwaitsApproval = table.Column<bool>(nullable: false),
                PlacedByGroups = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ExternalSignIns", x => x.Id);
                table.ForeignKey("FK_ExternalSignIns_Accounts_AccountId", x => x.AccountId, "Accounts", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_ExternalSignIns_Issuer_Subject", table: "ExternalSignIns", columns: ["Issuer", "Subject"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_ExternalSignIns_AccountId", table: "ExternalSignIns", column: "AccountId", unique: true);

        migrationBuilder.CreateTable(
            name: "GroupMappings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Group = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<string>(maxLength: 40, nullable: false),
                ScopeKind = table.Column<string>(maxLength: 40, nullable: true),
                TargetId = table.Column<int>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_GroupMappings", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_GroupMappings_Group", table: "GroupMappings", column: "Group");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "GroupMappings");
        migrationBuilder.DropTable(name: "ExternalSignIns");
        migrationBuilder.DropTable(name: "ApiTokens");
    }
}
