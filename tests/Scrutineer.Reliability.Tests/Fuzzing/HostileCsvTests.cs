using System.Text;
using Scrutineer.Application.Data;
using Scrutineer.Testing;

namespace Scrutineer.Reliability.Tests.Fuzzing;

/// <summary>
/// CSV files built to exhaust a reader — a row with thousands of fields, a quote left open for megabytes, more lines or
/// bytes than any real file — for each of the three CSV imports (data.police.uk, measures, delivery plans). Each is
/// refused while it is read, through the real command line within 5 seconds, with a message naming the file, the line
/// and the limit, and nothing written, on both engines.
/// </summary>
public sealed class HostileCsvTests
{
    private const string Street = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n";
    private const string Measures = "measure,area,period,value\n";
    private const string Delivery = "Burglary 4P plan\nStrand,Task,Who,When\nPREVENT,Mark property,North LPA,Sep-24\n";

    public static TheoryData<StoreProvider, string> Cases()
    {
        var data = new TheoryData<StoreProvider, string>();
        foreach (var provider in new[] { StoreProvider.Sqlite, StoreProvider.PostgreSql })
        {
            foreach (var name in Files.Keys)
            {
                data.Add(provider, name);
            }
        }

        return data;
    }

    /// <summary>Each hostile file: its name, how to build it, the command that imports it and the words of the limit it breaks.</summary>
    private static readonly Dictionary<string, (Func<byte[]> Build, string[] Command, string Limit)> Files = new()
    {
        ["police-uk wide row"] = (() => Text(Street + string.Join(',', Enumerable.Repeat("x", 5_000)) + "\n"),
            ["import", "police-uk"], ":2: more than 64 fields, the most a data.police.uk row may have"),
        ["police-uk open quote"] = (() => Text(Street + "\"" + new string('a', 3 << 20) + "\n"),
            ["import", "police-uk"], ":2: a row longer than 1 MB, the most a data.police.uk row may be"),
        ["measures wide row"] = (() => Text(Measures + string.Join(',', Enumerable.Repeat("1", 50_000)) + "\n"),
            ["import", "measures"], ":2: more than 100 fields, the most a record may have"),
        ["measures open quote"] = (() => Text(Measures + "\"" + new string('a', 2 << 20) + "\n"),
            ["import", "measures"], ":2: a record longer than 65,536 characters, the most one may hold"),
        ["measures many lines"] = (() => Text(Measures + string.Concat(Enumerable.Repeat("a\n", 1_000_001))),
            ["import", "measures"], ":1000001: more than 1,000,000 records, the most one CSV file may hold"),
        ["measures large file"] = (() => Sized(Measures, 65L << 20),
            ["import", "measures"], ":1: the file is 65 MB, more than the 64 MB a CSV file may be"),
        ["delivery wide row"] = (() => Text(Delivery + string.Join(',', Enumerable.Repeat("x", 50_000)) + "\n"),
            ["delivery", "import", "--strategy", "Burglary strategy"], ", line 4: more than 1,000 fields, the most a record may have"),
        ["delivery open quote"] = (() => Text(Delivery + "\"" + new string('a', 2 << 20) + "\n"),
            ["delivery", "import", "--strategy", "Burglary strategy"], ", line 4: a record longer than 262,144 characters, the most one may hold"),
        ["delivery many lines"] = (() => Text(Delivery + string.Concat(Enumerable.Repeat("PREVENT,x\n", 60_000))),
            ["delivery", "import", "--strategy", "Burglary strategy"], ", line 50001: more than 50,000 lines, the most a delivery plan file may hold"),
        ["delivery large file"] = (() => Sized(Delivery, 51L << 20),
            ["delivery", "import", "--strategy", "Burglary strategy"], ": the file is 51 MB, more than the 50 MB a delivery plan file may be"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileCsv_RefusedWhileReadNamingFileLineAndLimit(StoreProvider provider, string file)
    {
        var (build, command, limit) = Files[file];
        var name = file.StartsWith("police-uk", StringComparison.Ordinal) ? "2024-03-essex-street.csv" : file.Replace(' ', '-') + ".csv";
        await HostileFileTests.RefusedAsync(provider, name, build(), command, name + limit);
    }

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A valid start padded with blank lines to <paramref name="bytes"/>.</summary>
    private static byte[] Sized(string start, long bytes)
    {
        var result = new byte[bytes];
        Encoding.UTF8.GetBytes(start).CopyTo(result, 0);
        result.AsSpan(Encoding.UTF8.GetByteCount(start)).Fill((byte)'\n');
        return result;
    }
}
