using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Performance;

public sealed class PoliceUkImportTests
{
    private const string Mapping = """
        lsoa,district,lpa,force
        Basildon,Basildon,South,Essex Police
        Colchester,Colchester,North,Essex Police
        """;

    private static async Task MapAsync(TestStore store, StreetFiles files)
    {
        var path = Path.Combine(files.Folder, "areas.csv");
        await File.WriteAllTextAsync(path, Mapping);
        await using var db = store.Open();
        await new AreaMappingImport(db).ImportAsync(path);
    }

    private static async Task<long> ValueAsync(TestStore store, string measure, string area, string month)
    {
        await using var db = store.Open();
        var period = ReportingMonth.Parse(month);
        return (long)await db.Observations.Where(o => o.Measure.Name == measure && o.Area.Name == area && o.Period == period).Select(o => o.Value).SingleAsync();
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_Folder_CountsEveryRowForForceAndMappedAreas(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        using var files = new StreetFiles();
        await MapAsync(store, files);
        files.WriteMonths("2023-01", 2, i => 3 + i);

        await using (var db = store.Open())
        {
            var result = await new PoliceUkImport(db).ImportAsync([files.Folder]);
            Assert.Equal(2, result.Files);
            Assert.Equal((3 + 6 + 2) + (4 + 8 + 2), result.Rows);
            Assert.Equal(4, result.RowsOutsideMappedDistricts);
        }

        Assert.Equal(4, await ValueAsync(store, "Burglary", "Basildon", "2023-02"));
        Assert.Equal(4, await ValueAsync(store, "Burglary", "South", "2023-02"));
        Assert.Equal(4, await ValueAsync(store, "Burglary", "Essex Police", "2023-02"));
        Assert.Equal(0, await ValueAsync(store, "Burglary", "North", "2023-02"));
        // The repeated Crime ID counts twice, the empty Crime IDs (ASB) once each.
        Assert.Equal(2, await ValueAsync(store, "Robbery", "Essex Police", "2023-02"));
        Assert.Equal(8, await ValueAsync(store, "Anti-social behaviour", "Colchester", "2023-02"));
        // All crime excludes anti-social behaviour; the Babergh robberies count for the force only.
        Assert.Equal(6, await ValueAsync(store, PoliceUkImport.AllCrime, "Essex Police", "2023-02"));
        Assert.Equal(4, await ValueAsync(store, PoliceUkImport.AllCrime, "South", "2023-02"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_MonthAnotherSourceWrote_PublishedRowsReplaceIt(StoreProvider provider)
    {
        await using var earlier = await TestStore.CreateAsync(provider);
        await using var fresh = await TestStore.CreateAsync(StoreProvider.Sqlite);
        using var files = new StreetFiles();
        files.WriteMonths("2023-01", 1, _ => 5);
        var tidy = Path.Combine(files.Folder, "tidy.csv");
        await File.WriteAllTextAsync(tidy, "measure,area,period,value\nAll crime,Essex Police,2023-01,999\nAnti-social behaviour,Essex Police,2023-01,777\n");
        await using (var db = earlier.Open())
        {
            await new MeasuresImport(db).ImportAsync(tidy);
        }

        foreach (var store in new[] { earlier, fresh })
        {
            await using var db = store.Open();
            await new PoliceUkImport(db).ImportAsync([Path.Combine(files.Folder, "2023-01")]);
        }

        Assert.Equal(await ValueAsync(fresh, PoliceUkImport.AllCrime, "Essex Police", "2023-01"), await ValueAsync(earlier, PoliceUkImport.AllCrime, "Essex Police", "2023-01"));
        Assert.Equal(await ValueAsync(fresh, "Anti-social behaviour", "Essex Police", "2023-01"), await ValueAsync(earlier, "Anti-social behaviour", "Essex Police", "2023-01"));
        Assert.NotEqual(999, await ValueAsync(earlier, PoliceUkImport.AllCrime, "Essex Police", "2023-01"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_SameMonthAgain_ReplacesNotAdds(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        using var files = new StreetFiles();
        files.WriteMonths("2023-01", 1, _ => 5);
        await using (var db = store.Open())
        {
            await new PoliceUkImport(db).ImportAsync([files.Folder]);
        }

        files.WriteMonths("2023-01", 1, _ => 2);
        await using (var db = store.Open())
        {
            await new PoliceUkImport(db).ImportAsync([files.Folder]);
        }

        Assert.Equal(2, await ValueAsync(store, "Burglary", "Essex Police", "2023-01"));
        await using var check = store.Open();
        Assert.Equal(1, await check.Observations.CountAsync(o => o.Measure.Name == "Burglary"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_BadRow_FileLineAndNothingWritten(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        using var files = new StreetFiles();
        files.WriteMonths("2023-01", 1, _ => 3);
        var bad = files.Write("2023-02", [("Burglary", "E01021300", "Basildon 001A", "x")]);
        await File.AppendAllTextAsync(bad, "y,2023-13,Essex Police,Essex Police,0.5,51.7,On or near X,E01021300,Basildon 001A,Burglary,,\n");

        await using var db = store.Open();
        var ex = await Assert.ThrowsAsync<ImportException>(() => new PoliceUkImport(db).ImportAsync([files.Folder]));

        Assert.Equal(bad, ex.File);
        Assert.Equal(3, ex.Line);
        Assert.Contains("'2023-13' is not a month", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Observations.CountAsync());
        Assert.Equal(0, await db.Measures.CountAsync());
    }

    [Fact]
    public async Task ImportAsync_PostgreSqlFailsAfterTheCopy_NothingWritten()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        using var files = new StreetFiles();
        files.WriteMonths("2023-01", 2, _ => 3);
        await using var db = store.Open();
        // The run's changes are copied after the observations: refusing them, the store counts what the copy wrote so far.
        await db.Database.ExecuteSqlRawAsync("""
            CREATE FUNCTION refuse_changes() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'refused after % observations', (SELECT count(*) FROM "Observations"); END $$;
            CREATE TRIGGER refuse_changes BEFORE INSERT ON "ImportRunChanges" FOR EACH ROW EXECUTE FUNCTION refuse_changes();
            """);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => new PoliceUkImport(db).ImportAsync([files.Folder]));

        Assert.Contains("refused after 8 observations", error.ToString(), StringComparison.Ordinal);
        await using var check = store.Open();
        Assert.Equal(0, await check.Observations.CountAsync());
        Assert.Equal(0, await check.ImportRuns.CountAsync());
        Assert.Equal(0, await check.Measures.CountAsync());
    }

    [Fact]
    public async Task ImportAsync_QuotedFieldsAndCrLf_ParsedAsCsv()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        using var files = new StreetFiles();
        var path = Path.Combine(files.Folder, "2023-05-kent-street.csv");
        await File.WriteAllTextAsync(path,
            StreetFiles.Header + "\r\n"
            + "a,2023-05,Kent Police,Kent Police,,,\"On or near \"\"The Lane\"\", Ash\",E01024001,Dover 001A,\"Burglary\",,\"two\nlines\"\r\n"
            + "b,2023-05,Kent Police,Kent Police,,,No location,,,Robbery,,\r\n"
            + "c,2023-05,Kent Police,Kent Police,,,No location,,,Robbery,,");
        await using var db = store.Open();

        var result = await new PoliceUkImport(db).ImportAsync([path]);

        Assert.Equal(3, result.Rows);
        Assert.Equal(["Kent Police"], result.Forces);
        Assert.Equal(2, await ValueAsync(store, "Robbery", "Kent Police", "2023-05"));
        Assert.Equal(3, await ValueAsync(store, PoliceUkImport.AllCrime, "Kent Police", "2023-05"));
    }

    [Fact]
    public async Task ImportAsync_WrongFieldCount_SaysWhichLine()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        using var files = new StreetFiles();
        var path = Path.Combine(files.Folder, "2023-05-kent-street.csv");
        await File.WriteAllTextAsync(path, StreetFiles.Header + "\na,2023-05,Kent Police,Kent Police,,,x,,,Robbery,,\nb,2023-05,Kent Police\n");
        await using var db = store.Open();

        var ex = await Assert.ThrowsAsync<ImportException>(() => new PoliceUkImport(db).ImportAsync([path]));

        Assert.Equal($"{path}:3: expected 12 fields as in the header, found 3.", ex.Message);
    }

    [Fact]
    public async Task ImportAsync_NotPoliceUkFile_SaysSo()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        using var files = new StreetFiles();
        var path = Path.Combine(files.Folder, "2023-05-kent-street.csv");
        await File.WriteAllTextAsync(path, "a,b,c\n1,2,3\n");
        await using var db = store.Open();

        var ex = await Assert.ThrowsAsync<ImportException>(() => new PoliceUkImport(db).ImportAsync([path]));

        Assert.Contains(":1: not a data.police.uk", ex.Message, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public async Task ImportAsync_RealCityOfLondonFiles_Rolling12MatchesHandCount()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var folder = SharedData.Path("data", "police-uk");
        var months = Enumerable.Range(0, 24).Select(i => new ReportingMonth(2018, 4).Plus(i)).ToList();
        var files = months.Select(m => Path.Combine(folder, m.ToString(), $"{m}-city-of-london-street.csv")).ToList();

        // The analyst's count: every row of each file, anti-social behaviour excluded.
        long HandCount(IEnumerable<string> paths, string? type) => paths.Sum(p => File.ReadLines(p).Skip(1)
            .Count(l => type is null ? !l.Contains(",Anti-social behaviour,", StringComparison.Ordinal) : l.Contains($",{type},", StringComparison.Ordinal)));

        await using var db = store.Open();
        await new PoliceUkImport(db).ImportAsync(files);
        var rows = (await new PerformanceQueries(db).Rolling12Async(new ReportingMonth(2020, 3), area: "City of London Police")).Rows;

        var all = rows.Single(r => r.Measure == PoliceUkImport.AllCrime);
        Assert.Equal(HandCount(files[..12], null), all.Previous12Months);
        Assert.Equal(HandCount(files[12..], null), all.Latest12Months);
        var robbery = rows.Single(r => r.Measure == "Robbery");
        Assert.Equal(HandCount(files[12..], "Robbery"), robbery.Latest12Months);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.Verdict)));
    }

    [Fact]
    public async Task ImportAsync_StoreSlowToOpen_ReadingWaitsAfterAFewFiles_ThenImportsEveryRow()
    {
        // The files are read while the store opens; held unmerged, they would grow memory with the archive, so past a
        // few files the reading waits for the store.
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        using var files = new StreetFiles();
        await MapAsync(store, files);
        files.WriteMonths("2020-01", 60, i => 1 + (i % 3));
        var opening = new TaskCompletionSource<StoreWriter>(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new MostFilesRead();

        var importing = PoliceUkImport.ImportAsync(opening.Task, [files.Folder], progress);
        for (var waited = 0; waited < 100 && progress.Most < 16; waited++)
        {
            await Task.Delay(20);
        }

        await Task.Delay(300);
        var readBeforeTheStoreOpened = progress.Most;
        await using var writer = (await StoreWriter.OpenAsync(store.Location))!;
        opening.SetResult(writer);
        var result = await importing;

        Assert.InRange(readBeforeTheStoreOpened, 16, 16 + Environment.ProcessorCount);
        Assert.Equal(60, result.Files);
        Assert.Equal(Enumerable.Range(0, 60).Sum(i => 3 * (1 + (i % 3)) + 2), result.Rows);
        Assert.Equal(60, result.Months);
    }

    /// <summary>The most files a report said were read, told at once (not through a synchronisation context).</summary>
    private sealed class MostFilesRead : IProgress<ImportProgress>
    {
        private int most;

        public int Most => Volatile.Read(ref most);

        public void Report(ImportProgress value)
        {
            int seen;
            do
            {
                seen = most;
            }
            while (value.FilesRead > seen && Interlocked.CompareExchange(ref most, value.FilesRead, seen) != seen);
        }
    }
}
