using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Domain.Delivery;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Delivery;

public sealed class DeliveryImportTests : IDisposable
{
    private static readonly DateOnly Today = new(2018, 8, 1);
    private readonly string folder = Directory.CreateTempSubdirectory("scrutineer-delivery-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Save(WorkbookBuilder workbook, string name = "Crime Prevention 4Ps (Gangs, knives & NTE).xlsx") =>
        workbook.Save(Path.Combine(folder, name));

    private static Task<ImportReport> ImportAsync(ScrutineerDb db, string path, DateOnly? today = null) =>
        DeliveryImport.ImportAsync(db, [path], new DeliveryImportOptions(MessyWorkbook.Strategy, today ?? Today));

    private static async Task<CrimePreventionStrategy> LoadAsync(TestStore store)
    {
        await using var db = store.Open();
        return await DeliveryStore.LoadAsync(db, await DeliveryStore.FindStrategyAsync(db, null));
    }

    private static DeliveryTask Task(CrimePreventionStrategy strategy, string plan, FourPStage stage, int number) =>
        strategy.Strands.SelectMany(s => s.Plans).Single(p => p.Title == plan).Find(stage, number)
            ?? throw new Xunit.Sdk.XunitException($"No task {stage} {number} in {plan}");

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_MessyWorkbook_ReadsEveryIrregularity(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var path = Save(MessyWorkbook.Build());

        ImportReport report;
        await using (var db = store.Open())
        {
            report = await ImportAsync(db, path);
        }

        var strategy = await LoadAsync(store);
        Assert.Equal(MessyWorkbook.Strategy, strategy.Title);
        Assert.Equal((2018, 2021), (strategy.FirstYear, strategy.LastYear));
        Assert.Equal(["Gangs", "Organised Crime Groups", "Domestic Abuse"], strategy.Strands.Select(s => s.Title));

        var gangs = strategy.Strands[0].Plans.Single();
        Assert.Equal("Violence 4P plan - Gangs", gangs.Title);
        Assert.Equal(["PREVENT 1", "PREVENT 2", "PREVENT 3", "PURSUE 4", "PURSUE 5", "PURSUE 6", "PROTECT 1", "PROTECT 8"], gangs.Tasks.Select(t => t.Reference));

        var reviewed = Task(strategy, gangs.Title, FourPStage.Prevent, 1);
        Assert.Equal((DueKind.Review, new DateOnly(2018, 7, 28)), (reviewed.Due.Kind, reviewed.Due.Date));
        Assert.Equal(DeliveryTaskStatus.NotStarted, reviewed.Status);
        Assert.Equal("PW", reviewed.Owner);
        Assert.Null(reviewed.OwnerName);

        var month = Task(strategy, gangs.Title, FourPStage.Prevent, 2);
        Assert.Equal("Sep-18", month.Due.AsWritten);
        Assert.Equal((DueKind.Month, new DateOnly(2018, 9, 30)), (month.Due.Kind, month.Due.Date));
        Assert.Equal("DCI Jade Fenwick", month.OwnerName);
        Assert.Equal([1], month.LinkedNumbers);

        var split = Task(strategy, gangs.Title, FourPStage.Prevent, 3);
        Assert.Equal("Crimestoppers - find intelligence opportunities", split.Text);
        Assert.Equal("Task a media officer to work with Crimestoppers.", split.HowMeasured);
        Assert.Equal("Ch/Supt Wells Gold", split.Owner);
        Assert.Equal(DeliveryTaskStatus.Complete, split.Status);

        var recurring = Task(strategy, gangs.Title, FourPStage.Pursue, 4);
        Assert.Equal("", recurring.Owner);
        Assert.Equal(("Quarterly", DeliveryTaskStatus.Ongoing), (recurring.Due.Frequency, recurring.Status));

        var duplicate = Task(strategy, gangs.Title, FourPStage.Pursue, 6);
        Assert.Equal(5, duplicate.DuplicateOf);
        Assert.Equal("JF", duplicate.Owner);

        var reused = Task(strategy, gangs.Title, FourPStage.Protect, 1);
        Assert.Equal((DueKind.Date, new DateOnly(2018, 6, 15)), (reused.Due.Kind, reused.Due.Date));
        Assert.Equal("C/Insp Sean Kerr / Analytical", reused.OwnerName);
        Assert.Equal([2], reused.LinkedNumbers);

        var continued = Task(strategy, gangs.Title, FourPStage.Protect, 8);
        Assert.EndsWith("Also - meeting to be arranged with local pharmacies", continued.HowMeasured, StringComparison.Ordinal);
        Assert.Equal(DeliveryTaskStatus.Ongoing, continued.Status);

        var ocg = strategy.Strands[1].Plans.Single();
        Assert.Equal(["PREVENT 1", "PREVENT 2", "PURSUE 3"], ocg.Tasks.Select(t => t.Reference));
        Assert.All(ocg.Tasks, t => Assert.Equal(("", DueKind.Blank), (t.Owner, t.Due.Kind)));

        var abuse = strategy.Strands[2].Plans.Single();
        Assert.Equal("Domestic Abuse Lead for Safeguarding", abuse.Find(FourPStage.Prevent, 1)!.Owner);
        Assert.Equal((DueKind.Season, new DateOnly(2019, 5, 31)), (abuse.Find(FourPStage.Prevent, 1)!.Due.Kind, abuse.Find(FourPStage.Prevent, 1)!.Due.Date));

        var leads = strategy.Strands[0].LeadsOn(Today);
        Assert.Contains(leads, l => l is { Role: LeadRole.Strategic, Person: "C/Supt Dana Whitlock" });
        Assert.Contains(leads, l => l is { Role: LeadRole.Tactical, Person: "DCI Jade Fenwick", Area: "Gangs" });

        Assert.Equal(8 + 3 + 2, report.Created);
        string Notes(ImportNoteKind kind) => string.Join("\n", report.Of(kind).Select(n => $"{n.Sheet}|{n.Row}|{n.Task}|{n.Message}"));
        Assert.Contains("Violence - Gangs|7|PREVENT|task split over rows 6 and 7; joined", Notes(ImportNoteKind.Normalised), StringComparison.Ordinal);
        Assert.Contains("Violence - Gangs|10||Who taken from the merged cell above", Notes(ImportNoteKind.Normalised), StringComparison.Ordinal);
        Assert.Contains("Violence - Gangs|13|PROTECT 8|row continues the task on row 12", Notes(ImportNoteKind.Normalised), StringComparison.Ordinal);
        Assert.Contains("stray full stop removed", Notes(ImportNoteKind.Normalised), StringComparison.Ordinal);
        Assert.Contains("Violence - Gangs|8|PURSUE 4|no owner (Who is blank)", Notes(ImportNoteKind.Flagged), StringComparison.Ordinal);
        Assert.Contains("Violence - Gangs|10|PURSUE 6|marked as a duplicate of task 5", Notes(ImportNoteKind.Flagged), StringComparison.Ordinal);
        Assert.Contains("Violence - Gangs|11|PROTECT 1|same task text as PREVENT 1 (row 4)", Notes(ImportNoteKind.Flagged), StringComparison.Ordinal);
        Assert.Contains("owner initials PW are not among the strand's leads", Notes(ImportNoteKind.Flagged), StringComparison.Ordinal);
        Assert.Contains("has no task numbered 7", Notes(ImportNoteKind.Flagged), StringComparison.Ordinal);
        Assert.Contains("Digital Crime & Fraud|||the sheet is named 'Digital Crime & Fraud' but the plan on it is titled 'Organised Crime Groups'", Notes(ImportNoteKind.Flagged), StringComparison.Ordinal);
        Assert.Contains("Digital Crime & Fraud|5|PREVENT 1|no task number; numbered 1 by its position", Notes(ImportNoteKind.Guessed), StringComparison.Ordinal);
        Assert.Contains("Violence - Gangs|15||row holds only '.'", Notes(ImportNoteKind.Skipped), StringComparison.Ordinal);
        Assert.Contains("Domestic Abuse|||another copy of plan 'Domestic Abuse'", Notes(ImportNoteKind.Skipped), StringComparison.Ordinal);
        Assert.Contains("POAP|||no task header row", Notes(ImportNoteKind.Skipped), StringComparison.Ordinal);
        Assert.Contains("Violence - Gangs|9|PURSUE 5|When 'Effective immediate' read as started at once", Notes(ImportNoteKind.Guessed), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_UpdatedWorkbook_UpdatesInPlaceAndRecordsStatusHistory(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            await ImportAsync(db, Save(MessyWorkbook.Build()));
        }

        ImportReport second;
        await using (var db = store.Open())
        {
            second = await ImportAsync(db, Save(MessyWorkbook.Build("COMPLETED"), "updated.xlsx"), new DateOnly(2018, 10, 3));
        }

        var strategy = await LoadAsync(store);
        Assert.Equal(13, strategy.Strands.SelectMany(s => s.Plans).Sum(p => p.Tasks.Count));
        Assert.Equal((0, 1, 12, 1), (second.Created, second.Updated, second.Unchanged, second.StatusChanges));
        var task = Task(strategy, "Violence 4P plan - Gangs", FourPStage.Prevent, 1);
        Assert.Equal(DeliveryTaskStatus.Complete, task.Status);
        Assert.Equal(
            [(new DateOnly(2018, 8, 1), (DeliveryTaskStatus?)null, DeliveryTaskStatus.NotStarted), (new DateOnly(2018, 10, 3), DeliveryTaskStatus.NotStarted, DeliveryTaskStatus.Complete)],
            task.History.Select(h => (h.On, h.From, h.To)));
        Assert.Equal(DeliveryTaskStatus.NotStarted, task.StatusOn(new DateOnly(2018, 9, 30)));
        Assert.Contains(second.Notes, n => n is { Task: "PREVENT 1", Kind: ImportNoteKind.Updated } && n.Message == "status Not started → Complete");
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Export_ThenImport_FindsTheSameTasksUnchanged(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            await ImportAsync(db, Save(MessyWorkbook.Build()));
            var at = (await db.DeliveryTasks.Include(t => t.Plan).ToListAsync()).First(t => t.Number == 4);
            at.ChangeStatus(DeliveryTaskStatus.AtRisk, Today, "test", "No analyst available.", "Borrow one from the region.");
            at.RecordQuarter(new Domain.Periods.FinancialQuarter(new Domain.Periods.FinancialYear(2018), 2), ["Teams reviewed"], ["Training booked", "Second line"]);
            await db.SaveChangesAsync();
        }

        var before = Describe(await LoadAsync(store));
        var xlsx = Path.Combine(folder, "export.xlsx");
        var csv = Path.Combine(folder, "export.csv");
        await using (var db = store.Open())
        {
            var id = await DeliveryStore.FindStrategyAsync(db, null);
            Assert.Equal(13, await DeliveryExport.WriteAsync(db, id, "xlsx", xlsx, Security.Reader.Operator));
            Assert.Equal(13, await DeliveryExport.WriteAsync(db, id, "csv", csv, Security.Reader.Operator));
        }

        await using (var db = store.Open())
        {
            var again = await ImportAsync(db, xlsx, new DateOnly(2018, 9, 1));
            Assert.Equal((0, 0, 13, 0), (again.Created, again.Updated, again.Unchanged, again.StatusChanges));
        }

        Assert.Equal(string.Join("\n", before), string.Join("\n", Describe(await LoadAsync(store))));

        await using var fresh = await TestStore.CreateAsync(provider);
        await using (var db = fresh.Open())
        {
            var fromCsv = await ImportAsync(db, csv);
            Assert.Equal(13, fromCsv.Created);
        }

        // The flat CSV carries tasks, not strand leads, so initials in Who are not expanded to names there.
        Assert.Equal(string.Join("\n", Describe(await LoadAsync(store), withOwnerName: false)), string.Join("\n", Describe(await LoadAsync(fresh), withOwnerName: false)));
    }

    private static List<string> Describe(CrimePreventionStrategy strategy, bool withOwnerName = true) =>
        strategy.Strands.SelectMany(s => s.Plans.SelectMany(p => p.Tasks.Select(t =>
            $"{s.Title}|{p.Title}|{t.Reference}|{t.Text}|{t.HowMeasured}|{t.Owner}|{(withOwnerName ? t.OwnerName : "")}|{t.Due}|{t.Due.Kind}|{t.Due.Date}|{t.Status}|{t.Risk}|{t.Mitigation}|{t.DuplicateOf}|"
            + $"{string.Join(",", t.LinkedNumbers)}|{string.Join(";", t.Notes.Select(n => $"{n.Period.Code}:{n.Kind}:{n.Text}"))}"))).ToList();

    public static TheoryData<string, byte[], string> BadFiles()
    {
        var good = MessyWorkbook.Build().ToBytes();
        byte[] encrypted = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        var noHeader = new WorkbookBuilder().Sheet("Notes", s => s.Row(1, "Minutes of the meeting").Row(2, "Nothing here is a task")).ToBytes();
        var headerOnly = new WorkbookBuilder().Sheet("Hate Crime", s => s.Row(1, "4P plan - Hate Crime").Row(3, "Strand", "Task", "How", "Who", "When", "Task No")).ToBytes();
        return new TheoryData<string, byte[], string>
        {
            { "notes.xlsx", "This is just text, not a workbook."u8.ToArray(), "not an Excel workbook" },
            { "locked.xlsx", encrypted, "encrypted or password-protected" },
            { "cut.xlsx", good[..(good.Length / 2)], "damaged or truncated" },
            { "minutes.xlsx", noHeader, "no sheet has a recognisable header row" },
            { "blank-plan.xlsx", headerOnly, "the task header is there (sheet 'Hate Crime') but no task is written under it" },
            { "plan.docx", good, "expected an Excel workbook (.xlsx) or a CSV file" },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Import_BadFile_ClearErrorAndNothingWritten(string name, byte[] bytes, string expected)
    {
        foreach (var provider in new[] { StoreProvider.Sqlite, StoreProvider.PostgreSql })
        {
            await using var store = await TestStore.CreateAsync(provider);
            var path = Path.Combine(folder, name);
            await File.WriteAllBytesAsync(path, bytes);
            await using var db = store.Open();

            var error = await Assert.ThrowsAsync<DeliveryImportException>(() => ImportAsync(db, path));

            Assert.StartsWith(name + ":", error.Message, StringComparison.Ordinal);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.Equal(0, await db.Strategies.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_AtRiskWithoutRisk_NamesRowAndFieldAndWritesNothing(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var csv = Path.Combine(folder, "risky.csv");
        await File.WriteAllTextAsync(csv,
            "Knife Crime 4P plan\nStrand,Task,How,Who,When,Task No,Status,Risk,Mitigation\n"
            + "PREVENT,Run a knife amnesty,Bins in every district,SS,Sep-18,1,Ongoing,,\n"
            + "PURSUE,\"Test purchase operations, with trading standards\",Two a quarter,SS,Quarterly,2,At risk,,Ask the region\n");
        await using var db = store.Open();

        var error = await Assert.ThrowsAsync<DeliveryImportException>(() => ImportAsync(db, csv));

        Assert.Equal("risky.csv, sheet 'risky', row 4, Risk: task PURSUE 2 is at risk but the Risk cell is empty; say what the risk is.", error.Message);
        Assert.Equal(0, await db.Strategies.CountAsync());
        Assert.Equal(0, await db.DeliveryTasks.CountAsync());
    }
}
