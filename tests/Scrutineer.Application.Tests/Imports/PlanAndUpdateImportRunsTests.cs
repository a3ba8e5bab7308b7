using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Application.Imports;
using Scrutineer.Application.Plans;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Testing;
using Scrutineer.Domain.Imports;

namespace Scrutineer.Application.Tests.Imports;

/// <summary>Plan file imports and quarterly update imports are import runs: recorded with their writes, refused by undo.</summary>
public sealed class PlanAndUpdateImportRunsTests
{
    private const string PlanYaml = """
        plan:
          title: Run Plan 2024-2027
          first_year: 2024/25
          last_year: 2026/27
        units:
          - { short: EP, name: Test Police, kind: force }
          - { short: North LPA, name: North Local Policing Area, kind: lpa, parent: EP }
        priorities:
          - number: 1
            title: Safer roads
            commitments:
              - we_will: Enforce the "fatal four" offences.
                who: [North LPA]
              - we_will: Work with schools.
                who: [EP]
        """;

    private static readonly DateTimeOffset Now = new(2024, 7, 2, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task PlanImport_RecordedAsARunWithItsFileAndWhatItWrote_UndoRefused(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var bytes = Encoding.UTF8.GetBytes(PlanYaml);
        await using (var db = store.Open())
        using (AuditContext.Begin("cli:tester", new TestClock(Now)))
        {
            await PlanImporter.ImportAsync(db, PlanFileReader.Read(new StringReader(PlanYaml), "run-plan.yaml"), "run-plan.yaml",
                read: ImportedFile.Of("run-plan.yaml", bytes));
        }

        await using var check = store.Open();
        var run = Assert.Single(await ImportRuns.ListAsync(check));
        Assert.Equal((ImportRunKind.Plan, "plan", "cli:tester", Now, ImportRunStatus.Completed), (run.Kind, run.KindName, run.By, run.Started, run.Status));
        Assert.Equal(new ImportedFile("run-plan.yaml", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), Assert.Single(run.Files));
        Assert.Equal(5, run.Rows);
        Assert.Equal("Plan 'Run Plan 2024-2027': 1 priority, 2 commitments; units 2 created, 0 updated.", run.Wrote);

        var refused = await Assert.ThrowsAsync<DomainException>(() => ImportRunUndo.UndoAsync(check, run.Id));
        Assert.Equal($"Import run {run.Id} imported a plan file, not figures: only imports of data.police.uk files and measure observations can be undone. "
            + "Correct the data and import it again.", refused.Message);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task PlanImport_Refused_RecordsNoRun(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        var file = PlanFileReader.Read(new StringReader(PlanYaml), "run-plan.yaml");
        await PlanImporter.ImportAsync(db, file, "run-plan.yaml");

        var refused = await Assert.ThrowsAsync<PlanFileException>(() => PlanImporter.ImportAsync(db, file, "run-plan.yaml"));

        Assert.Contains("a plan titled 'Run Plan 2024-2027' is already in the store (import with --replace to replace it).", refused.Message, StringComparison.Ordinal);
        await using var check = store.Open();
        Assert.Equal(1, await check.ImportRuns.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task UpdateImport_RecordedAsARunWithItsRowsAndUpdates_UndoRefused(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var quarter = FinancialQuarter.Parse("2024/25-Q1");
        await using (var db = store.Open())
        {
            await PlanImporter.ImportAsync(db, PlanFileReader.Read(new StringReader(PlanYaml), "run-plan.yaml"), "run-plan.yaml");
            await ReportingRounds.OpenAsync(db, quarter, new DateOnly(2024, 7, 21), Now);
        }

        var folder = Directory.CreateTempSubdirectory("scrutineer-update-runs-").FullName;
        try
        {
            var path = Path.Combine(folder, "updates.csv");
            await File.WriteAllTextAsync(path, "commitment,unit,status,commentary\n1.1,North LPA,on track,Checks on the A12.\n\n1.2,EP,at risk,Two posts vacant.\n");
            await using (var db = store.Open())
            using (AuditContext.Begin("cli:tester", new TestClock(Now)))
            {
                await UpdateImport.RunAsync(db, path, quarter, submit: true, AuditContext.Actor, Now);
            }

            await using var check = store.Open();
            var run = (await ImportRuns.ListAsync(check))[0];
            Assert.Equal((ImportRunKind.QuarterlyUpdates, "updates", "cli:tester", 2L), (run.Kind, run.KindName, run.By, run.Rows));
            var file = Assert.Single(run.Files);
            Assert.Equal(("updates.csv", new FileInfo(path).Length, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path)))), (file.Name, file.Bytes, file.Sha256));
            Assert.Equal("2 updates in the Q1 2024/25 round (2 new, 0 changed), each submitted for review.", run.Wrote);
            Assert.Equal(2, await check.Updates.CountAsync());

            var refused = await Assert.ThrowsAsync<DomainException>(() => ImportRunUndo.UndoAsync(check, run.Id));
            Assert.Equal($"Import run {run.Id} imported quarterly updates, not figures: only imports of data.police.uk files and measure observations can be undone. "
                + "Correct the data and import it again.", refused.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
