using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Application.Demo;
using Scrutineer.Application.Imports;
using Scrutineer.Application.Performance;
using Scrutineer.Application.Tests.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Testing;
using Scrutineer.Domain.Imports;

namespace Scrutineer.Application.Tests.Imports;

/// <summary>Import runs on the demo force's ten years of monthly data: recorded, held when implausible, confirmed and undone exactly.</summary>
public sealed class ImportRunsTests
{
    private static readonly ReportingMonth March = new(2024, 3);
    private static readonly ReportingMonth April = new(2024, 4);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task PoliceUk_TinyMonthAgainstDemoHistory_RecordedAndHeldWithItsReason(StoreProvider provider)
    {
        await using var store = await DemoStoreAsync(provider);
        using var files = new StreetFiles();
        var path = WriteTinyApril(files, burglaries: 3);
        var clock = new TestClock(new DateTimeOffset(2024, 5, 2, 9, 30, 0, TimeSpan.Zero));

        PoliceUkImportResult result;
        using (AuditContext.Begin("cli:tester", clock))
        await using (var db = store.Open())
        {
            result = await new PoliceUkImport(db).ImportAsync([path]);
        }

        var held = Assert.Single(result.Run.Held);
        Assert.Equal(April, held.Month);
        Assert.StartsWith("April 2024: All crime in Essex Police is 3, against ", held.Reason, StringComparison.Ordinal);
        Assert.Contains("in the 24 months before", held.Reason, StringComparison.Ordinal);

        await using (var db = store.Open())
        {
            var run = Assert.Single(await ImportRuns.ListAsync(db));
            Assert.Equal(result.Run.Id, run.Id);
            Assert.Equal(ImportRunKind.PoliceUk, run.Kind);
            Assert.Equal("cli:tester", run.By);
            Assert.Equal(clock.GetUtcNow(), run.Started);
            var file = Assert.Single(run.Files);
            Assert.Equal("2024-04-essex-street.csv", file.Name);
            Assert.Equal(new FileInfo(path).Length, file.Bytes);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))), file.Sha256);
            Assert.Equal(4, run.Rows);
            Assert.Equal(ImportRunStatus.Provisional, run.Status);
            Assert.Equal(held.Reason, Assert.Single(run.Held).Reason);
            Assert.StartsWith("1 month × 3 measures × 14 areas: 42 figures written (0 replacing one held before, 42 new)", run.Wrote, StringComparison.Ordinal);

            var allCrime = await db.Measures.SingleAsync(m => m.Name == PoliceUkImport.AllCrime);
            var month = await db.ImportRunMonths.SingleAsync(m => m.RunId == run.Id && m.MeasureId == allCrime.Id);
            Assert.Equal((null, 3m, MonthHold.Held), (month.Before, month.After, month.Hold));

            // Held: left out of every reader, and out of the latest month.
            Assert.Equal(March, await LatestMonth.ConfirmedAsync(db));
            Assert.False(await db.Observations.AnyAsync(o => o.Period == April && o.Kind == PeriodKind.Month));
            Assert.Equal(42, await db.Observations.IgnoreQueryFilters().CountAsync(o => o.Period == April && o.Kind == PeriodKind.Month));
            var rolling = await new PerformanceQueries(db).Rolling12Async((await LatestMonth.ConfirmedAsync(db))!.Value, PoliceUkImport.AllCrime, DemoPerformanceData.Force);
            Assert.Equal(March, Assert.Single(rolling.Rows).Result.To);

            var entry = await db.AuditEntries.SingleAsync(e => e.Entity == "ImportRuns" && e.Action == AuditAction.Added);
            Assert.Equal("cli:tester", entry.Actor);
        }

        using (AuditContext.Begin("cli:analyst", clock))
        await using (var db = store.Open())
        {
            var confirmed = await ImportRuns.ConfirmAsync(db, result.Run.Id);
            Assert.Equal(ImportRunStatus.Completed, confirmed.Status);
        }

        await using (var db = store.Open())
        {
            Assert.Equal(April, await LatestMonth.ConfirmedAsync(db));
            Assert.Contains(await db.AuditEntries.Where(e => e.Entity == "ImportRunMonths" && e.Action == AuditAction.Modified).ToListAsync(),
                e => e.Actor == "cli:analyst" && e.Changes.Contains("Confirmed", StringComparison.Ordinal));
            var again = await Assert.ThrowsAsync<DomainException>(() => ImportRuns.ConfirmAsync(db, result.Run.Id));
            Assert.Equal($"Import run {result.Run.Id} holds no provisional months: there is nothing to confirm.", again.Message);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Measures_MonthLikeItsHistory_NotHeld(StoreProvider provider)
    {
        await using var store = await DemoStoreAsync(provider);
        using var files = new StreetFiles();
        await using var db = store.Open();
        var march = await db.Observations.Where(o => o.Measure.Name == PoliceUkImport.AllCrime && o.Period == March && o.Kind == PeriodKind.Month)
            .Select(o => new { Area = o.Area.Name, o.Value }).ToListAsync();
        var path = Path.Combine(files.Folder, "april.csv");
        await File.WriteAllTextAsync(path, "measure,area,period,value\n" + string.Concat(march.Select(m => $"All crime,{m.Area},2024-04,{m.Value:0}\n")));

        var result = await new MeasuresImport(db).ImportAsync(path);

        Assert.Equal(14, march.Count);
        Assert.Empty(result.Run.Held);
        Assert.Equal(April, await LatestMonth.ConfirmedAsync(db));
        Assert.Equal(ImportRunStatus.Completed, (await ImportRuns.FindAsync(db, result.Run.Id)).Status);
    }

    [Theory]
    [InlineData("148,151,137", null)]                 // a rise the next two months sustain: a change in the series
    [InlineData("148,80,75", "May 2025")]             // a rise that falls back: a faulty month
    [InlineData("148,151", "May 2025")]               // a rise with one month after it: not yet sustained
    [InlineData("148", "May 2025")]                   // a rise in the last month imported
    [InlineData("5,6,4", "May 2025")]                 // a fall, however long it lasts: missing data can last months
    public async Task Measures_ARiseTheNextTwoMonthsSustain_NotHeld_ButAFallOrAnUnsustainedRiseIs(string fromMay, string? held)
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        using var files = new StreetFiles();
        var areas = Path.Combine(files.Folder, "areas.csv");
        await File.WriteAllTextAsync(areas, "lsoa,district,lpa,force\nB,Kent district,,Kent Police\n");
        using (AuditContext.Begin("cli:tester", Clock()))
        await using (var db = store.Open())
        {
            await new AreaMappingImport(db).ImportAsync(areas);
        }

        // Two years between 55 and 97, then the months from May 2025.
        var history = Enumerable.Range(0, 24).Select(i => $"Robbery,Kent Police,{new ReportingMonth(2023, 5).Plus(i)},{55 + (i * 7 % 43)}");
        var recent = fromMay.Split(',').Select((v, i) => $"Robbery,Kent Police,{new ReportingMonth(2025, 5).Plus(i)},{v}");
        var run = await ImportMeasuresAsync(store, files, "robbery.csv", "measure,area,period,value\n" + string.Join('\n', history.Concat(recent)));

        if (held is null)
        {
            Assert.Empty(run.Held);
        }
        else
        {
            var month = Assert.Single(run.Held);
            Assert.StartsWith(held + ": Robbery in Kent Police is ", month.Reason, StringComparison.Ordinal);
            Assert.Contains("against 55 to 97 in the 24 months before", month.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Undo_CorrectedReImports_RestoreEveryObservationExactly(StoreProvider provider)
    {
        await using var store = await DemoStoreAsync(provider);
        using var files = new StreetFiles();
        var original = await AllObservationsAsync(store);

        // Measures: a first file replacing March figures (a count and a rate) and adding an area, then a corrected one.
        var first = await ImportMeasuresAsync(store, files, "first.csv", """
            measure,area,period,value,numerator,denominator
            All crime,Essex Police,2024-03,14000,,
            999 calls answered within 10 seconds,Essex Police,2024-03,,901,1000
            All crime,Test Ward,2024-03,12,,
            """);
        var afterFirst = await AllObservationsAsync(store);
        var corrected = await ImportMeasuresAsync(store, files, "corrected.csv", """
            measure,area,period,value,numerator,denominator
            All crime,Essex Police,2024-03,14100,,
            999 calls answered within 10 seconds,Essex Police,2024-03,,911,1000
            All crime,Test Ward,2024-03,13,,
            Burglary,Test Ward,2024-02,2,,
            """);
        Assert.NotEqual(afterFirst, await AllObservationsAsync(store));

        // data.police.uk: a tiny April (held), then a corrected April (held too, and the first one's hold ends).
        var tiny = await ImportStreetAsync(store, WriteTinyApril(files, burglaries: 3));
        var afterTiny = await AllObservationsAsync(store);
        var fixedApril = await ImportStreetAsync(store, WriteTinyApril(files, burglaries: 5));
        await using (var db = store.Open())
        {
            Assert.Equal(ImportRunStatus.Completed, (await ImportRuns.FindAsync(db, tiny.Id)).Status);
        }

        await UndoAsync(store, fixedApril.Id);
        Assert.Equal(afterTiny, await AllObservationsAsync(store));
        await using (var db = store.Open())
        {
            Assert.Equal(ImportRunStatus.Provisional, (await ImportRuns.FindAsync(db, tiny.Id)).Status);
            Assert.Equal(ImportRunStatus.Undone, (await ImportRuns.FindAsync(db, fixedApril.Id)).Status);
        }

        await UndoAsync(store, tiny.Id);
        await UndoAsync(store, corrected.Id);
        Assert.Equal(afterFirst, await AllObservationsAsync(store));
        await UndoAsync(store, first.Id);
        Assert.Equal(original, await AllObservationsAsync(store));

        await using (var read = store.Open())
        {
            Assert.Equal(March, await LatestMonth.ConfirmedAsync(read));
            Assert.All(await ImportRuns.ListAsync(read), r => Assert.Equal(ImportRunStatus.Undone, r.Status));
            Assert.Equal(4, await read.AuditEntries.CountAsync(e => e.Entity == "ImportRuns" && e.Action == AuditAction.Modified && e.Actor == "cli:undoer"));
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Undo_LaterRunTouchedTheSameFigures_RefusedNamingIt(StoreProvider provider)
    {
        await using var store = await DemoStoreAsync(provider);
        using var files = new StreetFiles();
        var before = await AllObservationsAsync(store);
        var first = await ImportMeasuresAsync(store, files, "first.csv", "measure,area,period,value\nAll crime,Essex Police,2024-03,14000\nAll crime,North,2024-02,5000\n");
        var later = await ImportMeasuresAsync(store, files, "later.csv", "measure,area,period,value\nAll crime,North,2024-02,5100\n");
        var afterLater = await AllObservationsAsync(store);

        await using (var db = store.Open())
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => ImportRunUndo.UndoAsync(db, first.Id));
            Assert.Equal($"Import run {first.Id} cannot be undone: import run {later.Id} (measure observations, 2 May 2024 10:30 by cli:tester) changed the same figures "
                + $"afterwards (2024-02). Undo run {later.Id} first, then run {first.Id}.", refused.Message);
        }

        Assert.Equal(afterLater, await AllObservationsAsync(store));
        await UndoAsync(store, later.Id);
        await UndoAsync(store, first.Id);
        Assert.Equal(before, await AllObservationsAsync(store));

        await using (var db = store.Open())
        {
            var twice = await Assert.ThrowsAsync<DomainException>(() => ImportRunUndo.UndoAsync(db, first.Id));
            Assert.StartsWith($"Import run {first.Id} was already undone on 2 May 2024 10:30 by cli:undoer.", twice.Message, StringComparison.Ordinal);
            var missing = await Assert.ThrowsAsync<DomainException>(() => ImportRunUndo.UndoAsync(db, 999));
            Assert.Equal("There is no import run 999: 'scrutineer import runs' lists them.", missing.Message);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Undo_RunThatWroteNoFigures_RefusedWithWhatToDo(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        using var files = new StreetFiles();
        var path = Path.Combine(files.Folder, "areas.csv");
        await File.WriteAllTextAsync(path, "lsoa,district,lpa,force\nBasildon,Basildon,South,Essex Police\n");
        await using var db = store.Open();
        await new AreaMappingImport(db).ImportAsync(path);
        var run = Assert.Single(await ImportRuns.ListAsync(db));
        Assert.Equal((ImportRunKind.Areas, 1L, ImportRunStatus.Completed), (run.Kind, run.Rows, run.Status));

        var refused = await Assert.ThrowsAsync<DomainException>(() => ImportRunUndo.UndoAsync(db, run.Id));

        Assert.Equal($"Import run {run.Id} imported the area hierarchy, not figures: only imports of data.police.uk files and measure observations can be undone. "
            + "Correct the data and import it again.", refused.Message);
    }

    /// <summary>A store holding the demo force's areas, measures and ten years of monthly data to March 2024.</summary>
    internal static async Task<TestStore> DemoStoreAsync(StoreProvider provider)
    {
        var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await DemoPerformanceData.AddAsync(db, new DemoSettings(DemoSettings.DemoToday, null, _ => { }), CancellationToken.None);
        await transaction.CommitAsync();
        return store;
    }

    /// <summary>The 4-row April file of the demo: <paramref name="burglaries"/> burglaries and one anti-social behaviour in Basildon.</summary>
    internal static string WriteTinyApril(StreetFiles files, int burglaries) =>
        files.Write("2024-04", Enumerable.Range(0, burglaries).Select(i => ("Burglary", "E01021300", "Basildon 001A", $"b{i}"))
            .Append(("Anti-social behaviour", "E01021300", "Basildon 001A", "")));

    private static TestClock Clock() => new(new DateTimeOffset(2024, 5, 2, 9, 30, 0, TimeSpan.Zero));

    private static async Task<RecordedRun> ImportMeasuresAsync(TestStore store, StreetFiles files, string name, string csv)
    {
        var path = Path.Combine(files.Folder, name);
        await File.WriteAllTextAsync(path, csv.Replace("\r", "", StringComparison.Ordinal));
        using var actor = AuditContext.Begin("cli:tester", Clock());
        await using var db = store.Open();
        return (await new MeasuresImport(db).ImportAsync(path)).Run;
    }

    private static async Task<RecordedRun> ImportStreetAsync(TestStore store, string path)
    {
        using var actor = AuditContext.Begin("cli:tester", Clock());
        await using var db = store.Open();
        return (await new PoliceUkImport(db).ImportAsync([path])).Run;
    }

    private static async Task UndoAsync(TestStore store, long run)
    {
        using var actor = AuditContext.Begin("cli:undoer", Clock());
        await using var db = store.Open();
        var undone = await ImportRunUndo.UndoAsync(db, run);
        Assert.Equal(ImportRunStatus.Undone, undone.Status);
    }

    /// <summary>Every observation, held or not, as text: key, value, numerator and denominator.</summary>
    internal static async Task<List<string>> AllObservationsAsync(TestStore store)
    {
        await using var db = store.Open();
        var rows = await db.Observations.IgnoreQueryFilters().AsNoTracking()
            .Select(o => new { o.MeasureId, o.AreaId, o.Kind, o.Period, o.Value, o.Numerator, o.Denominator }).ToListAsync();
        return rows.Select(o => $"{o.MeasureId}|{o.AreaId}|{o.Kind}|{o.Period}|{o.Value:0.0000}|{o.Numerator:0.0000}|{o.Denominator:0.0000}").Order(StringComparer.Ordinal).ToList();
    }
}
