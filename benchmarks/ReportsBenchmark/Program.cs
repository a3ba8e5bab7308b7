using System.Diagnostics;
using System.Globalization;
using Scrutineer.Application.Data;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Reports;

// Report generation in-process, as the web application does it: each run opens a new store context, builds the
// report's data from the store and renders it to memory. The first run (cold: JIT, EF model, first queries) is shown
// on its own; then the median of the warm runs.
//   dotnet run -c Release --project benchmarks/ReportsBenchmark -- DEMO.db [PERIOD]
if (args.Length < 1)
{
    Console.Error.WriteLine("Usage: ReportsBenchmark DEMO.db [PERIOD]");
    return 2;
}

var location = StoreLocation.Resolve(args[0]);
if (args.Length > 1 && args[1] is "--startup-migrate" or "--startup-query")
{
    // Cold start of one process: opening the store as the CLI does (with the schema check) or with a plain first query.
    var watch = Stopwatch.StartNew();
    await using var db = location.Open();
    if (args[1] == "--startup-migrate")
    {
        await StoreSchema.UpgradeAsync(db);
    }

    var opened = watch.Elapsed.TotalMilliseconds;
    _ = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Plans);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[1]}: open {opened:0} ms, first query done at {watch.Elapsed.TotalMilliseconds:0} ms"));
    return 0;
}

var period = FinancialQuarter.Parse(args.Length > 1 ? args[1] : "Q4 2023/24");
var now = new DateTimeOffset(2024, 4, 22, 9, 0, 0, TimeSpan.Zero);
var reports = new (string Name, Func<ScrutineerDb, Task<ReportDocument>> Build)[]
{
    ("quarterly", db => QuarterlyReport.BuildAsync(db, period, now)),
    ("strategy", db => StrategyReport.BuildAsync(db, period, now)),
    ("closure", db => ClosureReport.BuildAsync(db, period)),
};

Console.WriteLine($"{"report",-10} {"format",-6} {"cold",8} {"warm median",12} {"of which data",14}  runs");
foreach (var (name, build) in reports)
{
    foreach (var format in new[] { "docx", "html", "pdf" })
    {
        IReportRenderer renderer = format switch
        {
            "docx" => new DocxReportRenderer(),
            "html" => new HtmlReportRenderer(),
            _ => new PdfReportRenderer(),
        };
        var runs = format == "pdf" ? 3 : 10;
        var times = new List<(double Total, double Data)>();
        for (var i = 0; i <= runs; i++)
        {
            var watch = Stopwatch.StartNew();
            ReportDocument document;
            await using (var db = location.Open())
            {
                document = await build(db);
            }

            var data = watch.Elapsed.TotalMilliseconds;
            using var stream = new MemoryStream();
            await renderer.RenderAsync(document, stream);
            times.Add((watch.Elapsed.TotalMilliseconds, data));
        }

        var warm = times.Skip(1).OrderBy(t => t.Total).ToList();
        var median = warm[warm.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-10} {format,-6} {times[0].Total / 1000,7:0.00}s {median.Total / 1000,11:0.00}s {median.Data / 1000,13:0.00}s  {runs}"));
    }
}

return 0;
