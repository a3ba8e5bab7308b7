using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data.Migrations;

/// <summary>
/// Strand narratives: each strategy strand's narrative for a round's quarter, written by the strand's lead and reviewed
/// like a quarterly update, with its own history (decision 0140).
/// </summary>
[DbContext(typeof(ScrutineerDb))]
[Migration(Name)]
public sealed class M0069_StrandNarratives : Migration
{
    /// <summary>The migration's identity.</summary>
    public const string Name = "20261205000690_StrandNarratives";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "StrandNarratives",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                RoundId = table.Column<int>(nullable: false),
                StrandId = table.Column<int>(nullable: false),
                Commentary = table.Column<string>(nullable: false),
                SensitiveCommentary = table.Column<string>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                State = table.Column<string>(maxLength: 40, nullable: false),
                Author = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(nullable: false),
                SubmittedAt = table.Column<DateTimeOffset>(nullable: true),
                Reviewer = table.Column<string>(maxLength: 200, nullable: true),
                ReviewerComment = table.Column<string>(maxLength: 4000, nullable: true),
                SensitiveReviewerComment = table.Column<string>(maxLength: 4000, nullable: true),
                ReviewedAt = table.Column<DateTimeOffset>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StrandNarratives", x => x.Id);
                table.ForeignKey("FK_StrandNarratives_Rounds_RoundId", x => x.RoundId, "Rounds", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_StrandNarratives_Strands_StrandId", x => x.StrandId, "Strands", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StrandNarrativeRevisions",
            columns: table => new
            {
                NarrativeId = table.Column<int>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                Action = table.Column<string>(maxLength: 40, nullable: false),
                Actor = table.Column<string>(maxLength: 200, nullable: false),
                At = table.Column<DateTimeOffset>(nullable: false),
                Commentary = table.Column<string>(nullable: false),
                SensitiveCommentary = table.Column<string>(nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                Comment = table.Column<string>(maxLength: 4000, nullable: true),
                SensitiveComment = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StrandNarrativeRevisions", x => new { x.NarrativeId, x.Sequence });
                table.ForeignKey("FK_StrandNarrativeRevisions_StrandNarratives_NarrativeId", x => x.NarrativeId, "StrandNarratives", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_StrandNarratives_RoundId_StrandId", "StrandNarratives", ["RoundId", "StrandId"], unique: true);
        migrationBuilder.CreateIndex("IX_StrandNarratives_StrandId", "StrandNarratives", "StrandId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "StrandNarrativeRevisions");
        migrationBuilder.DropTable(name: "StrandNarratives");
    }
}
