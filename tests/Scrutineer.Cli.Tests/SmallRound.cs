using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

/// <summary>
/// A small plan in a test store with the Q1 2023/24 round open: priority 1 with commitments 1.1 (unit B), 1.2 (B and
/// C, "Charlie Local Policing Area") and 1.3 (B), so four updates are expected. Files for imports go in a folder of the
/// store's own.
/// </summary>
internal static class SmallRound
{
    public const string Period = "2023/24-Q1";

    public static async Task<TestStore> CreateAsync(StoreProvider provider)
    {
        var store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            db.Plans.Add(new PlanBuilder().WithPriority("Safer roads", 3).Build());
            await db.SaveChangesAsync();
        }

        var open = await Cli.RunAsync("round", "open", "--period", Period, "--deadline", "2023-07-21", "--db", store.DbArgument);
        Assert.True(open.ExitCode == 0, open.Error);
        return store;
    }

    /// <summary>Writes <paramref name="text"/> to a new file named <paramref name="name"/> and gives its path.</summary>
    public static string File(string name, string text)
    {
        var folder = Path.Combine(Path.GetTempPath(), "scrutineer-cli-files", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs <c>update import</c> on <paramref name="path"/> into the round.</summary>
    public static Task<CliRun> ImportAsync(TestStore store, string path, params string[] more) =>
        Cli.RunAsync(["update", "import", path, "--period", Period, "--db", store.DbArgument, .. more]);

    /// <summary>The round's updates with their units and commitments, read afresh.</summary>
    public static async Task<List<QuarterlyUpdate>> UpdatesAsync(TestStore store)
    {
        await using var db = store.Open();
        var updates = await db.Updates.AsNoTracking().Include(u => u.Unit).Include(u => u.Commitment).ThenInclude(c => c.Priority).ToListAsync();
        return updates.OrderBy(u => u.Commitment.Reference, StringComparer.Ordinal).ThenBy(u => u.Unit.ShortName, StringComparer.Ordinal).ToList();
    }

    /// <summary>The id of the update on <paramref name="reference"/> by <paramref name="unit"/>, as text for the command line.</summary>
    public static async Task<string> IdAsync(TestStore store, string reference, string unit) =>
        (await UpdatesAsync(store)).Single(u => u.Commitment.Reference == reference && u.Unit.ShortName == unit).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
