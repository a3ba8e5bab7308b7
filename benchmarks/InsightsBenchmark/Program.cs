using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Demo;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

// Rolling-12 insights over the demo force's ten years of monthly data (every measure × area):
// 1. the rolling12 query for one month, as `insights rolling12 --to 2024-03` runs it (store read + comparisons);
// 2. every rolling-12 comparison of every measure × area for every month of the ten years (one read, prefix sums).
var path = Path.Combine(Path.GetTempPath(), "scrutineer-insights-bench.db");
File.Delete(path);
var location = StoreLocation.Resolve(path);
await using (var db = location.Open())
{
    await StoreSchema.UpgradeAsync(db);
    await DemoForce.BuildAsync(db, new DemoSettings(DemoSettings.DemoToday, null, _ => { }));
}

await using var store = location.Open();
var queries = new PerformanceQueries(store);
var to = new ReportingMonth(2024, 3);
var rows = await queries.Rolling12Async(to); // warm-up (JIT, connection)
var single = Time(20, () => queries.Rolling12Async(to).GetAwaiter().GetResult().Count);

var all = Time(20, () =>
{
    var observations = store.Observations.AsNoTracking()
        .Where(o => o.Kind == PeriodKind.Month && o.Measure.Kind == MeasureKind.Count)
        .Select(o => new { o.MeasureId, o.AreaId, o.Period, o.Value }).ToList();
    var count = 0;
    foreach (var series in observations.GroupBy(o => (o.MeasureId, o.AreaId)))
    {
        var ordered = series.OrderBy(o => o.Period).ToList();
        count += RollingTwelveMonths.Series(ordered[0].Period, ordered.Select(o => (long)o.Value).ToList()).Count;
    }

    return count;
});

var pairs = rows.Count;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| rolling12 --to 2024-03: {pairs} measure × area pairs, one month | {single.Median:0.0} ms | {single.Result} comparisons |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| every measure × area × month of ten years (read + prefix sums + verdicts) | {all.Median:0.0} ms | {all.Result:N0} comparisons |"));
File.Delete(path);

static (double Median, int Result) Time(int runs, Func<int> action)
{
    var times = new List<double>();
    var result = 0;
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        result = action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return (times[runs / 2], result);
}
