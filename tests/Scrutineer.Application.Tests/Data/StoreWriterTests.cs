using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Imports;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Data;

/// <summary>
/// The writer that bulk imports use without an EF context must leave the same rows and the same audit trail as the
/// store's save: every row it adds reads back through the model with the values given, and its audit entry is the one
/// the save's rules (RowChanges) write for that row, column for column.
/// </summary>
public sealed class StoreWriterTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 2, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task AddAsync_EachKindOfRow_ReadsBackAndIsAuditedAsTheSaveAuditsIt(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        using var actor = AuditContext.Begin("cli:tester", new TestClock(Now));
        await using (var writer = (await StoreWriter.OpenAsync(store.Location))!)
        {
            await writer.BeginAsync(default);
            var area = (await writer.AddAsync("Areas", [StoreRows.Of(new Area("Essex Police", AreaLevel.Force))], default))[0];
            var measure = (await writer.AddAsync("Measures", [StoreRows.Of(new Measure("Robbery", "crimes", MeasureKind.Count, BetterDirection.Lower,
                "Robbery as \"published\" — with 'quotes' and a non-ASCII dash.", "data.police.uk street-level crime"))], default))[0];
            var run = (await writer.AddAsync("ImportRuns", [StoreRows.Of(new ImportRun(ImportRunKind.PoliceUk, Now.AddTicks(-31_234_560), "cli:tester",
                [new ImportedFile("2024-01-essex-street.csv", 1234, new string('a', 64))], 41154))], default))[0];
            await writer.AddAsync("ImportRunMonths",
            [
                StoreRows.Of(new ImportRunMonth(run, (int)measure, new ReportingMonth(2024, 1), null, 12.5m, null)),
                StoreRows.Of(new ImportRunMonth(run, (int)measure, new ReportingMonth(2024, 2), 3.5m, 1234.0001m, "Robbery fell by 90%.")),
            ], default);
            Assert.True(area > 0);
            await writer.CommitAsync(default);
        }

        await using var db = store.Open();
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(5, entries.Count);
        Assert.All(entries, e => Assert.Equal((AuditAction.Added, "cli:tester", Now), (e.Action, e.Actor, e.At)));
        Assert.Single(entries.Select(e => e.ChangeSet).Distinct());

        // Times chosen to read back exactly on both engines (PostgreSQL keeps microseconds); numbers compared as numbers
        // (PostgreSQL reads 12.5 back as 12.5000, SQLite 3 as 3.0).
        foreach (var entry in entries)
        {
            object row = entry.Entity switch
            {
                "Areas" => await db.Areas.SingleAsync(a => "Id=" + a.Id == entry.Key),
                "Measures" => await db.Measures.SingleAsync(m => "Id=" + m.Id == entry.Key),
                "ImportRuns" => await db.ImportRuns.SingleAsync(r => "Id=" + r.Id == entry.Key),
                "ImportRunMonths" => await db.ImportRunMonths.SingleAsync(m => "Id=" + m.Id == entry.Key),
                _ => throw new InvalidOperationException(entry.Entity),
            };
            Assert.Equal(Columns(RowChanges.Describe(db.Entry(row), modifiedOnly: false)!), Columns(entry.Changes));
        }

        var months = await db.ImportRunMonths.OrderBy(m => m.Period).ToListAsync();
        Assert.Equal([(null, 12.5m, MonthHold.None, null), (3.5m, 1234.0001m, MonthHold.Held, "Robbery fell by 90%.")],
            months.Select(m => (m.Before, m.After, m.Hold, m.Reason)));
        Assert.Equal(Now.AddTicks(-31_234_560), (await db.ImportRuns.SingleAsync()).Started);
    }

    /// <summary>An audit entry's columns in order, each value as text, a number as its value whatever its scale.</summary>
    private static List<(string Column, string? Before, string? After)> Columns(string changes)
    {
        static string? Text(JsonElement value) =>
            value.GetString() is { } text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                ? (number / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
                : value.GetString();
        using var json = JsonDocument.Parse(changes);
        return json.RootElement.EnumerateObject().Select(c => (c.Name, Text(c.Value.GetProperty("before")), Text(c.Value.GetProperty("after")))).ToList();
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ChangeAsync_AuditedAsTheSaveAuditsTheSameChange(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        using var actor = AuditContext.Begin("cli:tester", new TestClock(Now));
        long saved, written;
        await using (var db = store.Open())
        {
            var first = new ImportRun(ImportRunKind.Measures, Now, "cli:tester", [], 1);
            var second = new ImportRun(ImportRunKind.Measures, Now, "cli:tester", [], 1);
            db.ImportRuns.AddRange(first, second);
            await db.SaveChangesAsync();
            (saved, written) = (first.Id, second.Id);
            first.Finish("1 month × 1 measure × 1 area: 1 figure written.");
            await db.SaveChangesAsync();
        }

        await using (var writer = (await StoreWriter.OpenAsync(store.Location))!)
        {
            await writer.BeginAsync(default);
            await writer.ChangeAsync("ImportRuns", written, [("Wrote", "", "1 month × 1 measure × 1 area: 1 figure written."), ("Rows", 1L, 1L)], default);
            await writer.CommitAsync(default);
        }

        await using (var db = store.Open())
        {
            var modified = await db.AuditEntries.Where(e => e.Action == AuditAction.Modified).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(["Id=" + saved, "Id=" + written], modified.Select(e => e.Key));
            Assert.Equal(modified[0].Changes, modified[1].Changes);
            Assert.Equal("1 month × 1 measure × 1 area: 1 figure written.", (await db.ImportRuns.SingleAsync(r => r.Id == written)).Wrote);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task DisposedWithoutCommit_NothingKept_NotEvenTheAudit(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var writer = (await StoreWriter.OpenAsync(store.Location))!)
        {
            await writer.BeginAsync(default);
            await writer.AddAsync("Areas", [StoreRows.Of(new Area("Kent Police", AreaLevel.Force))], default);
        }

        await using var db = store.Open();
        Assert.Empty(await db.Areas.ToListAsync());
        Assert.Empty(await db.AuditEntries.ToListAsync());
    }

    [Fact]
    public async Task OpenedNotBegun_ReadsWhileAnotherSaveGoesThrough_WritesOnlyOnceBegun()
    {
        // An import holds its writer open while it reads its files: on SQLite a transaction would hold the store's one
        // write lock all that time, so the web's saves would wait and fail.
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var writer = (await StoreWriter.OpenAsync(store.Location))!;
        Assert.Empty(await writer.ListAsync("SELECT \"Id\" FROM \"Areas\"", r => r.GetInt32(0), default));

        await using (var db = store.Open())
        {
            db.Areas.Add(new Area("Essex Police", AreaLevel.Force));
            var saving = db.SaveChangesAsync();
            Assert.Same(saving, await Task.WhenAny(saving, Task.Delay(TimeSpan.FromSeconds(10))));
            await saving;
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.AddAsync("Areas", [StoreRows.Of(new Area("Kent Police", AreaLevel.Force))], default));
        Assert.Equal("The store is written inside a transaction: call BeginAsync first.", refused.Message);
        await writer.BeginAsync(default);
        await writer.AddAsync("Areas", [StoreRows.Of(new Area("Kent Police", AreaLevel.Force))], default);
        await writer.CommitAsync(default);
        Assert.Equal(["Essex Police", "Kent Police"], await writer.ListAsync("SELECT \"Name\" FROM \"Areas\" ORDER BY \"Id\"", r => r.GetString(0), default));
    }

    [Fact]
    public async Task CommitAsync_InTheCallersTransaction_RefusedWithWhy()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        await using var transaction = await db.Database.BeginTransactionAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StoreWriter.For(db).CommitAsync(default));

        Assert.Equal("This writer writes in its caller's transaction, which the caller commits.", refused.Message);
    }
}
