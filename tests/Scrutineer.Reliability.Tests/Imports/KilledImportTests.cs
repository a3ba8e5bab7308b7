using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Reliability.Tests.Fuzzing;
using Scrutineer.Testing;
using Xunit.Abstractions;

namespace Scrutineer.Reliability.Tests.Imports;

/// <summary>
/// A data.police.uk import run as its own process (the real <c>scrutineer</c> command line) and killed (SIGKILL) while its
/// write transaction is open and inserting observations leaves the store exactly as it was (every table's row count and
/// the highest audit id), the store opens with its whole schema, and the same import run again completes with the
/// expected figures. When an import finishes before it can be caught mid-way, the input is made bigger and the test
/// tries again on a fresh store: it never passes without having killed an import mid-way.
/// </summary>
public sealed class KilledImportTests(ITestOutputHelper output)
{
    private const int Districts = 200;
    private const int LocalPolicingAreas = 4;
    private const int RowsPerMonth = 10;
    private static readonly string[] CrimeTypes = ["Burglary", "Robbery", "Vehicle crime", "Shoplifting", "Anti-social behaviour"];

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task PoliceUkImport_KilledMidWrite_StoreAsItWasAndRerunCompletes(StoreProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "scrutineer-tests", "killed-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            for (var months = 60; ; months *= 2)
            {
                Assert.True(months <= 960, "every import finished before it could be killed mid-way, even with 960 months");
                await using var store = await TestStore.CreateAsync(provider);
                await MapAreasAsync(store, folder);
                var file = Path.Combine(folder, "2014-04-essex-street.csv");
                await File.WriteAllTextAsync(file, StreetFile(months));
                var before = await StoreFingerprint.TakeAsync(store);
                if (provider == StoreProvider.Sqlite)
                {
                    await using var db = store.Open();
                    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
                }

                var watch = Stopwatch.StartNew();
                var (killed, stage) = await RunAndKillMidWriteAsync(store, file);
                if (!killed)
                {
                    output.WriteLine($"{months} months: the import finished in {watch.Elapsed.TotalSeconds:0.0} s before it was caught mid-way; trying a bigger file");
                    continue;
                }

                output.WriteLine($"{months} months: killed after {watch.Elapsed.TotalSeconds:0.0} s, {stage}");

                Assert.Equal(before, await StoreFingerprint.TakeAsync(store));
                await using (var db = store.Open())
                {
                    Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                    Assert.Equal(db.Database.GetMigrations(), await StoreSchema.AppliedAsync(db));
                    if (provider == StoreProvider.Sqlite)
                    {
                        Assert.Equal("ok", await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync() is [var result] ? result : "several results");
                    }
                }

                watch.Restart();
                var rerun = await RunAsync(store, file);
                output.WriteLine($"re-run: exit {rerun.ExitCode} in {watch.Elapsed.TotalSeconds:0.0} s: {rerun.Out.Trim()}");

                Assert.True(rerun.ExitCode == 0, rerun.Error);
                var rows = months * RowsPerMonth;
                Assert.Contains($"Imported {rows.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} rows from 1 file", rerun.Out, StringComparison.Ordinal);
                await using (var db = store.Open())
                {
                    var areas = 1 + LocalPolicingAreas + Districts;
                    Assert.Equal(months * (CrimeTypes.Length + 1) * areas, await db.Observations.CountAsync());
                    var essex = await db.Areas.SingleAsync(a => a.Name == "Essex Police");
                    var allCrime = await db.Measures.SingleAsync(m => m.Name == PoliceUkImport.AllCrime);
                    var burglary = await db.Measures.SingleAsync(m => m.Name == "Burglary");
                    var antiSocial = await db.Measures.SingleAsync(m => m.Name == PoliceUkImport.AntiSocialBehaviour);
                    var atForce = await db.Observations.Where(o => o.AreaId == essex.Id).Select(o => new { o.MeasureId, o.Value }).ToListAsync();
                    Assert.Equal(rows - (rows / CrimeTypes.Length), atForce.Where(o => o.MeasureId == allCrime.Id).Sum(o => o.Value));
                    Assert.Equal(rows / CrimeTypes.Length, atForce.Where(o => o.MeasureId == burglary.Id).Sum(o => o.Value));
                    Assert.Equal(rows / CrimeTypes.Length, atForce.Where(o => o.MeasureId == antiSocial.Id).Sum(o => o.Value));
                }

                return;
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Starts <c>scrutineer import police-uk FILE</c> and kills it (with its process tree) once its write transaction is
    /// open and inserting: on PostgreSQL its session is seen running <c>COPY "Observations"</c> (or an <c>INSERT</c> into it)
    /// inside a transaction that has written; on SQLite it holds the write lock and its write-ahead log has grown by a megabyte. Returns false
    /// when the import finished first.
    /// </summary>
    private static async Task<(bool Killed, string Stage)> RunAndKillMidWriteAsync(TestStore store, string file)
    {
        using var process = Start(store, file);
        using var stop = new KillOnDispose(process);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!process.HasExited && !timeout.IsCancellationRequested)
        {
            var stage = await MidWriteAsync(store);
            if (stage is not null && !process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                Assert.DoesNotContain("Imported", await stdout, StringComparison.Ordinal);
                Assert.NotEqual(0, process.ExitCode);
                return (true, stage);
            }

            await Task.Delay(25);
        }

        Assert.False(timeout.IsCancellationRequested, "the import neither finished nor reached its writes in 3 minutes");
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        return (false, "");
    }

    /// <summary>What the import's process is doing in the store, when it is mid-way through writing; else null.</summary>
    private static async Task<string?> MidWriteAsync(TestStore store)
    {
        if (store.Location.Provider == StoreProvider.PostgreSql)
        {
            await using var connection = new NpgsqlConnection(store.Location.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                + "AND backend_xid IS NOT NULL AND state = 'active' "
                + "AND (query LIKE 'INSERT INTO \"Observations\"%' OR query LIKE 'COPY \"Observations\"%')", connection);
            return (long)(await command.ExecuteScalarAsync())! > 0 ? "inserting observations in an open transaction" : null;
        }

        var path = new SqliteConnectionStringBuilder(store.Location.ConnectionString).DataSource;
        var wal = new FileInfo(path + "-wal");
        if (!wal.Exists || wal.Length < (1 << 20))
        {
            return null;
        }

        await using var probe = new SqliteConnection($"Data Source={path};Pooling=False");
        await probe.OpenAsync();
        await using var begin = probe.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.CommandTimeout = 1;
        try
        {
            await begin.ExecuteNonQueryAsync();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            return $"holding the write lock with {wal.Length / (1 << 20)} MB of write-ahead log";
        }

        await using var rollback = probe.CreateCommand();
        rollback.CommandText = "ROLLBACK";
        await rollback.ExecuteNonQueryAsync();
        return null;
    }

    private static async Task<CliRun> RunAsync(TestStore store, string file)
    {
        using var process = Start(store, file);
        using var stop = new KillOnDispose(process);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Ends the process (and its children) if the test leaves before it has exited, so none is left running.</summary>
    private sealed class KillOnDispose(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
    }

    /// <summary>The built command line (scrutineer.dll beside the tests) as its own process.</summary>
    private static Process Start(TestStore store, string file)
    {
        var host = Environment.ProcessPath is { } current && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "scrutineer.dll"), "import", "police-uk", file, "--db", store.DbArgument })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("scrutineer did not start");
    }

    /// <summary>Essex Police with 4 LPAs and 200 districts, each district matching the LSOAs named after it.</summary>
    private static async Task MapAreasAsync(TestStore store, string folder)
    {
        var text = new StringBuilder("lsoa,district,lpa,force\n");
        for (var d = 0; d < Districts; d++)
        {
            text.Append(CultureInfo.InvariantCulture, $"District {d},District {d},LPA {d % LocalPolicingAreas},Essex Police\n");
        }

        var path = Path.Combine(folder, "areas.csv");
        await File.WriteAllTextAsync(path, text.ToString());
        await using var db = store.Open();
        await new AreaMappingImport(db).ImportAsync(path);
    }

    /// <summary>A street file of <paramref name="months"/> months from April 2014, ten rows a month over five crime types.</summary>
    private static string StreetFile(int months)
    {
        var text = new StringBuilder("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n");
        var n = 0;
        for (var m = 0; m < months; m++)
        {
            var month = new DateOnly(2014, 4, 1).AddMonths(m);
            for (var r = 0; r < RowsPerMonth; r++, n++)
            {
                var district = n % Districts;
                var type = CrimeTypes[n % CrimeTypes.Length];
                text.Append(CultureInfo.InvariantCulture,
                    $"{(type == "Anti-social behaviour" ? "" : n.ToString("x12", CultureInfo.InvariantCulture))},{month:yyyy-MM},Essex Police,Essex Police,0.55,51.55,On or near High Street,E01{district:000000},District {district} 001A,{type},,\n");
            }
        }

        return text.ToString();
    }
}
