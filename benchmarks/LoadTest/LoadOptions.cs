using System.Globalization;

namespace Scrutineer.LoadTest;

/// <summary>
/// What one run does: how many contributors, for how long, how often they submit, how long they pause between
/// requests, how often the server's memory is sampled, and where the CLI and the CSV of samples are.
/// </summary>
internal sealed record LoadOptions(
    string Cli,
    int Users,
    int Seconds,
    int SubmitPercent,
    int ThinkMilliseconds,
    int SampleSeconds,
    string? SamplesCsv,
    string Work,
    string Db,
    string? Url,
    string? Ca,
    string Prefix,
    int? Kill,
    int KillAfter)
{
    public const string Usage = "Usage: LoadTest --cli artifacts/cli/scrutineer.dll [--users 200] [--seconds 60] [--submit-percent 5] "
        + "[--think-ms 0] [--sample-seconds 10] [--samples-csv FILE] [--work FOLDER] [--db SQLITE-FILE|POSTGRESQL-CONNECTION-STRING] "
        + "[--url URL (a running site: no server is started) [--ca CERT.pem] [--prefix NAME] [--kill PID [--kill-after S]]]";

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'. {Usage}");
            }

            values[args[i][2..]] = args[i + 1];
        }

        int Number(string name, int fallback, int min, int max)
        {
            if (!values.TryGetValue(name, out var text))
            {
                return fallback;
            }

            var value = int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
            return value >= min && value <= max ? value : throw new ArgumentException($"--{name} must be between {min} and {max}.");
        }

        var cli = values.TryGetValue("cli", out var c) ? Path.GetFullPath(c) : throw new ArgumentException(Usage);
        if (!File.Exists(cli))
        {
            throw new ArgumentException($"No CLI at {cli}: build it first (./scrutineer --help).");
        }

        var work = values.TryGetValue("work", out var w) ? Path.GetFullPath(w) : Directory.CreateTempSubdirectory("scrutineer-load-").FullName;
        Directory.CreateDirectory(work);
        var known = new[] { "cli", "users", "seconds", "submit-percent", "think-ms", "sample-seconds", "samples-csv", "work", "db", "url", "ca", "prefix", "kill", "kill-after" };
        var unknown = values.Keys.FirstOrDefault(k => !known.Contains(k, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown option --{unknown}. {Usage}");
        }

        return new LoadOptions(
            cli,
            Number("users", 200, 1, 2000),
            Number("seconds", 60, 5, 24 * 3600),
            Number("submit-percent", 5, 0, 100),
            Number("think-ms", 0, 0, 60_000),
            Number("sample-seconds", 10, 1, 600),
            values.GetValueOrDefault("samples-csv"),
            work,
            values.GetValueOrDefault("db") ?? Path.Combine(work, "load.db"),
            values.GetValueOrDefault("url"),
            values.GetValueOrDefault("ca"),
            values.GetValueOrDefault("prefix") ?? "",
            values.ContainsKey("kill") ? Number("kill", 0, 1, int.MaxValue) : null,
            Number("kill-after", 10, 1, 24 * 3600));
    }
}
