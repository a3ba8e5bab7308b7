using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Plans;
using Scrutineer.Domain.Performance;
using Scrutineer.Testing;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Tests.Plans;

public sealed class PlanFileMeasuresTests
{
    private const string Linked = """
        plan:
          title: City Plan 2025-2028
          first_year: 2025/26
          last_year: 2027/28
          document:
            version: "1.0"
            author_unit: Performance
            author: A. Person
            owner: B. Owner
            classification: OFFICIAL
        units:
          - { short: CoLP, name: City of London Police, kind: force }
        priorities:
          - number: 1
            title: Keeping the City safe
            objective: fewer victims.
            measures:
              - Robbery
              - name: Shoplifting
                target: 1200
                better: lower
            commitments:
              - we_will: Patrol the night-time economy.
                who: CoLP
                measures: [Violence and sexual offences]
        """;

    private static async Task AddMeasuresAsync(ScrutineerDb db, params string[] names)
    {
        db.Measures.AddRange(names.Select(n => new Measure(n, "crimes", MeasureKind.Count, BetterDirection.Lower, "", "data.police.uk")));
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportThenExport_LinksMeasuresAndRoundTrips(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        string exported;
        await using (var db = store.Open())
        {
            await AddMeasuresAsync(db, "Robbery", "Shoplifting", "Violence and sexual offences");
            await PlanImporter.ImportAsync(db, PlanFileReader.Read(new StringReader(Linked), "city.yaml"), "city.yaml");
            exported = await PlanFileWriter.WriteAsync(db, "City Plan 2025-2028");
        }

        Assert.Contains("""
                measures:
                  - name: Robbery
                  - name: Shoplifting
                    target: 1200
                    better: lower
                commitments:
            """.Replace("\r\n", "\n", StringComparison.Ordinal), exported, StringComparison.Ordinal);
        Assert.Contains("        measures:\n          - name: Violence and sexual offences\n", exported, StringComparison.Ordinal);

        await using (var db = store.Open())
        {
            await PlanImporter.ImportAsync(db, PlanFileReader.Read(new StringReader(exported), "exported.yaml"), "exported.yaml", replace: true);
            Assert.Equal(exported, await PlanFileWriter.WriteAsync(db, "City Plan 2025-2028"));
            var links = await db.MeasureLinks.Include(l => l.Measure).ToListAsync();
            Assert.Equal(3, links.Count);
            var shoplifting = links.Single(l => l.Measure.Name == "Shoplifting");
            Assert.Equal((1200m, BetterDirection.Lower), (shoplifting.Target!.Value, shoplifting.Better!.Value));
            Assert.NotNull(links.Single(l => l.Measure.Name == "Violence and sexual offences").CommitmentId);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_UnknownMeasure_RefusedWithFileLineAndTheStoresMeasures_NothingWritten(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        await AddMeasuresAsync(db, "Robbery", "Shoplifting");
        var file = PlanFileReader.Read(new StringReader(Linked), "city.yaml");

        var ex = await Assert.ThrowsAsync<PlanFileException>(() => PlanImporter.ImportAsync(db, file, "city.yaml"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(
            "city.yaml:25: priorities[0].commitments[0].measures[0]: 'Violence and sexual offences' is not a measure the store holds. Use one of: Robbery, Shoplifting.",
            error.ToString());
        await using var check = store.Open();
        Assert.Equal(0, await check.Plans.CountAsync());
        Assert.Equal(0, await check.MeasureLinks.CountAsync());
    }

    [Theory]
    [InlineData("        target: 1200", "        target: lots", 20, "priorities[0].measures[1].target", "'lots' is not a target: expected a number such as 120 or 45.5.")]
    [InlineData("        better: lower", "        better: down", 21, "priorities[0].measures[1].better", "'down' is not a direction: expected lower, higher or neither.")]
    [InlineData("      - Robbery", "      - Robbery\n      - robbery", 19, "priorities[0].measures", "measure 'robbery' is named twice.")]
    public void Read_BadMeasure_NamesFileLineFieldAndWhatWasExpected(string line, string replacement, int lineNumber, string field, string message)
    {
        var text = Linked.Replace(line, replacement, StringComparison.Ordinal);
        Assert.NotEqual(Linked, text);

        var ex = Assert.Throws<PlanFileException>(() => PlanFileReader.Read(new StringReader(text), "city.yaml"));

        Assert.Contains(new PlanFileError("city.yaml", lineNumber, field, message), ex.Errors);
    }
}
