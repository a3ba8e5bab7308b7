using System.Globalization;
using Scrutineer.Application.Data;
using Scrutineer.LoadTest;

// Load and soak test of the web application (see docs/reliability.md): builds the demo force into a new store (SQLite,
// or an empty PostgreSQL database named by --db),
// adds N contributor accounts, starts `scrutineer serve` as a process of its own on a free 127.0.0.1 port, signs every
// contributor in through the sign-in form, lets them save and submit updates for the given time, samples the server's
// memory, then checks the store against what each contributor was told. Exit code 0 only when there was no 5xx, no
// unanswered request and no store problem.
//   dotnet LoadTest.dll --cli artifacts/cli/scrutineer.dll --users 200 --seconds 60
//   dotnet LoadTest.dll --cli artifacts/cli/scrutineer.dll --users 50 --seconds 1800 --think-ms 500 --samples-csv /tmp/soak.csv
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

void Say(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

var db = options.Db;
Say($"machine: {Environment.ProcessorCount} cores; load average {LoadAverage.Read()}; store {StoreLocation.Resolve(db).Description}");
var accounts = await LoadStore.BuildAsync(db, options.Users, options.Prefix, CancellationToken.None);
var slots = accounts.SelectMany(a => a.Slots).Distinct().ToList();
var shared = accounts.SelectMany(a => a.Slots).GroupBy(s => s).Count(g => g.Count() > 1);
Say($"demo force built; {accounts.Count} contributors on {slots.Count} writable slots of the open round ({shared} slots with two or more writers)");

// With --url the site is already running (the deployment rehearsal: nginx in front of two instances); otherwise the
// load test starts `scrutineer serve` itself and samples its memory.
await using var server = options.Url is null ? await ServerProcess.StartAsync(options.Cli, db, options.Work, CancellationToken.None) : null;
var site = server?.Url ?? new Uri(options.Url!);
if (server is null)
{
    Say($"site {site} (already running)");
}
else
{
    Say($"server pid {server.Id} on {server.Url} ({server.ResidentMegabytes():0} MB resident)");
}
using var trust = options.Ca is null ? null : System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(options.Ca);

var log = new RequestLog();
var contributors = accounts.Select((a, i) => new Contributor(a, site, log, options.SubmitPercent, options.ThinkMilliseconds, seed: i + 1, trust)).ToList();
try
{
    var signIn = System.Diagnostics.Stopwatch.StartNew();
    var signedIn = await Task.WhenAll(contributors.Select(c => c.SignInAsync()));
    Say($"sign-in: {signedIn.Count(s => s)} of {signedIn.Length} signed in, {signIn.Elapsed.TotalSeconds:0.0} s for all (in parallel)");
    if (signedIn.Any(s => !s))
    {
        Console.Error.WriteLine("Some contributors could not sign in: stopping.");
        return 1;
    }

    var signInRequests = log.Requests.Count;
    var started = DateTimeOffset.UtcNow;
    var until = started.AddSeconds(options.Seconds);
    var sampler = server is null ? null : new MemorySampler(server, TimeSpan.FromSeconds(options.SampleSeconds));
    using var stopSampling = new CancellationTokenSource();
    var sampling = sampler?.RunAsync(started, stopSampling.Token) ?? Task.CompletedTask;
    DateTimeOffset? killedAt = null;
    var killing = options.Kill is { } victim
        ? Task.Run(async () =>
        {
            // The failover check: one instance behind the proxy is killed outright (SIGKILL) mid-run.
            await Task.Delay(TimeSpan.FromSeconds(options.KillAfter));
            System.Diagnostics.Process.GetProcessById(victim).Kill();
            killedAt = DateTimeOffset.UtcNow;
            Say($"killed process {victim} at {options.KillAfter} s into the run");
        })
        : Task.CompletedTask;
    Say($"load: {options.Users} contributors for {options.Seconds} s, submit {options.SubmitPercent}% of saves, think {options.ThinkMilliseconds} ms; load average {LoadAverage.Read()}");
    await Task.WhenAll(contributors.Select(c => Task.Run(() => c.RunAsync(until))));
    var elapsed = (DateTimeOffset.UtcNow - started).TotalSeconds;
    var loadAtEnd = LoadAverage.Read();
    await stopSampling.CancelAsync();
    await sampling;
    await killing;

    var timed = log.Requests.Skip(signInRequests).ToList();
    var ms = timed.Select(r => r.Milliseconds).Order().ToList();
    double P(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    var serverErrors = timed.Count(r => r.Status >= 500) + log.Requests.Take(signInRequests).Count(r => r.Status >= 500);
    Say($"requests: {timed.Count} in {elapsed:0.0} s = {timed.Count / elapsed:0.0}/s; latency p50 {P(ms, 50):0} ms, p95 {P(ms, 95):0} ms, p99 {P(ms, 99):0} ms, max {ms.LastOrDefault():0} ms");
    foreach (var kind in timed.GroupBy(r => r.Kind).OrderBy(g => g.Key))
    {
        var sorted = kind.Select(r => r.Milliseconds).Order().ToList();
        var statuses = string.Join(", ", kind.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
        Say($"  {kind.Key,-7} {kind.Count(),7} requests  p50 {P(sorted, 50),6:0} ms  p95 {P(sorted, 95),6:0} ms  p99 {P(sorted, 99),6:0} ms  ({statuses})");
    }

    var saves = log.Saves;
    Say($"saves posted: {saves.Count}; accepted {saves.Count(s => s.Result == SaveResult.Accepted)} (of which submitted {saves.Count(s => s.Result == SaveResult.Accepted && s.Submit)}), refused as a concurrent change {saves.Count(s => s.Result == SaveResult.Conflict)}, refused otherwise {saves.Count(s => s.Result == SaveResult.Refused)}, no answer or 5xx {saves.Count(s => s.Result == SaveResult.Failed)}");
    Say($"5xx answers: {serverErrors}; unhandled exceptions in the server log: {(server is null ? "n/a (not started here)" : server.LoggedServerErrors())}; unanswered requests: {log.NoAnswer}");
    var afterKill = 0;
    if (killedAt is { } killed)
    {
        // Requests under way when the instance died may fail; every one started two seconds or more later must be answered
        // by the other instance.
        var later = timed.Where(r => r.At >= killed.AddSeconds(2)).ToList();
        afterKill = later.Count(r => r.Status >= 500 || r.Status == 0);
        Say($"after the kill: {afterKill} 5xx or unanswered of {later.Count} requests started 2 s or more after it; {timed.Count(r => r.At < killed.AddSeconds(2) && r.At >= killed.AddSeconds(-120) && (r.Status >= 500 || r.Status == 0))} failed around it");
    }

    Say($"load average at the end: {loadAtEnd}");

    if (sampler is not null)
    {
        var rss = sampler.Samples;
        var trend = sampler.TrendPerTenMinutes();
        Say($"server memory (VmRSS, every {options.SampleSeconds} s, {rss.Count} samples): first {rss[0].Megabytes:0} MB, last {rss[^1].Megabytes:0} MB, highest {rss.Max(s => s.Megabytes):0} MB; trend over the second half {(trend is { } t ? $"{t:+0.0;-0.0;0.0} MB per 10 minutes" : "n/a (needs a run of 10 minutes or more)")}");
        if (options.SamplesCsv is not null)
        {
            await sampler.WriteCsvAsync(options.SamplesCsv);
            Say($"samples written to {options.SamplesCsv}");
        }
    }

    if (server is not null)
    {
        await server.DisposeAsync();
    }

    var problems = await StoreVerification.CheckAsync(db, saves, $"[LT load.{options.Prefix}");
    Say($"store check: {(problems.Count == 0 ? "no lost, duplicated, misplaced or unexplained updates" : $"{problems.Count} problems")}");
    foreach (var problem in problems.Take(50))
    {
        Console.WriteLine("  " + problem);
    }

    return problems.Count == 0 && (killedAt is null ? serverErrors == 0 && log.NoAnswer == 0 : afterKill == 0) ? 0 : 1;
}
finally
{
    contributors.ForEach(c => c.Dispose());
}
