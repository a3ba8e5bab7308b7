using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Imports;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Imports;

/// <summary>
/// The rule for provisional months is written twice: as the store's filter on observations for EF queries
/// (<c>ScrutineerDb.NotHeld</c>) and as SQL for the reads that leave EF out (<see cref="ScrutineerDb.NotHeldSql"/>:
/// the latest month, the report figures, the force area). Both must leave out exactly the same rows, on both engines.
/// </summary>
public sealed class NotHeldSqlTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task NotHeldSql_HeldConfirmedAndQuarterlyRows_SameRowsAsTheStoresFilter(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        int crimeId, rateId;
        await using (var db = store.Open())
        {
            var crime = new Measure("All crime", "crimes", MeasureKind.Count, BetterDirection.Lower, "Recorded crime.", "data.police.uk");
            var rate = new Measure("Crime rate", "per 1,000", MeasureKind.Rate, BetterDirection.Lower, "Crimes per 1,000 residents.", "Analysis");
            var force = new Area("Test Force", AreaLevel.Force);
            db.AddRange(crime, rate, force);
            for (var m = 1; m <= 5; m++)
            {
                db.Observations.Add(new Observation(crime, force, PeriodKind.Month, new ReportingMonth(2025, m), 100 + m));
                db.Observations.Add(new Observation(rate, force, PeriodKind.Month, new ReportingMonth(2025, m), 5.5m));
            }

            // A quarter dated by its first month, the same month as a held monthly figure: never held.
            db.Observations.Add(new Observation(crime, force, PeriodKind.Quarter, new ReportingMonth(2025, 4), 300));
            var run = new ImportRun(ImportRunKind.PoliceUk, TestClock.DefaultStart, "analyst@example.org", [new ImportedFile("2025-05.csv", 10, new string('0', 64))], 10);
            db.Add(run);
            await db.SaveChangesAsync();
            db.AddRange(
                new ImportRunMonth(run.Id, crime.Id, new ReportingMonth(2025, 5), 105, 12, "far below its recent months"),
                new ImportRunMonth(run.Id, crime.Id, new ReportingMonth(2025, 4), 104, 104, null),
                new ImportRunMonth(run.Id, rate.Id, new ReportingMonth(2025, 2), 5.5m, 1, "far below its recent months"));
            await db.SaveChangesAsync();
            (crimeId, rateId) = (crime.Id, rate.Id);
        }

        await using (var db = store.Open())
        {
            var throughEf = (await db.Observations.Select(o => new { o.MeasureId, o.Kind, o.Period }).ToListAsync())
                .Select(o => $"{o.MeasureId} {o.Kind} {o.Period}").Order(StringComparer.Ordinal).ToList();
            var throughSql = (await StoreReader.ReadAsync(db, reader => reader.ListAsync(
                $"""SELECT o."MeasureId", o."Kind", o."Period" FROM "Observations" o WHERE {ScrutineerDb.NotHeldSql}""",
                r => $"{r.GetInt32(0)} {r.GetString(1)} {StoreRows.Month(r.GetInt32(2))}", CancellationToken.None)))
                .Order(StringComparer.Ordinal).ToList();

            Assert.Equal(throughEf, throughSql);
            Assert.Equal(9, throughSql.Count); // 10 monthly rows and the quarter, less the two held months
            Assert.DoesNotContain($"{crimeId} Month 2025-05", throughSql);
            Assert.DoesNotContain($"{rateId} Month 2025-02", throughSql);
            Assert.Contains($"{crimeId} Month 2025-04", throughSql);
            Assert.Contains($"{crimeId} Quarter 2025-04", throughSql);
            Assert.Equal(new ReportingMonth(2025, 4), await LatestMonth.ConfirmedAsync(db));
        }
    }
}
