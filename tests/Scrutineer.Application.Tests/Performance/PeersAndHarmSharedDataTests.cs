using Scrutineer.Application.Data;
using System.Globalization;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Performance;

/// <summary>Issue 17's "done when": Essex beside Kent, Hertfordshire and Suffolk, and Essex's harm, on the real files.</summary>
public sealed class PeersAndHarmSharedDataTests
{
    private static readonly string[] Forces = ["essex", "kent", "hertfordshire", "suffolk"];

    private static IEnumerable<string> Files(string force) =>
        Enumerable.Range(1, 12).Select(m => SharedData.Path("data", "police-uk", $"2025-{m:00}", $"2025-{m:00}-{force}-street.csv"));

    /// <summary>The analyst's count: rows by Crime type (the 10th column), every row counting once.</summary>
    private static Dictionary<string, long> CountByType(string force) =>
        Files(force).SelectMany(p => File.ReadLines(p).Skip(1)).Select(l => Field(l, 9)).GroupBy(t => t).ToDictionary(g => g.Key, g => (long)g.Count());

    /// <summary>Field <paramref name="index"/> of a CSV line, quotes honoured (these files hold no line breaks in quotes).</summary>
    private static string Field(string line, int index)
    {
        var (field, quoted, start) = (0, false, 0);
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (i == line.Length || (line[i] == ',' && !quoted))
            {
                if (field == index)
                {
                    return line[start..i].Trim('"');
                }

                field++;
                start = i + 1;
            }
        }

        return "";
    }

    [SharedDataFact]
    public async Task EssexBurglaryAndHarm_TwelveMonthsToDecember2025_MatchIndependentCounts()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await new PoliceUkImport(db).ImportAsync(Forces.SelectMany(Files).ToList());
        await new PeerGroupImport(db).ImportAsync(PeerData.Temp("force,peer,from,to\nEssex,Kent,2020-01-01,\nEssex,Hertfordshire,2020-01-01,\nEssex,Suffolk,2020-01-01,\n"));
        var harm = await new HarmWeightsImport(db).ImportAsync(SharedData.Path("data", "harm", "cchi-weights-by-force-category.csv"));

        var peers = await PeerComparisons.CompareAsync(db, "Burglary", "Essex Police", new ReportingMonth(2025, 12));
        var essexHarm = await HarmTotals.ForAsync(db, "Essex Police", new ReportingMonth(2025, 12));

        var counts = Forces.ToDictionary(f => f, f => CountByType(f).GetValueOrDefault("Burglary"));
        Assert.Equal(counts["essex"], peers.Rows.Single(r => r.Force == "Essex Police").Count);
        Assert.Equal(counts["kent"], peers.Rows.Single(r => r.Force == "Kent Police").Count);
        Assert.Equal(counts["hertfordshire"], peers.Rows.Single(r => r.Force == "Hertfordshire Constabulary").Count);
        Assert.Equal(counts["suffolk"], peers.Rows.Single(r => r.Force == "Suffolk Constabulary").Count);
        Assert.Equal((counts["kent"] + counts["hertfordshire"] + counts["suffolk"]) / 3m, peers.GroupAverage);
        Assert.Equal(1 + counts.Values.Count(c => c > counts["essex"]), peers.ForceRow.Rank);

        // The weights file read on its own: Essex's row for each crime type, harm = count × weight.
        var weights = File.ReadLines(SharedData.Path("data", "harm", "cchi-weights-by-force-category.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[0] == "Essex").ToDictionary(f => f[1], f => decimal.Parse(f[2], CultureInfo.InvariantCulture));
        var essex = CountByType("essex");
        Assert.Equal(weights.Sum(w => essex.GetValueOrDefault(w.Key) * w.Value), Assert.Single(essexHarm.Indexes).Harm);
        Assert.Equal(43 - 4, harm.Skipped.Select(s => s.Problem).Distinct().Count());
    }
}
