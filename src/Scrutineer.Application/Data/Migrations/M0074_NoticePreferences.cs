using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>Each account's notice preferences: the kinds it has turned off, and whether its notices come as one digest.</summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0074_NoticePreferences : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261205000740_NoticePreferences";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "MutedNotices", table: "Accounts", maxLength: 400, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<bool>(name: "DailyDigest", table: "Accounts", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "DailyDigest", table: "Accounts");
        migrationBuilder.DropColumn(name: "MutedNotices", table: "Accounts");
    }
}
