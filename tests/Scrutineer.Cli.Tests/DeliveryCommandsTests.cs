using Scrutineer.Application.Data;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

public sealed class DeliveryCommandsTests : IDisposable
{
    private const string Plan =
        "Hate Crime 4P plan\n"
        + "Strand,Task,How,Who,When,Task No,Status,Risk,Mitigation\n"
        + "PREVENT,Support the hate crime partnership,Attend every meeting,NH,Quarterly,1,,,\n"
        + ",Promote awareness week,Internal and external campaign,,COMPLETED,2,,,\n"
        + "PURSUE,Increase case referrals,Task and finish group,DI Shah,Mar-24,3,At risk,Too few trained investigators,Training booked for May\n"
        + ",Promote victim statements,Part of the same group,DI Shah,,4,,,\n";

    private readonly string folder = Directory.CreateTempSubdirectory("scrutineer-delivery-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportSummaryTasksExport_RoundTrip(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var csv = Path.Combine(folder, "hate-crime.csv");
        await File.WriteAllTextAsync(csv, Plan);
        var report = Path.Combine(folder, "report.txt");

        var import = await Cli.RunAsync("delivery", "import", csv, "--strategy", "Crime Prevention Strategy 2021-2024", "--report", report, "--db", store.DbArgument);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("4 tasks created", import.Out, StringComparison.Ordinal);
        Assert.Equal("created: strategy 'Crime Prevention Strategy 2021-2024' created", import.Lines[0]);
        Assert.Contains("hate-crime.csv › hate-crime › row 4 › PREVENT 2: flagged: no owner (Who is blank)", await File.ReadAllTextAsync(report), StringComparison.Ordinal);

        var summary = await Cli.RunAsync("delivery", "summary", "--format", "csv", "--db", store.DbArgument);
        Assert.Equal(0, summary.ExitCode);
        Assert.Equal(["strand,total,complete,ongoing,at_risk", "Hate Crime,4,1,2,1", "Total,4,1,2,1"], summary.Lines);

        var atRisk = await Cli.RunAsync("delivery", "tasks", "--status", "at-risk", "--format", "csv", "--db", store.DbArgument);
        Assert.Equal(2, atRisk.Lines.Length);
        Assert.Contains("PURSUE 3", atRisk.Lines[1], StringComparison.Ordinal);

        var byOwner = await Cli.RunAsync("delivery", "tasks", "--owner", "shah", "--format", "csv", "--db", store.DbArgument);
        Assert.Equal(3, byOwner.Lines.Length);

        var exported = Path.Combine(folder, "export.xlsx");
        var export = await Cli.RunAsync("delivery", "export", "--format", "xlsx", "--out", exported, "--db", store.DbArgument);
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("4 tasks written", export.Out, StringComparison.Ordinal);

        var again = await Cli.RunAsync("delivery", "import", exported, "--db", store.DbArgument);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 tasks created, 0 updated, 4 unchanged; 0 status changes", again.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_AgainOverAStatusSetInScrutineer_KeepsItAndPrintsTheConflict(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var csv = Path.Combine(folder, "hate-crime.csv");
        await File.WriteAllTextAsync(csv, Plan);
        Assert.Equal(0, (await Cli.RunAsync("delivery", "import", csv, "--strategy", "Crime Prevention Strategy 2021-2024", "--db", store.DbArgument)).ExitCode);
        await using (var db = store.Open())
        {
            var task = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.Include(db.DeliveryTasks, t => t.Plan), t => t.Number == 1);
            Assert.True(task.ChangeStatus(Domain.Delivery.DeliveryTaskStatus.Complete, task.History[^1].On, "web: Jo Analyst"));
            await db.SaveChangesAsync();
        }

        var again = await Cli.RunAsync("delivery", "import", csv, "--db", store.DbArgument);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains(
            "hate-crime.csv › hate-crime › row 3 › PREVENT 1: conflict: status: Complete (set ",
            again.Out, StringComparison.Ordinal);
        Assert.Contains("by web: Jo Analyst) is kept, because the workbook's own status has not changed since the last import (it still gives Ongoing)", again.Out, StringComparison.Ordinal);
        Assert.Contains("0 tasks created, 0 updated, 4 unchanged; 0 status changes recorded, 1 status conflicts;", again.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task SensitiveNotes_ImportedFromTheirColumn_InTheFullExportOnly(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var csv = Path.Combine(folder, "hate-crime.csv");
        await File.WriteAllTextAsync(csv, Plan
            .Replace("Risk,Mitigation\n", "Risk,Mitigation,Sensitive notes\n", StringComparison.Ordinal)
            .Replace("Attend every meeting,NH,Quarterly,1,,,", "Attend every meeting,NH,Quarterly,1,,,,The informant attends as a partner.", StringComparison.Ordinal));
        var full = Path.Combine(folder, "full.csv");
        var open = Path.Combine(folder, "public.csv");

        var import = await Cli.RunAsync("delivery", "import", csv, "--strategy", "Crime Prevention Strategy 2021-2024", "--db", store.DbArgument);
        var fullExport = await Cli.RunAsync("delivery", "export", "--format", "csv", "--out", full, "--db", store.DbArgument);
        var publicExport = await Cli.RunAsync("delivery", "export", "--format", "csv", "--out", open, "--public", "--db", store.DbArgument);

        Assert.Equal((0, 0, 0), (import.ExitCode, fullExport.ExitCode, publicExport.ExitCode));
        Assert.Contains("(OFFICIAL-SENSITIVE: with the OFFICIAL-SENSITIVE notes column)", fullExport.Out, StringComparison.Ordinal);
        Assert.Contains("(OFFICIAL)", publicExport.Out, StringComparison.Ordinal);
        var fullText = await File.ReadAllTextAsync(full);
        var publicText = await File.ReadAllTextAsync(open);
        Assert.EndsWith(",OFFICIAL-SENSITIVE notes", fullText.Split("\r\n")[0], StringComparison.Ordinal);
        Assert.Contains("The informant attends as a partner.", fullText, StringComparison.Ordinal);
        Assert.DoesNotContain("OFFICIAL-SENSITIVE", publicText, StringComparison.Ordinal);
        Assert.DoesNotContain("informant", publicText, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_MarkingInAnOfficialCell_RefusedWithItsCell_NothingImported(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var csv = Path.Combine(folder, "hate-crime.csv");
        await File.WriteAllTextAsync(csv, Plan.Replace("Too few trained investigators", "OFFICIAL-SENSITIVE: too few trained investigators", StringComparison.Ordinal));

        var import = await Cli.RunAsync("delivery", "import", csv, "--strategy", "Crime Prevention Strategy 2021-2024", "--db", store.DbArgument);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains(
            "hate-crime.csv, sheet 'hate-crime', row 5, column H (Risk) contains the marking \"OFFICIAL-SENSITIVE\" on line 1. OFFICIAL text cannot carry a marking: "
            + "move that text into the OFFICIAL-SENSITIVE part and delete the marking. In a workbook the OFFICIAL-SENSITIVE part of a task is a column headed 'Sensitive notes'. Nothing was imported.",
            import.Error, StringComparison.Ordinal);
        await using var db = store.Open();
        Assert.Equal(0, db.DeliveryTasks.Count());
        Assert.Equal(0, db.Strategies.Count());
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_ForPastQuarters_SummaryForEachQuarterShowsItsWorkbook(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var q1 = Path.Combine(folder, "q1.csv");
        var q2 = Path.Combine(folder, "q2.csv");
        await File.WriteAllTextAsync(q1, Plan);
        await File.WriteAllTextAsync(q2, Plan.Replace("NH,Quarterly,1,,,", "NH,Quarterly,1,Complete,,", StringComparison.Ordinal));

        var first = await Cli.RunAsync("delivery", "import", q1, "--strategy", "Crime Prevention Strategy 2021-2024", "--period", "2023/24-Q1", "--db", store.DbArgument);
        var second = await Cli.RunAsync("delivery", "import", q2, "--period", "2023/24-Q2", "--db", store.DbArgument);
        var atQ1 = await Cli.RunAsync("delivery", "summary", "--period", "2023/24-Q1", "--format", "csv", "--db", store.DbArgument);
        var atQ2 = await Cli.RunAsync("delivery", "summary", "--period", "2023/24-Q2", "--format", "csv", "--db", store.DbArgument);
        var backwards = await Cli.RunAsync("delivery", "import", q1, "--period", "2023/24-Q1", "--db", store.DbArgument);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("1 updated", second.Out, StringComparison.Ordinal);
        Assert.Equal(["strand,total,complete,ongoing,at_risk", "Hate Crime,4,1,2,1", "Total,4,1,2,1"], atQ1.Lines);
        Assert.Equal(["strand,total,complete,ongoing,at_risk", "Hate Crime,4,2,1,1", "Total,4,2,1,1"], atQ2.Lines);
        Assert.Equal(1, backwards.ExitCode);
        Assert.Contains("a change cannot take effect earlier", backwards.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tasks_CsvAndJson_CarryTheWholeTaskText_TableShortensIt()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        const string longText = "Work with schools and colleges and youth services so that every pupil hears one consistent message about hate crime and how to report it";
        var csv = Path.Combine(folder, "long.csv");
        await File.WriteAllTextAsync(csv, $"Hate Crime 4P plan\nStrand,Task,How,Who,When,Task No\nPREVENT,{longText},Assemblies,NH,Quarterly,1\n");
        Assert.Equal(0, (await Cli.RunAsync("delivery", "import", csv, "--strategy", "Crime Prevention Strategy 2021-2024", "--db", store.DbArgument)).ExitCode);

        var asCsv = await Cli.RunAsync("delivery", "tasks", "--format", "csv", "--db", store.DbArgument);
        var asJson = await Cli.RunAsync("delivery", "tasks", "--format", "json", "--db", store.DbArgument);
        var asTable = await Cli.RunAsync("delivery", "tasks", "--db", store.DbArgument);

        Assert.Equal($"Hate Crime,Hate Crime 4P plan,PREVENT 1,{longText},NH,Quarterly,Ongoing", asCsv.Lines[1]);
        Assert.Contains(longText, asJson.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(longText, asTable.Out, StringComparison.Ordinal);
        Assert.Contains("…", asTable.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_NotAWorkbook_ExitsOneAndWritesNothing(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var fake = Path.Combine(folder, "plan.xlsx");
        await File.WriteAllTextAsync(fake, "not a workbook");

        var run = await Cli.RunAsync("delivery", "import", fake, "--strategy", "S 2021-2024", "--db", store.DbArgument);
        var summary = await Cli.RunAsync("delivery", "summary", "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("plan.xlsx: not an Excel workbook", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, summary.ExitCode);
        Assert.Contains("no crime prevention strategy", summary.Error, StringComparison.Ordinal);
    }
}
