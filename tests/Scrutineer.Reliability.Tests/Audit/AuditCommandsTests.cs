using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Plans;
using Scrutineer.Testing;

namespace Scrutineer.Reliability.Tests.Audit;

public sealed class AuditCommandsTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task AuditList_AfterChanges_ShowsWhoChangedWhatNewestFirst(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var clock = new TestClock();
        await Seed.CreateAsync(store, clock, actor: "dora");
        using (AuditContext.Begin("eve", clock))
        {
            await using var db = store.Open();
            var unit = db.Units.Single(u => u.ShortName == "C");
            unit.Rename("Charlie Local Policing Area (renamed)", "C");
            await db.SaveChangesAsync();
        }

        var run = await Cli.RunAsync("audit", "list", "--entity", "Units", "--db", store.DbArgument);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var first = run.Lines[2];
        Assert.Contains("eve", first, StringComparison.Ordinal);
        Assert.Contains("Modified", first, StringComparison.Ordinal);
        Assert.Contains("Name: Charlie Local Policing Area → Charlie Local Policing Area (renamed)", first, StringComparison.Ordinal);
        Assert.Equal(3, run.Lines.Length - 2);
        Assert.All(run.Lines.Skip(3), l => Assert.Contains("dora", l, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task AuditExport_FormulaInValue_IsNeutralisedInTheCsv(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        using (AuditContext.Begin("=HYPERLINK(\"http://evil.example\",\"click\")"))
        {
            await using var db = store.Open();
            db.Units.Add(new Unit("=HYPERLINK(\"http://evil.example\",\"click\")", "X", UnitKind.Team));
            await db.SaveChangesAsync();
        }

        var file = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N") + ".csv");
        var run = await Cli.RunAsync("audit", "export", "--out", file, "--db", store.DbArgument);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Exported 1 audit entries", run.Out, StringComparison.Ordinal);
        var lines = File.ReadAllLines(file);
        Assert.Equal("id,at,actor,action,entity,key,changes", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(2, lines.Length);
        Assert.Contains(",\"'=HYPERLINK(", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(",=", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=", lines[1], StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public async Task AuditList_BadDate_SaysWhatWasExpected()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);

        var run = await Cli.RunAsync("audit", "list", "--since", "31/02/2024x", "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--since '31/02/2024x' is not a date: expected dd/mm/yyyy or yyyy-mm-dd", run.Error, StringComparison.Ordinal);
    }
}
