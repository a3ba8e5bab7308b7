using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>
/// Whether a sent notice went out in its account's daily digest: the day's digest is known to have gone by this mark,
/// not by any email sent that day (one sent before the account chose the digest held the digest back a whole day).
/// Notices already sent are marked as not in a digest.
/// </summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0082_NoticeInDigest : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261207001000_NoticeInDigest";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<bool>(name: "InDigest", table: "Notices", nullable: false, defaultValue: false);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "InDigest", table: "Notices");
}
