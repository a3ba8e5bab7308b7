using System.Text.RegularExpressions;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;

namespace Scrutineer.LoadTest;

/// <summary>
/// After the run, reads the store itself and compares it with what the contributors were told. Each save carries a
/// unique mark in its commentary, so every save is found (or not) in the update history:
/// an accepted save is in exactly one "Edited" revision of its own update (else lost or duplicated); a refused save is
/// in none (else written although refused); every marked revision belongs to a save some contributor posted; no
/// (round, commitment, unit) has two updates; each update's history runs 1..n without gaps, its latest revision holds
/// the update's text, and an accepted submit is followed by a "Submitted" revision.
/// </summary>
internal static partial class StoreVerification
{
    /// <summary>Checks the store <paramref name="db"/> (an SQLite path or a PostgreSQL connection string) against <paramref name="saves"/>.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(string db, IReadOnlyCollection<SaveOutcome> saves, string runMarks = "[LT ")
    {
        var problems = new List<string>();
        await using var store = StoreLocation.Resolve(db).Open();
        DbConnection connection = store.Database.GetDbConnection();
        await connection.OpenAsync();

        await using (var duplicates = connection.CreateCommand())
        {
            duplicates.CommandText = """SELECT "RoundId", "CommitmentId", "UnitId", CAST(COUNT(*) AS INTEGER) FROM "Updates" GROUP BY "RoundId", "CommitmentId", "UnitId" HAVING COUNT(*) > 1""";
            await using var reader = await duplicates.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                problems.Add($"Duplicate updates: round {reader.GetInt32(0)}, commitment {reader.GetInt32(1)}, unit {reader.GetInt32(2)}: {reader.GetInt32(3)} rows");
            }
        }

        var updates = new Dictionary<int, (Slot Slot, string Commentary)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """SELECT "Id", "RoundId", "CommitmentId", "UnitId", "Commentary" FROM "Updates" """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                updates[reader.GetInt32(0)] = (new Slot(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)), reader.GetString(4));
            }
        }

        var revisions = new List<(int UpdateId, int Sequence, string Action, string Commentary)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """SELECT "UpdateId", "Sequence", "Action", "Commentary" FROM "UpdateRevisions" ORDER BY "UpdateId", "Sequence" """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                revisions.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        foreach (var history in revisions.GroupBy(r => r.UpdateId))
        {
            var sequences = history.Select(r => r.Sequence).ToList();
            if (!sequences.SequenceEqual(Enumerable.Range(1, sequences.Count)))
            {
                problems.Add($"Update {history.Key}: history sequence {string.Join(",", sequences)} has gaps");
            }

            if (updates.TryGetValue(history.Key, out var update) && !string.Equals(history.Last().Commentary, update.Commentary, StringComparison.Ordinal))
            {
                problems.Add($"Update {history.Key}: its text is not its latest revision's");
            }
        }

        var edited = revisions.Where(r => r.Action == "Edited").Select(r => (r.UpdateId, Mark: Mark().Match(r.Commentary))).Where(r => r.Mark.Success)
            .ToLookup(r => r.Mark.Value, r => r.UpdateId, StringComparer.Ordinal);
        var submitted = revisions.Where(r => r.Action == "Submitted").Select(r => Mark().Match(r.Commentary)).Where(m => m.Success)
            .Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var posted = saves.ToDictionary(s => s.Token, StringComparer.Ordinal);
        foreach (var save in saves)
        {
            var found = edited[save.Token].ToList();
            switch (save.Result)
            {
                case SaveResult.Accepted when found.Count == 0:
                    problems.Add($"Lost: {save.Token} on {save.Slot} was accepted but is in no revision");
                    break;
                case SaveResult.Accepted when found.Count > 1:
                    problems.Add($"Duplicated: {save.Token} is in {found.Count} revisions");
                    break;
                case SaveResult.Accepted when updates[found[0]].Slot != save.Slot:
                    problems.Add($"Misplaced: {save.Token} posted on {save.Slot} is stored on {updates[found[0]].Slot}");
                    break;
                case SaveResult.Accepted when save.Submit && !submitted.Contains(save.Token):
                    problems.Add($"Submit lost: {save.Token} was accepted as a submission but there is no Submitted revision with its text");
                    break;
                case SaveResult.Conflict or SaveResult.Refused when found.Count > 0:
                    problems.Add($"Written although refused: {save.Token} ({save.Result})");
                    break;
            }
        }

        // Marks of this run only: an earlier run on the same store (the rehearsal's) posted its own.
        foreach (var mark in edited.Select(g => g.Key).Where(m => m.StartsWith(runMarks, StringComparison.Ordinal) && !posted.ContainsKey(m)))
        {
            problems.Add($"Unexplained revision: {mark} was never posted");
        }

        return problems;
    }

    [GeneratedRegex(@"\[LT [a-z0-9.]+ #[0-9]{5}\]")]
    private static partial Regex Mark();
}
