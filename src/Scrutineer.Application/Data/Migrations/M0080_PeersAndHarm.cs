using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>
/// The dated table of most similar forces (peer groups), and crime harm indexes with their weights per crime type,
/// nationally or by force (see docs/peers-and-harm.md).
/// </summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0080_PeersAndHarm : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261205001800_PeersAndHarm";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PeerLinks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                ForceId = table.Column<int>(nullable: false),
                PeerId = table.Column<int>(nullable: false),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PeerLinks", x => x.Id);
                table.ForeignKey("FK_PeerLinks_Areas_ForceId", x => x.ForceId, "Areas", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PeerLinks_Areas_PeerId", x => x.PeerId, "Areas", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_PeerLinks_ForceId_PeerId_From", table: "PeerLinks", columns: ["ForceId", "PeerId", "From"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_PeerLinks_PeerId", table: "PeerLinks", column: "PeerId");

        migrationBuilder.CreateTable(
            name: "HarmIndexes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Source = table.Column<string>(maxLength: 1000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_HarmIndexes", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_HarmIndexes_Name", table: "HarmIndexes", column: "Name", unique: true);

        migrationBuilder.CreateTable(
            name: "HarmWeights",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                IndexId = table.Column<int>(nullable: false),
                ForceId = table.Column<int>(nullable: true),
                CrimeType = table.Column<string>(maxLength: 200, nullable: false),
                Days = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_HarmWeights", x => x.Id);
                table.ForeignKey("FK_HarmWeights_HarmIndexes_IndexId", x => x.IndexId, "HarmIndexes", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_HarmWeights_Areas_ForceId", x => x.ForceId, "Areas", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_HarmWeights_IndexId", table: "HarmWeights", column: "IndexId");
        migrationBuilder.CreateIndex(name: "IX_HarmWeights_ForceId", table: "HarmWeights", column: "ForceId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "HarmWeights");
        migrationBuilder.DropTable(name: "HarmIndexes");
        migrationBuilder.DropTable(name: "PeerLinks");
    }
}
