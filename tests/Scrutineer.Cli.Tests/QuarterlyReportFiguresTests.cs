using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.VisualBasic.FileIO;
using Scrutineer.Application.Data;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

/// <summary>
/// A new force's first quarterly report from real data only: <c>init</c>, a plan for City of London Police linking its
/// priorities to data.police.uk crime types, <c>import police-uk</c> of its street files in ../shared, a round for
/// Q3 2025/26, then <c>report quarterly --format html</c>. The rolling 12-month figures it prints are checked against
/// the street files counted here, row by row. Skipped (with the reason) where ../shared is absent.
/// </summary>
public sealed partial class QuarterlyReportFiguresTests
{
    private const string Plan = """
        plan:
          title: City of London Policing Plan 2025-2028
          first_year: 2025/26
          last_year: 2027/28
        units:
          - { short: CoLP, name: City of London Police, kind: force }
        priorities:
          - number: 1
            title: Keep those who live, work and visit the City safe
            measures:
              - Violence and sexual offences
              - name: Robbery
                target: 200
                better: lower
            commitments:
              - we_will: Reduce violent crime in the night-time economy.
                who: [CoLP]
          - number: 2
            title: Protect businesses from fraud and theft
            measures: [Shoplifting, Theft from the person]
            commitments:
              - we_will: Work with retailers to reduce shoplifting.
                who: [CoLP]
          - number: 3
            title: Build trust and confidence
            commitments:
              - we_will: Publish our performance each quarter.
                who: [CoLP]
        """;

    [SharedDataTheory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task QuarterlyReport_CityOfLondonRealData_PrintsRolling12ToDecember2025MatchingTheFiles(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, migrate: false);
        var clock = new TestClock(new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.Zero));
        var folder = Directory.CreateTempSubdirectory("scrutineer-cli-colp-").FullName;
        try
        {
            var files = Directory.GetFiles(SharedData.Path("data", "police-uk"), "*-city-of-london-street.csv", System.IO.SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            Assert.Contains(files, f => f.EndsWith("2025-12-city-of-london-street.csv", StringComparison.Ordinal));
            var planFile = Path.Combine(folder, "plan.yaml");
            await File.WriteAllTextAsync(planFile, Plan);
            var html = Path.Combine(folder, "q3.html");

            Ok(await Cli.RunAsync(clock, "init", "--db", store.DbArgument));
            var early = await Cli.RunAsync(clock, "plan", "import", planFile, "--db", store.DbArgument);
            Assert.Equal(1, early.ExitCode);
            Assert.Contains("plan.yaml:11: priorities[0].measures[0]: 'Violence and sexual offences' is not a measure the store holds. The store holds no measures yet: import performance data or a measures file first.", early.Error, StringComparison.Ordinal);
            Ok(await Cli.RunAsync(clock, ["import", "police-uk", .. files, "--db", store.DbArgument]));
            Ok(await Cli.RunAsync(clock, "plan", "import", planFile, "--db", store.DbArgument));
            var noRound = await Cli.RunAsync(clock, "report", "quarterly", "--period", "Q3 2025/26", "--format", "html", "--out", html, "--db", store.DbArgument);
            Assert.Equal(1, noRound.ExitCode);
            Assert.Contains(
                "No reporting round for Q3 2025/26 in 'City of London Policing Plan 2025-2028'. No round has been opened yet. "
                + "Open the round for Q3 2025/26 first: scrutineer round open --period \"Q3 2025/26\" --deadline YYYY-MM-DD, or Rounds on the web.",
                noRound.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(html));
            Ok(await Cli.RunAsync(clock, "round", "open", "--period", "Q3 2025/26", "--deadline", "2026-01-20", "--db", store.DbArgument));
            Ok(await Cli.RunAsync(clock, "report", "quarterly", "--period", "Q3 2025/26", "--format", "html", "--out", html, "--db", store.DbArgument));

            var text = Cells(await File.ReadAllTextAsync(html));
            Assert.Contains("the 12 months to the end of December 2025 compared with the 12 months to the end of December 2024", text, StringComparison.Ordinal);
            Assert.Contains("| Measure | Priority | 12 months to Dec 2024 | 12 months to Dec 2025 | Change | % change | Verdict | SPC signal | Target |", text, StringComparison.Ordinal);
            var counted = Count(files);
            foreach (var (measure, priority) in new[] { ("Violence and sexual offences", 1), ("Robbery", 1), ("Shoplifting", 2), ("Theft from the person", 2) })
            {
                var previous = counted.GetValueOrDefault((measure, false));
                var latest = counted.GetValueOrDefault((measure, true));
                Assert.True(previous > 0 && latest > 0, $"{measure}: the files hold {previous} and {latest}");
                var figures = $"{previous.ToString("N0", EnGb)} | {latest.ToString("N0", EnGb)} | {Signed(latest - previous)} | {Percent(previous, latest)}";
                Assert.Contains($"| {measure} | {priority} | {figures} |", text, StringComparison.Ordinal); // the summary
                Assert.Contains($"| {measure} | {figures} |", text, StringComparison.Ordinal); // under its priority
            }

            Assert.Contains(counted[("Robbery", true)] <= 200 ? "| Met (target 200) |" : "| Not met (target 200) |", text, StringComparison.Ordinal);
            Assert.Single(Regex.Matches(text, "No measure is linked to this priority\\.")); // priority 3 only, in one line
            Assert.Contains("| Dec 2025 |", text, StringComparison.Ordinal); // the appendix's monthly data
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Rows per crime type in the 12 months to December 2024 (false) and to December 2025 (true), read straight from the files.</summary>
    private static Dictionary<(string CrimeType, bool Latest), long> Count(IEnumerable<string> files)
    {
        var counts = new Dictionary<(string, bool), long>();
        foreach (var file in files)
        {
            using var parser = new TextFieldParser(file) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            var header = parser.ReadFields()!;
            int month = Array.IndexOf(header, "Month"), type = Array.IndexOf(header, "Crime type");
            while (parser.ReadFields() is { } row)
            {
                if (string.CompareOrdinal(row[month], "2024-01") >= 0 && string.CompareOrdinal(row[month], "2025-12") <= 0)
                {
                    var key = (row[type], string.CompareOrdinal(row[month], "2025-01") >= 0);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return counts;
    }

    private static string Signed(long value) => (value > 0 ? "+" : value < 0 ? "\u2212" : "") + Math.Abs(value).ToString("N0", EnGb);

    private static string Percent(long previous, long latest)
    {
        var percent = Math.Round((latest - previous) * 100m / previous, 1, MidpointRounding.AwayFromZero);
        return (percent > 0 ? "+" : percent < 0 ? "\u2212" : "") + Math.Abs(percent).ToString("0.0", EnGb) + "%";
    }

    /// <summary>The report's text: a line per paragraph, heading or table row, with table cells as "| a | b |".</summary>
    private static string Cells(string html)
    {
        var body = StyleBlock().Replace(html, "");
        body = RowEnd().Replace(body, "|");
        body = CellEnd().Replace(body, " ");
        body = Cell().Replace(body, "| ");
        body = LineStart().Replace(body, "\n");
        body = Tag().Replace(body, "");
        return BlankLines().Replace(WebUtility.HtmlDecode(body), "\n");
    }

    private static void Ok(CliRun run) =>
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Error}{run.Out}");

    [GeneratedRegex("<style.*?</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    [GeneratedRegex("</tr>")]
    private static partial Regex RowEnd();

    [GeneratedRegex(@"<t[dh](\s[^>]*)?>")]
    private static partial Regex Cell();

    [GeneratedRegex("</t[dh]>")]
    private static partial Regex CellEnd();

    [GeneratedRegex("<(tr|p|h[1-6]|li|caption)( [^>]*)?>")]
    private static partial Regex LineStart();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n[ \t]*(\n[ \t]*)+")]
    private static partial Regex BlankLines();
}
