using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Domain.Performance;
using Scrutineer.Testing;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Tests.Delivery;

/// <summary>A delivery workbook's measures sheet links measures to its strand; a name the store does not hold is refused by file, sheet and row, and nothing is imported.</summary>
public sealed class DeliveryMeasuresSheetTests : IDisposable
{
    private const string Strategy = "Crime Prevention Strategy 2018-2021";
    private readonly string folder = Directory.CreateTempSubdirectory("scrutineer-delivery-measures-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Workbook(params (string Measure, object? Target, string? Better)[] measures)
    {
        var builder = new WorkbookBuilder()
            .Sheet("Robbery 4P", s => s
                .Row(1, null, "Robbery 4P plan")
                .Row(2, null, "Thematic strand: Robbery")
                .Row(3, null, "Strand", "Task", "How", "Who", "When", "Task No")
                .Row(4, null, "PREVENT", "Target hardening at hotspots", "Survey the top ten hotspots.", "PW", "Sep-18", 1.0))
            .Sheet("Measures", s =>
            {
                s.Row(1, null, "Measure", "Target", "Better");
                for (var i = 0; i < measures.Length; i++)
                {
                    s.Row(i + 2, null, measures[i].Measure, measures[i].Target, measures[i].Better);
                }
            });
        return builder.Save(Path.Combine(folder, "delivery-plan-robbery.xlsx"));
    }

    private static async Task SeedMeasuresAsync(ScrutineerDb db)
    {
        foreach (var name in new[] { "All crime", "Robbery", "Theft from the person" })
        {
            db.Measures.Add(new Measure(name, "crimes", MeasureKind.Count, BetterDirection.Lower, "", "data.police.uk"));
        }

        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_MeasuresSheet_LinksTheStrandsMeasuresWithTargetAndBetter(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var path = Workbook(("Robbery", 150.0, "lower"), ("theft from the person", null, null));
        ImportReport report;
        await using (var db = store.Open())
        {
            await SeedMeasuresAsync(db);
            report = await DeliveryImport.ImportAsync(db, [path], new DeliveryImportOptions(Strategy, new DateOnly(2018, 8, 1)));
        }

        await using var check = store.Open();
        var strand = await check.Strands.SingleAsync(s => s.Title == "Robbery");
        var links = await check.MeasureLinks.Include(l => l.Measure).Where(l => l.StrandId == strand.Id).OrderBy(l => l.Id).ToListAsync();
        Assert.Equal(["Robbery", "Theft from the person"], links.Select(l => l.Measure.Name));
        Assert.Equal((150m, BetterDirection.Lower), (links[0].Target!.Value, links[0].Better!.Value));
        Assert.Null(links[1].Target);
        Assert.Contains(report.Notes, n => n.Message == "measures of 'Robbery': Robbery, theft from the person");
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_UnknownMeasureAndBadBetter_RefusedByRowWithTheStoresList_NothingImported(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var path = Workbook(("Robbery", null, null), ("Knife crime", null, null), ("All crime", null, "down"));
        await using (var db = store.Open())
        {
            await SeedMeasuresAsync(db);
            var ex = await Assert.ThrowsAsync<DeliveryImportException>(() => DeliveryImport.ImportAsync(db, [path], new DeliveryImportOptions(Strategy, new DateOnly(2018, 8, 1))));
            Assert.Equal(
                "The measures sheet has 2 problems; nothing was imported:" + Environment.NewLine
                + "delivery-plan-robbery.xlsx, sheet 'Measures', row 3, Measure: 'Knife crime' is not a measure the store holds. Use one of: All crime, Robbery, Theft from the person." + Environment.NewLine
                + "delivery-plan-robbery.xlsx, sheet 'Measures', row 4, Better: 'down' is not lower, higher or neither. Write one of them, or leave it empty for the measure's own direction.",
                ex.Message);
        }

        await using var check = store.Open();
        Assert.Equal(0, await check.DeliveryTasks.CountAsync());
        Assert.Equal(0, await check.MeasureLinks.CountAsync());
    }
}
