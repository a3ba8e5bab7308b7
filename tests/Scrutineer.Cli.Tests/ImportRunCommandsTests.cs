using System.Text;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Imports;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

/// <summary><c>scrutineer import runs|confirm|undo</c> on the demo force, and the held month kept out of <c>insights rolling12</c>.</summary>
public sealed class ImportRunCommandsTests
{
    private const string StreetHeader = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    [Fact]
    public async Task Runs_Table_AFolderOfManyFiles_CountsThemWithTheFirstAndLast_CsvListsEveryOne()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("scrutineer-runs-").FullName;
        foreach (var month in new[] { "2024-01", "2024-02", "2024-03", "2024-04" })
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"{month}-kent-street.csv"),
                $"{StreetHeader}\nk1,{month},Kent Police,Kent Police,0.5,51.2,On or near A Road,E01024000,Maidstone 001A,Burglary,Under investigation,\n");
        }

        var imported = await Cli.RunAsync("import", "police-uk", folder, "--db", store.DbArgument);
        var table = await Cli.RunAsync("import", "runs", "--db", store.DbArgument);
        var csv = await Cli.RunAsync("import", "runs", "--format", "csv", "--db", store.DbArgument);

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("4 files: 2024-01-kent-street.csv … 2024-04-kent-street.csv", table.Out, StringComparison.Ordinal);
        Assert.Equal(4, csv.Lines[1].Split("SHA-256").Length - 1);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task TinyAprilOnTheDemo_HeldUntilConfirmed_ThenUndone(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await Cli.DemoAsync(store);
        var folder = Directory.CreateTempSubdirectory("scrutineer-cli-runs-").FullName;
        try
        {
            var path = await TinyAprilAsync(folder);

            var imported = await Cli.RunAsync("import", "police-uk", path, "--db", store.DbArgument);

            Assert.Equal(0, imported.ExitCode);
            var id = RunId(imported);
            Assert.Contains(imported.Lines, l => l.StartsWith("Held as provisional: April 2024: All crime in Essex Police is 3, against ", StringComparison.Ordinal)
                && l.EndsWith($"until confirmed (scrutineer import confirm {id}) or imported again.", StringComparison.Ordinal));
            Assert.Contains("12 months to March 2024", await RollingAsync(store), StringComparison.Ordinal);

            var runs = await Cli.RunAsync("import", "runs", "--format", "csv", "--db", store.DbArgument);
            Assert.Equal(0, runs.ExitCode);
            Assert.Equal("id,started,by,kind,files,rows,status,wrote,held", runs.Lines[0]);
            var row = Assert.Single(runs.Lines, l => l.StartsWith(id + ",", StringComparison.Ordinal));
            Assert.Contains($",police-uk,\"2024-04-essex-street.csv ({new FileInfo(path).Length} bytes, SHA-256 ", row, StringComparison.Ordinal);
            Assert.Contains(",4,provisional,", row, StringComparison.Ordinal);
            Assert.Contains("April 2024: All crime in Essex Police is 3", row, StringComparison.Ordinal);

            var confirmed = await Cli.RunAsync("import", "confirm", id, "--db", store.DbArgument);
            Assert.Equal(0, confirmed.ExitCode);
            Assert.Equal($"Confirmed import run {id}: April 2024 now used in every figure.", confirmed.Lines[0]);
            Assert.Contains("12 months to April 2024", await RollingAsync(store), StringComparison.Ordinal);
            var again = await Cli.RunAsync("import", "confirm", id, "--db", store.DbArgument);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains($"Import run {id} holds no provisional months: there is nothing to confirm.", again.Error, StringComparison.Ordinal);

            var undone = await Cli.RunAsync("import", "undo", id, "--db", store.DbArgument);
            Assert.Equal(0, undone.ExitCode);
            Assert.Equal($"Undid import run {id} (data.police.uk files): the figures it replaced are back and those it added are removed.", undone.Lines[0]);
            Assert.Contains("12 months to March 2024", await RollingAsync(store), StringComparison.Ordinal);
            var after = await Cli.RunAsync("import", "runs", "--format", "csv", "--db", store.DbArgument);
            Assert.Contains(",4,undone,", Assert.Single(after.Lines, l => l.StartsWith(id + ",", StringComparison.Ordinal)), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task TinyAprilImportedTwice_TheSecondRunHoldsTheMonth_TheFirstsHoldEndsAudited(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await Cli.DemoAsync(store);
        var folder = Directory.CreateTempSubdirectory("scrutineer-cli-runs-").FullName;
        try
        {
            var path = await TinyAprilAsync(folder);

            var first = await Cli.RunAsync("import", "police-uk", path, "--db", store.DbArgument);
            var second = await Cli.RunAsync("import", "police-uk", path, "--db", store.DbArgument);

            Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
            var (firstId, secondId) = (RunId(first), RunId(second));
            var runs = await Cli.RunAsync("import", "runs", "--format", "csv", "--db", store.DbArgument);
            Assert.Contains(",4,completed,", Assert.Single(runs.Lines, l => l.StartsWith(firstId + ",", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.Contains(",4,provisional,", Assert.Single(runs.Lines, l => l.StartsWith(secondId + ",", StringComparison.Ordinal)), StringComparison.Ordinal);
            await using var db = store.Open();
            var ended = await db.ImportRunMonths.Where(m => m.RunId == long.Parse(firstId)).ToListAsync();
            Assert.NotEmpty(ended);
            Assert.All(ended, m => Assert.Equal((MonthHold.Replaced, long.Parse(secondId)), (m.Hold, m.ReplacedByRunId)));
            var audited = await db.AuditEntries.Where(e => e.Entity == "ImportRunMonths" && e.Action == AuditAction.Modified).ToListAsync();
            Assert.Equal(ended.Select(m => "Id=" + m.Id).Order(), audited.Select(e => e.Key).Order());
            Assert.All(audited, e => Assert.Equal($"{{\"Hold\":{{\"before\":\"Held\",\"after\":\"Replaced\"}},\"ReplacedByRunId\":{{\"before\":null,\"after\":\"{secondId}\"}}}}", e.Changes));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ThreeImportsAtOnce_OfANewForce_EachSucceeds_AndTheFiguresAreOneImportsWorth(StoreProvider provider)
    {
        // Each import would add the same new force and measures; one at a time (SQLite's write lock, PostgreSQL's
        // advisory lock), the later ones find them instead of failing on their unique names.
        await using var store = await TestStore.CreateAsync(provider);
        var folder = Directory.CreateTempSubdirectory("scrutineer-cli-race-").FullName;
        try
        {
            for (var m = 1; m <= 12; m++)
            {
                var month = $"2023-{m:00}";
                var csv = new StringBuilder(StreetHeader + "\n");
                foreach (var type in new[] { "Burglary", "Robbery", "Shoplifting", "Vehicle crime", "Anti-social behaviour" })
                {
                    csv.Append($",{month},Kent Police,Kent Police,0.5,51.2,On or near A Road,E01024000,Maidstone 001A,{type},,\n");
                }

                await File.WriteAllTextAsync(Path.Combine(folder, $"{month}-kent-street.csv"), csv.ToString());
            }

            var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Cli.RunAsync("import", "police-uk", folder, "--db", store.DbArgument))));

            Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Error));
            Assert.All(runs, r => Assert.StartsWith("Imported 60 rows from 12 files in ", r.Lines[0], StringComparison.Ordinal));
            Assert.All(runs, r => Assert.EndsWith(": Kent Police, 2023-01 to 2023-12 (12 force-months, 72 observations).", r.Lines[0], StringComparison.Ordinal));
            await using var db = store.Open();
            Assert.Equal(["Kent Police"], await db.Areas.Select(a => a.Name).ToListAsync());
            Assert.Equal(6, await db.Measures.CountAsync());
            Assert.Equal(72, await db.Observations.CountAsync());
            Assert.Equal(3, await db.ImportRuns.CountAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>April 2024 for Essex with three burglaries and one anti-social behaviour: far below the demo's months, so held.</summary>
    private static async Task<string> TinyAprilAsync(string folder)
    {
        var path = Path.Combine(folder, "2024-04-essex-street.csv");
        var csv = new StringBuilder(StreetHeader + "\n");
        for (var i = 0; i < 3; i++)
        {
            csv.Append($"b{i},2024-04,Essex Police,Essex Police,0.5,51.7,On or near High Street,E01021300,Basildon 001A,Burglary,Under investigation,\n");
        }

        csv.Append(",2024-04,Essex Police,Essex Police,0.5,51.7,On or near High Street,E01021300,Basildon 001A,Anti-social behaviour,,\n");
        await File.WriteAllTextAsync(path, csv.ToString());
        return path;
    }

    private static string RunId(CliRun result) =>
        Assert.Single(result.Lines, l => l.StartsWith("Recorded as import run ", StringComparison.Ordinal))["Recorded as import run ".Length..^1];

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Undo_LaterImportTouchedTheSameFigures_Exit1NamingIt(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var folder = Directory.CreateTempSubdirectory("scrutineer-cli-runs-").FullName;
        try
        {
            var first = Path.Combine(folder, "first.csv");
            var later = Path.Combine(folder, "later.csv");
            await File.WriteAllTextAsync(first, "measure,area,period,value\nHate crime,Essex Police,2024-03,270\n");
            await File.WriteAllTextAsync(later, "measure,area,period,value\nHate crime,Essex Police,2024-03,275\n");
            Assert.Equal(0, (await Cli.RunAsync("import", "measures", first, "--db", store.DbArgument)).ExitCode);
            Assert.Equal(0, (await Cli.RunAsync("import", "measures", later, "--db", store.DbArgument)).ExitCode);

            var refused = await Cli.RunAsync("import", "undo", "1", "--db", store.DbArgument);

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("Import run 1 cannot be undone: import run 2 (measure observations, ", refused.Error, StringComparison.Ordinal);
            Assert.Contains("changed the same figures afterwards (2024-03). Undo run 2 first, then run 1.", refused.Error, StringComparison.Ordinal);
            Assert.Equal(0, (await Cli.RunAsync("import", "undo", "2", "--db", store.DbArgument)).ExitCode);
            Assert.Equal(0, (await Cli.RunAsync("import", "undo", "1", "--db", store.DbArgument)).ExitCode);
            var runs = await Cli.RunAsync("import", "runs", "--format", "csv", "--db", store.DbArgument);
            Assert.Equal(3, runs.Lines.Length);
            Assert.All(runs.Lines.Skip(1), l => Assert.Contains(",measures,", l, StringComparison.Ordinal));
            Assert.All(runs.Lines.Skip(1), l => Assert.Contains(",1,undone,", l, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> RollingAsync(TestStore store)
    {
        var run = await Cli.RunAsync("insights", "rolling12", "--measure", "All crime", "--area", "Essex Police", "--db", store.DbArgument);
        Assert.True(run.ExitCode == 0, run.Error);
        return run.Out;
    }
}
