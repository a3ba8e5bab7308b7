using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>Each unit's head's email address (optional), told when the unit's updates are still overdue after a round's deadline.</summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0075_UnitHeads : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261205001700_UnitHeads";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "HeadEmail", table: "Units", maxLength: 254, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "HeadEmail", table: "Units");
}
