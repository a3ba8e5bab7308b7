using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>
/// Classification as data: the OFFICIAL-SENSITIVE parts of update commentary, reviewers' comments and delivery tasks,
/// and the account permission to read them (held by every role but viewer). Text marked the old way is moved into the
/// sensitive parts after this migration by <see cref="MarkedTextUpgrade"/>.
/// </summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0060_Classification : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261202000600_Classification";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "SensitiveCommentary", table: "Updates", nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "SensitiveReviewerComment", table: "Updates", maxLength: 4000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SensitiveCommentary", table: "UpdateRevisions", nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "SensitiveComment", table: "UpdateRevisions", maxLength: 4000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "SensitiveNote", table: "DeliveryTasks", maxLength: 4000, nullable: true);
        migrationBuilder.AddColumn<bool>(name: "ReadsSensitive", table: "Accounts", nullable: false, defaultValue: false);
        migrationBuilder.Sql(migrationBuilder.IsSqlite()
            ? """UPDATE "Accounts" SET "ReadsSensitive" = 1 WHERE "Role" <> 'Viewer';"""
            : """UPDATE "Accounts" SET "ReadsSensitive" = TRUE WHERE "Role" <> 'Viewer';""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "SensitiveCommentary", table: "Updates");
        migrationBuilder.DropColumn(name: "SensitiveReviewerComment", table: "Updates");
        migrationBuilder.DropColumn(name: "SensitiveCommentary", table: "UpdateRevisions");
        migrationBuilder.DropColumn(name: "SensitiveComment", table: "UpdateRevisions");
        migrationBuilder.DropColumn(name: "SensitiveNote", table: "DeliveryTasks");
        migrationBuilder.DropColumn(name: "ReadsSensitive", table: "Accounts");
    }
}
