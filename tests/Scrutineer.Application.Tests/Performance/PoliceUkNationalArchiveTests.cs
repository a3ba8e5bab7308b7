using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Performance;

/// <summary>The national archive layout: every force's monthly files in each YYYY-MM folder, imported as one folder.</summary>
public sealed class PoliceUkNationalArchiveTests
{
    private static readonly (string Name, string Slug)[] Forces =
    [
        ("Avon and Somerset Constabulary", "avon-and-somerset"), ("City of London Police", "city-of-london"),
        ("Devon & Cornwall Police", "devon-and-cornwall"), ("Metropolitan Police Service", "metropolitan"), ("South Wales Police", "south-wales"),
    ];

    private static readonly string[] Types = ["Burglary", "Anti-social behaviour", "Violence and sexual offences"];

    /// <summary>Rows of force f, month m, crime type t: different for every force, month and type.</summary>
    private static int Rows(int f, int m, int t) => 1 + f + (2 * m) + (3 * t);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ImportAsync_FiveForcesThreeMonths_EachForceItsOwnAreaWithItsOwnTotals(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        using var files = new StreetFiles();
        for (var m = 0; m < 3; m++)
        {
            var month = new ReportingMonth(2024, 1 + m).ToString();
            for (var f = 0; f < Forces.Length; f++)
            {
                var (f1, m1) = (f, m);
                var rows = Types.SelectMany((type, t) => Enumerable.Range(0, Rows(f1, m1, t))
                    .Select(i => (type, $"E01{f1:D2}{t:D4}", $"Place {f1} {t:D3}A", type == "Anti-social behaviour" ? "" : $"{f1}-{m1}-{t}-{i}")));
                files.Write(month, rows, Forces[f].Name, Forces[f].Slug);
            }
        }

        // Imported twice: the second import replaces every force-month, so the figures are the same.
        for (var run = 0; run < 2; run++)
        {
            await using var db = store.Open();
            var result = await new PoliceUkImport(db).ImportAsync([files.Folder]);
            Assert.Equal(15, result.Files);
            Assert.Equal(15, result.Months);
            Assert.Equal(Forces.Select(f => f.Name).Order(StringComparer.Ordinal), result.Forces);
        }

        await using var check = store.Open();
        var forceAreas = await check.Areas.Where(a => a.Level == AreaLevel.Force).Select(a => a.Name).ToListAsync();
        Assert.Equal(Forces.Select(f => f.Name).Order(StringComparer.Ordinal), forceAreas.Order(StringComparer.Ordinal));
        Assert.Equal(5, await check.Areas.CountAsync());

        var values = (await check.Observations.Select(o => new { Measure = o.Measure.Name, Area = o.Area.Name, o.Period, o.Value }).ToListAsync())
            .ToDictionary(o => (o.Measure, o.Area, o.Period.ToString()), o => (long)o.Value);
        // Three crime types and All crime, for 5 forces × 3 months, once each.
        Assert.Equal(4 * 5 * 3, values.Count);
        for (var f = 0; f < Forces.Length; f++)
        {
            for (var m = 0; m < 3; m++)
            {
                var month = new ReportingMonth(2024, 1 + m).ToString();
                for (var t = 0; t < Types.Length; t++)
                {
                    Assert.Equal(Rows(f, m, t), values[(Types[t], Forces[f].Name, month)]);
                }

                Assert.Equal(Rows(f, m, 0) + Rows(f, m, 2), values[(PoliceUkImport.AllCrime, Forces[f].Name, month)]);
            }
        }
    }
}
