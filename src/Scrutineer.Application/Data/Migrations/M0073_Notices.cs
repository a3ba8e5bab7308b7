using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>The notification outbox (one row per event and recipient, its key unique) and each account's email address.</summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0073_Notices : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261205000730_Notices";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Email", table: "Accounts", maxLength: 254, nullable: true);
        migrationBuilder.CreateTable(
            name: "Notices",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                Key = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                AccountId = table.Column<int>(nullable: false),
                Email = table.Column<string>(maxLength: 254, nullable: false),
                Subject = table.Column<string>(maxLength: 300, nullable: false),
                Body = table.Column<string>(nullable: false),
                Link = table.Column<string>(maxLength: 500, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                State = table.Column<string>(maxLength: 40, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                LastError = table.Column<string>(maxLength: 1000, nullable: true),
                SentAt = table.Column<DateTimeOffset>(nullable: true),
                ClaimedUntil = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Notices", x => x.Id));
        migrationBuilder.CreateIndex("IX_Notices_Key", "Notices", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_Notices_State_ClaimedUntil", "Notices", ["State", "ClaimedUntil"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Notices");
        migrationBuilder.DropColumn(name: "Email", table: "Accounts");
    }
}
