using System.Diagnostics;
using System.Text;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Testing;

namespace Scrutineer.Reliability.Tests.Fuzzing;

/// <summary>
/// Files built to take a parser down — nesting deep enough to overflow a recursive reader's stack, YAML aliases that
/// expand without bound, sheets that reach the last row of Excel — and variants of each. Every one is refused through
/// the real command line within 5 seconds, with a message naming the file and the limit it broke, and nothing written,
/// on both engines. (A stack overflow cannot be caught in .NET: were a limit missing, the test host itself would die.)
/// </summary>
public sealed class HostileFileTests
{
    public static TheoryData<StoreProvider, int> PlanDepths() => Cross([40, 1_000, 50_000]);

    public static TheoryData<StoreProvider, int> XmlDepths() => Cross([70, 2_000, 20_000]);

    public static TheoryData<StoreProvider, int> DenseRows() => Cross([7_000, 14_000, 40_000]);

    public static TheoryData<StoreProvider, int> AliasLevels() => Cross([2, 20, 60]);

    [Theory]
    [MemberData(nameof(PlanDepths))]
    public async Task PlanFile_NestedBrackets_RefusedNamingTheLimit(StoreProvider provider, int depth)
    {
        var text = "plan:\n  title: " + new string('[', depth) + new string(']', depth) + "\n";
        await RefusedAsync(provider, "nested.yaml", Encoding.UTF8.GetBytes(text), ["plan", "import"], "lists and mappings nest more than 32 deep");
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task PlanFile_AliasesInThePlansOwnShape_RefusedBeforeTheyExpand(StoreProvider provider)
    {
        var text = new StringBuilder("plan:\n  title: Plan\n  first_year: 2021/22\n  last_year: 2023/24\nunits:\n  - &u0 {name: Unit, short: U}\n");
        for (var i = 1; i < 20; i++)
        {
            text.Append("  - &u").Append(i).Append(" [*u").Append(i - 1).Append(", *u").Append(i - 1).Append(", *u").Append(i - 1).Append("]\n");
        }

        text.Append("priorities: [*u19, *u19]\n");
        await RefusedAsync(provider, "aliases.yaml", Encoding.UTF8.GetBytes(text.ToString()), ["plan", "import"], "YAML anchors (&name) are not accepted in a plan file");
    }

    [Theory]
    [MemberData(nameof(XmlDepths))]
    public async Task Workbook_DeeplyNestedXml_RefusedNamingTheLimit(StoreProvider provider, int depth)
    {
        var nested = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            nested.Append("<x>");
        }

        for (var i = 0; i < depth; i++)
        {
            nested.Append("</x>");
        }

        var bytes = WithSheet((sheet, x) => sheet.Replace($"<{x}sheetData>", $"<{x}sheetData>" + nested.ToString().Replace("<", $"<{x}", StringComparison.Ordinal).Replace($"<{x}/", $"</{x}", StringComparison.Ordinal), StringComparison.Ordinal));
        await RefusedAsync(provider, "nested.xlsx", bytes, ["delivery", "import", "--strategy", "Burglary strategy"], "its XML nests more than 64 deep");
    }

    [Theory]
    [MemberData(nameof(DenseRows))]
    public async Task Workbook_DenseSheet_RefusedNamingTheLimit(StoreProvider provider, int rows) =>
        await RefusedAsync(provider, "dense.xlsx", HostileFiles.DenseWorkbook(rows), ["delivery", "import", "--strategy", "Burglary strategy"], "it holds more than 250,000 XML elements");

    [Theory]
    [MemberData(nameof(AliasLevels))]
    public async Task PlanFile_AliasesNestedLevelsDeep_Refused(StoreProvider provider, int levels) =>
        await RefusedAsync(provider, "aliases.yaml", HostileFiles.AliasPlan(levels), ["plan", "import"], "YAML anchors (&name) are not accepted in a plan file");

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Workbook_MergedRangesToTheLastRow_RefusedNamingTheCell(StoreProvider provider)
    {
        var bytes = WithSheet((sheet, x) => sheet.Replace(
            $"</{x}sheetData>",
            $"</{x}sheetData><{x}mergeCells count=\"200\">" + string.Concat(Enumerable.Range(0, 200).Select(i => $"<{x}mergeCell ref=\"A{i + 1}:A1048576\"/>")) + $"</{x}mergeCells>",
            StringComparison.Ordinal));
        await RefusedAsync(provider, "merges.xlsx", bytes, ["delivery", "import", "--strategy", "Burglary strategy"], "cell A1048576 is beyond the 50,000 rows and 1,000 columns read");
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Workbook_CellInTheLastColumn_RefusedNamingTheCell(StoreProvider provider)
    {
        var bytes = WithSheet((sheet, x) => sheet.Replace($"</{x}sheetData>", $"<{x}row r=\"9\"><{x}c r=\"XFD9\" t=\"inlineStr\"><{x}is><{x}t>far</{x}t></{x}is></{x}c></{x}row></{x}sheetData>", StringComparison.Ordinal));
        await RefusedAsync(provider, "wide.xlsx", bytes, ["delivery", "import", "--strategy", "Burglary strategy"], "cell XFD9 is beyond the 50,000 rows and 1,000 columns read");
    }

    internal static async Task RefusedAsync(StoreProvider provider, string name, byte[] bytes, string[] command, string limit)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var folder = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await File.WriteAllBytesAsync(path, bytes);
        var before = await StoreFingerprint.TakeAsync(store);

        var clock = Stopwatch.StartNew();
        var run = await Cli.RunAsync([.. command, path, "--db", store.DbArgument]);
        clock.Stop();

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Error}");
        Assert.Contains(name, run.Error, StringComparison.Ordinal);
        Assert.Contains(limit, run.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:N1} s");
        Assert.Equal(before, await StoreFingerprint.TakeAsync(store));
        Directory.Delete(folder, recursive: true);
    }

    private static byte[] WithSheet(Func<string, string, string> change) => HostileFiles.WithSheet(change);

    private static TheoryData<StoreProvider, int> Cross(int[] values)
    {
        var data = new TheoryData<StoreProvider, int>();
        foreach (var provider in new[] { StoreProvider.Sqlite, StoreProvider.PostgreSql })
        {
            foreach (var value in values)
            {
                data.Add(provider, value);
            }
        }

        return data;
    }
}
