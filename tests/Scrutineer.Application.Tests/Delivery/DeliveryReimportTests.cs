using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Domain.Delivery;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Delivery;

/// <summary>Re-importing a delivery workbook keeps a status set in Scrutineer unless the workbook's own status changed.</summary>
public sealed class DeliveryReimportTests : IDisposable
{
    private const string Strategy = "Crime Prevention Strategy 2021-2024";
    private static readonly DateOnly FirstImport = new(2024, 1, 10);
    private static readonly DateOnly SetInScrutineer = new(2024, 1, 20);
    private static readonly DateOnly Reimport = new(2024, 2, 1);
    private readonly string folder = Directory.CreateTempSubdirectory("scrutineer-reimport-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Save(string name, string secondStatus, string fourthStatus = "Not started") =>
        WriteCsv(name, "Hate Crime 4P plan\n"
            + "Strand,Task,How,Who,When,Task No,Status,Risk,Mitigation\n"
            + "PREVENT,Support the hate crime partnership,Attend every meeting,DI Shah,Quarterly,1,Ongoing,,\n"
            + $"PREVENT,Promote awareness week,Internal and external campaign,DI Shah,Mar-24,2,{secondStatus},,\n"
            + "PURSUE,Increase case referrals,Task and finish group,DI Shah,Mar-24,3,Not started,,\n"
            + $"PURSUE,Promote victim statements,Part of the same group,DI Shah,Mar-24,4,{fourthStatus},,\n");

    private string WriteCsv(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static Task<ImportReport> ImportAsync(TestStore store, string path, DateOnly today) =>
        WithDb(store, db => DeliveryImport.ImportAsync(db, [path], new DeliveryImportOptions(Strategy, today)));

    private static async Task<T> WithDb<T>(TestStore store, Func<ScrutineerDb, Task<T>> action)
    {
        await using var db = store.Open();
        return await action(db);
    }

    private static Task<DeliveryTask> TaskAsync(ScrutineerDb db, int number) =>
        db.DeliveryTasks.Include(t => t.Plan).SingleAsync(t => t.Number == number);

    private static async Task SetAtRiskInScrutineerAsync(TestStore store, int number)
    {
        await using var db = store.Open();
        var task = await TaskAsync(db, number);
        Assert.True(task.ChangeStatus(DeliveryTaskStatus.AtRisk, SetInScrutineer, "web: Jo Analyst", "Venue cancelled.", "Second venue asked."));
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Reimport_WorkbookStatusUnchanged_KeepsTheStatusSetInScrutineerAndSaysWhy(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await ImportAsync(store, Save("hate-crime.csv", "Ongoing"), FirstImport);
        await SetAtRiskInScrutineerAsync(store, 2);

        var report = await ImportAsync(store, Save("hate-crime.csv", "Ongoing"), Reimport);

        await using var db = store.Open();
        var task = await TaskAsync(db, 2);
        Assert.Equal((DeliveryTaskStatus.AtRisk, "Venue cancelled.", "Second venue asked."), (task.Status, task.Risk, task.Mitigation));
        Assert.Equal(DeliveryTaskStatus.Ongoing, task.WorkbookStatus);
        var conflict = Assert.Single(report.Of(ImportNoteKind.Conflict));
        Assert.Equal("PREVENT 2", conflict.Task);
        Assert.Equal(
            "status: At risk (set 20 January 2024 by web: Jo Analyst) is kept, because the workbook's own status has not changed since the last import (it still gives Ongoing)",
            conflict.Message);
        Assert.Equal((0, 0, 4, 0), (report.Created, report.Updated, report.Unchanged, report.StatusChanges));
        Assert.StartsWith("0 tasks created, 0 updated, 4 unchanged; 0 status changes recorded, 1 status conflicts; ", report.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Reimport_WorkbookStatusChangedToo_WorkbookWinsAndSaysWhy(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await ImportAsync(store, Save("hate-crime.csv", "Ongoing"), FirstImport);
        await SetAtRiskInScrutineerAsync(store, 2);

        var report = await ImportAsync(store, Save("hate-crime.csv", "Complete"), Reimport);

        await using var db = store.Open();
        var task = await TaskAsync(db, 2);
        Assert.Equal((DeliveryTaskStatus.Complete, (string?)null), (task.Status, task.Risk));
        Assert.Equal(
            [DeliveryTaskStatus.NotStarted, DeliveryTaskStatus.Ongoing, DeliveryTaskStatus.AtRisk, DeliveryTaskStatus.Complete],
            task.History.Select(h => h.To));
        var conflict = Assert.Single(report.Of(ImportNoteKind.Conflict));
        Assert.Equal(
            "status: the workbook's Complete replaces At risk (set 20 January 2024 by web: Jo Analyst), because the workbook's own status changed since the last import (it gave Ongoing at the last import)",
            conflict.Message);
        Assert.Equal((0, 1, 3, 1), (report.Created, report.Updated, report.Unchanged, report.StatusChanges));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Reimport_OnlyTheWorkbookChanged_TakesItsStatusWithoutAConflict(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await ImportAsync(store, Save("hate-crime.csv", "Ongoing"), FirstImport);
        await SetAtRiskInScrutineerAsync(store, 2);

        var report = await ImportAsync(store, Save("hate-crime.csv", "Ongoing", fourthStatus: "Complete"), Reimport);

        await using var db = store.Open();
        Assert.Equal(DeliveryTaskStatus.Complete, (await TaskAsync(db, 4)).Status);
        Assert.Equal(DeliveryTaskStatus.AtRisk, (await TaskAsync(db, 2)).Status);
        Assert.Contains(report.Notes, n => n is { Task: "PURSUE 4", Kind: ImportNoteKind.Updated, Message: "status Not started → Complete" });
        Assert.DoesNotContain(report.Of(ImportNoteKind.Conflict), n => n.Task == "PURSUE 4");
        Assert.Equal((0, 1, 3, 1), (report.Created, report.Updated, report.Unchanged, report.StatusChanges));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Reimport_SummaryAndTotals_GiveTheSameCounts(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await ImportAsync(store, Save("hate-crime.csv", "Ongoing"), FirstImport);
        await SetAtRiskInScrutineerAsync(store, 2);

        var report = await ImportAsync(store, Save("hate-crime.csv", "Complete", fourthStatus: "Ongoing"), Reimport);

        Assert.Equal((2, 2), (report.Updated, report.StatusChanges));
        foreach (var total in report.Totals)
        {
            Assert.Contains($"{total.Count} {total.Name}", report.Summary, StringComparison.Ordinal);
        }

        Assert.Equal(report.Of(ImportNoteKind.Conflict).Count(), report.Totals.Single(t => t.Name == "status conflicts").Count);
        Assert.EndsWith(report.Summary + "\n", report.ToText(), StringComparison.Ordinal);
    }
}
