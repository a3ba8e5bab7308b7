using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Data;

/// <summary>
/// Part of the upgrade to classification as data (<see cref="Migrations.M0060_Classification"/>): commentary and
/// reviewers' comments written with an OFFICIAL-SENSITIVE marking typed into the text move into their sensitive parts,
/// in the updates and in every revision of their history, in one transaction recorded in the audit trail. Returns a
/// line for each update moved, which <c>scrutineer init</c> prints and the web application logs.
/// </summary>
public static class MarkedTextUpgrade
{
    /// <summary>The actor the audit trail names for the move.</summary>
    public const string Actor = "upgrade:classification";

    /// <summary>Moves every marked block; safe to run again (nothing marked is left to move).</summary>
    public static async Task<IReadOnlyList<string>> MoveAsync(ScrutineerDb db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var updates = await db.Updates.AsNoTracking()
            .Select(u => new { u.Id, u.CommentaryText, u.SensitiveCommentaryText, u.ReviewerComment, u.SensitiveReviewerComment, Reference = u.Commitment.Priority.Number + "." + u.Commitment.Number, Unit = u.Unit.ShortName, u.Round.Period })
            .ToListAsync(cancellationToken);
        var revisions = await db.Database
            .SqlQueryRaw<RevisionRow>("""SELECT "UpdateId", "Sequence", "Commentary", "SensitiveCommentary", "Comment", "SensitiveComment" FROM "UpdateRevisions" """)
            .ToListAsync(cancellationToken);

        var moved = new List<string>();
        var changeSet = Guid.NewGuid();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var update in updates.Where(u => Marked(u.CommentaryText) || Marked(u.ReviewerComment)))
        {
            var (official, sensitive) = Split(update.CommentaryText, update.SensitiveCommentaryText);
            var (comment, sensitiveComment) = SplitComment(update.ReviewerComment, update.SensitiveReviewerComment);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""UPDATE "Updates" SET "Commentary" = {official}, "SensitiveCommentary" = {sensitive}, "ReviewerComment" = {comment}, "SensitiveReviewerComment" = {sensitiveComment} WHERE "Id" = {update.Id}""",
                cancellationToken);
            var changes = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["Commentary"] = new { before = update.CommentaryText, after = official },
                ["SensitiveCommentary"] = new { before = update.SensitiveCommentaryText, after = sensitive },
                ["ReviewerComment"] = new { before = update.ReviewerComment, after = comment },
                ["SensitiveReviewerComment"] = new { before = update.SensitiveReviewerComment, after = sensitiveComment },
            });
            db.AuditEntries.Add(new AuditEntry(changeSet, clock.GetUtcNow(), Actor, AuditAction.Modified, "Updates", "Id=" + update.Id.ToString(CultureInfo.InvariantCulture), changes));
            moved.Add(string.Create(CultureInfo.InvariantCulture,
                $"Update {update.Id} ({update.Reference}, {update.Unit}, {update.Period}): marked text moved to its OFFICIAL-SENSITIVE part."));
        }

        var revisionsMoved = 0;
        foreach (var revision in revisions.Where(r => Marked(r.Commentary) || Marked(r.Comment)))
        {
            var (official, sensitive) = Split(revision.Commentary, revision.SensitiveCommentary);
            var (comment, sensitiveComment) = SplitComment(revision.Comment, revision.SensitiveComment);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""UPDATE "UpdateRevisions" SET "Commentary" = {official}, "SensitiveCommentary" = {sensitive}, "Comment" = {comment}, "SensitiveComment" = {sensitiveComment} WHERE "UpdateId" = {revision.UpdateId} AND "Sequence" = {revision.Sequence}""",
                cancellationToken);
            revisionsMoved++;
        }

        if (revisionsMoved > 0)
        {
            moved.Add(string.Create(CultureInfo.InvariantCulture, $"{revisionsMoved} history revision(s): marked text moved to their OFFICIAL-SENSITIVE parts."));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return moved;
    }

    private static bool Marked(string? text) => MarkingInText.Find(text) is not null;

    private static (string Official, string Sensitive) Split(string official, string sensitive)
    {
        var (kept, marked) = MarkedCommentary.Split(Commentary.Parse(official));
        var joined = string.Join("\n\n", new[] { sensitive, marked.ToString() }.Where(t => t.Length > 0));
        return (kept.ToString(), joined);
    }

    private static (string? Official, string? Sensitive) SplitComment(string? official, string? sensitive)
    {
        if (!Marked(official))
        {
            return (official, sensitive);
        }

        var moved = MarkingInText.Remove(official!);
        return (null, string.Join("\n\n", new[] { sensitive, moved }.Where(t => !string.IsNullOrEmpty(t))));
    }

    private sealed record RevisionRow(int UpdateId, int Sequence, string Commentary, string SensitiveCommentary, string? Comment, string? SensitiveComment);
}
