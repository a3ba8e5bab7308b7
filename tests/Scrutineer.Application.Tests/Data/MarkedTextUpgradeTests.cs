using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Scrutineer.Application.Data;
using Scrutineer.Application.Data.Migrations;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Data;

/// <summary>
/// Upgrading a store written before classification was data: text marked the old way moves into the OFFICIAL-SENSITIVE
/// parts (updates, reviewers' comments, history), the move is reported and audited, and viewers lose nothing they had
/// while not gaining the permission to read sensitive text.
/// </summary>
public sealed class MarkedTextUpgradeTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Upgrade_OldMarkedText_MovesToTheSensitivePartAndSaysSo(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, migrate: false);
        await using (var db = store.Open())
        {
            var before = db.Database.GetMigrations().TakeWhile(m => m != M0060_Classification.Name).Last();
            await db.GetService<IMigrator>().MigrateAsync(before);
            foreach (var sql in new[]
            {
                "INSERT INTO \"Units\" (\"Name\", \"ShortName\", \"Kind\", \"Version\") VALUES ('Serious Crime Directorate', 'SCD', 'Command', 0)",
                "INSERT INTO \"Plans\" (\"Title\", \"FirstYear\", \"LastYear\", \"DocumentVersion\", \"AuthorUnit\", \"Author\", \"DocumentOwner\", \"Classification\", \"Version\") "
                    + "VALUES ('Plan', 2021, 2024, '1.0', 'OPCC', 'Author', 'Owner', 'Official', 0)",
                "INSERT INTO \"Priorities\" (\"PlanId\", \"Number\", \"Title\", \"Objective\", \"Version\") SELECT \"Id\", 2, 'County lines', 'close them', 0 FROM \"Plans\"",
                "INSERT INTO \"Commitments\" (\"PriorityId\", \"Number\", \"Text\", \"Version\") SELECT \"Id\", 1, 'Close county lines', 0 FROM \"Priorities\"",
                "INSERT INTO \"Responsibilities\" (\"CommitmentId\", \"UnitId\", \"Position\") SELECT c.\"Id\", u.\"Id\", 1 FROM \"Commitments\" c, \"Units\" u",
                "INSERT INTO \"Rounds\" (\"PlanId\", \"Period\", \"Deadline\", \"State\", \"OpenedAt\") SELECT \"Id\", '2023/24-Q2', '2023-10-20', 'Open', '2023-10-01 09:00:00+00:00' FROM \"Plans\"",
                "INSERT INTO \"Updates\" (\"RoundId\", \"CommitmentId\", \"UnitId\", \"Commentary\", \"Status\", \"State\", \"Author\", \"CreatedAt\", \"UpdatedAt\", \"Reviewer\", \"ReviewerComment\", \"Version\") "
                    + "SELECT r.\"Id\", c.\"Id\", u.\"Id\", 'Ten lines closed.\n\nOFFICIAL-SENSITIVE: two more after covert work.', 'OnTrack', 'Returned', 'Writer', "
                    + "'2023-10-02 09:00:00+00:00', '2023-10-03 09:00:00+00:00', 'Reviewer', '[Official Sensitive] name the operation', 3 FROM \"Rounds\" r, \"Commitments\" c, \"Units\" u",
                "INSERT INTO \"UpdateRevisions\" (\"UpdateId\", \"Sequence\", \"Action\", \"Actor\", \"At\", \"Commentary\", \"Status\") "
                    + "SELECT \"Id\", 1, 'Created', 'Writer', '2023-10-02 09:00:00+00:00', 'Ten lines closed.\n\nOFFICIAL-SENSITIVE: two more after covert work.', 'OnTrack' FROM \"Updates\"",
                "INSERT INTO \"Accounts\" (\"UserName\", \"DisplayName\", \"PasswordHash\", \"Role\", \"FailedSignIns\", \"IsDisabled\", \"CreatedAt\", \"Stamp\") "
                    + "VALUES ('viewer', 'Viewer', 'x', 'Viewer', 0, false, '2023-10-01 09:00:00+00:00', 1), ('analyst', 'Analyst', 'x', 'Analyst', 0, false, '2023-10-01 09:00:00+00:00', 1)",
            })
            {
                await db.Database.ExecuteSqlRawAsync(provider == StoreProvider.Sqlite ? sql.Replace("false,", "0,", StringComparison.Ordinal) : sql.Replace("\n", "' || chr(10) || '", StringComparison.Ordinal));
            }
        }

        await using (var db = store.Open())
        {
            var moved = await StoreSchema.UpgradeAsync(db);

            Assert.Equal(
                [
                    "Update 1 (2.1, SCD, Q2 2023/24): marked text moved to its OFFICIAL-SENSITIVE part.",
                    "1 history revision(s): marked text moved to their OFFICIAL-SENSITIVE parts.",
                ],
                moved);
            var update = await db.Updates.SingleAsync();
            Assert.Equal("Ten lines closed.", update.CommentaryText);
            Assert.Equal("two more after covert work.", update.SensitiveCommentaryText);
            Assert.Null(update.ReviewerComment);
            Assert.Equal("name the operation", update.SensitiveReviewerComment);
            Assert.Equal("two more after covert work.", update.History.Single().SensitiveCommentary);
            Assert.Equal("Ten lines closed.", update.History.Single().Commentary);
            var audit = await db.AuditEntries.SingleAsync(e => e.Actor == MarkedTextUpgrade.Actor);
            Assert.Equal("Updates", audit.Entity);
            Assert.Contains("two more after covert work.", audit.Changes, StringComparison.Ordinal);
            Assert.False((await db.Accounts.SingleAsync(a => a.UserName == "viewer")).ReadsSensitive);
            Assert.True((await db.Accounts.SingleAsync(a => a.UserName == "analyst")).ReadsSensitive);

            Assert.Empty(await StoreSchema.UpgradeAsync(db));
        }
    }
}
