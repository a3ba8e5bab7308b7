using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>The web application's data-protection key ring, kept in the store for every instance (docs/deployment.md).</summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0072_DataProtectionKeys : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261205000720_DataProtectionKeys";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                FriendlyName = table.Column<string>(maxLength: 100, nullable: false),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "DataProtectionKeys");
}
