using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Testing;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Tests.Performance;

/// <summary>The area figures are about when none is named: one rule for the dashboard, insight pages, commands and reports.</summary>
public sealed class ForceAreaTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Default_TwoForces_TheOneWithMostMonthlyFigures(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            Assert.Null(await ForceArea.DefaultAsync(db));

            var crime = new Measure("All crime", "crimes", MeasureKind.Count, BetterDirection.Lower, "Recorded crime.", "data.police.uk");
            var neighbour = new Area("Essex Police", AreaLevel.Force); // added first, but holds one month only
            var own = new Area("City of London Police", AreaLevel.Force);
            db.AddRange(crime, neighbour, own);
            db.Observations.Add(new Observation(crime, neighbour, PeriodKind.Month, ReportingMonth.Parse("2025-01"), 100));
            for (var m = 1; m <= 3; m++)
            {
                db.Observations.Add(new Observation(crime, own, PeriodKind.Month, ReportingMonth.Parse($"2025-0{m}"), 50));
            }

            await db.SaveChangesAsync();
        }

        await using (var db = store.Open())
        {
            Assert.Equal("City of London Police", await ForceArea.DefaultAsync(db));
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Default_ThePlansForceUnit_BeforeAPeerGroup_BeforeMostFigures(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            var crime = new Measure("All crime", "crimes", MeasureKind.Count, BetterDirection.Lower, "Recorded crime.", "data.police.uk");
            var essex = new Area("Essex Police", AreaLevel.Force);
            var kent = new Area("Kent Police", AreaLevel.Force);
            var city = new Area("City of London Police", AreaLevel.Force); // the most figures
            db.AddRange(crime, essex, kent, city);
            for (var m = 1; m <= 3; m++)
            {
                db.Observations.Add(new Observation(crime, city, PeriodKind.Month, ReportingMonth.Parse($"2025-0{m}"), 50));
            }

            db.Observations.Add(new Observation(crime, essex, PeriodKind.Month, ReportingMonth.Parse("2025-01"), 100));
            await db.SaveChangesAsync();
        }

        await using (var db = store.Open())
        {
            Assert.Equal("City of London Police", await ForceArea.DefaultAsync(db));
            db.PeerLinks.Add(new PeerLink(db.Areas.Single(a => a.Name == "Kent Police"), db.Areas.Single(a => a.Name == "Essex Police"), new DateOnly(2020, 1, 1), null));
            await db.SaveChangesAsync();
            Assert.Equal("Kent Police", await ForceArea.DefaultAsync(db)); // the one force with a peer group

            db.Units.Add(new Unit("Essex", "EP", UnitKind.Force)); // the plan's force, by its short name
            db.Units.Add(new Unit("Crime Command", "CC", UnitKind.Command));
            await db.SaveChangesAsync();
            Assert.Equal("Essex Police", await ForceArea.DefaultAsync(db));
        }
    }
}
