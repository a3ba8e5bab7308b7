using System.Globalization;

namespace Scrutineer.LoadTest;

/// <summary>
/// Samples the server's resident memory every few seconds while the run lasts and sums it up: first, last, highest,
/// and the least-squares trend over the second half of the run (the first half includes warm-up: JIT, pools, caches).
/// </summary>
internal sealed class MemorySampler(ServerProcess server, TimeSpan every)
{
    private readonly List<(double Seconds, double Megabytes, string LoadAverage)> samples = [];

    public IReadOnlyList<(double Seconds, double Megabytes, string LoadAverage)> Samples => samples;

    public async Task RunAsync(DateTimeOffset started, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(every);
        Take(started);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                Take(started);
            }
        }
        catch (OperationCanceledException)
        {
        }

        Take(started);
    }

    /// <summary>
    /// MB per 10 minutes over the second half of the samples (least squares); null when that half spans under 5 minutes
    /// (a shorter run is still warming up: JIT, connection and context pools, caches) or holds fewer than 4 samples.
    /// </summary>
    public double? TrendPerTenMinutes()
    {
        var half = samples.Skip(samples.Count / 2).ToList();
        if (half.Count < 4 || half[^1].Seconds - half[0].Seconds < 300)
        {
            return null;
        }

        var meanX = half.Average(s => s.Seconds);
        var meanY = half.Average(s => s.Megabytes);
        var sxx = half.Sum(s => (s.Seconds - meanX) * (s.Seconds - meanX));
        var sxy = half.Sum(s => (s.Seconds - meanX) * (s.Megabytes - meanY));
        return sxx == 0 ? null : sxy / sxx * 600;
    }

    public async Task WriteCsvAsync(string path)
    {
        var lines = new List<string> { "seconds,rss_mb,load_average_1m" };
        lines.AddRange(samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Seconds:0.0},{s.Megabytes:0.0},{s.LoadAverage}")));
        await File.WriteAllLinesAsync(path, lines);
    }

    private void Take(DateTimeOffset started)
    {
        lock (samples)
        {
            samples.Add(((DateTimeOffset.UtcNow - started).TotalSeconds, server.ResidentMegabytes(), LoadAverage.Read().Split(' ')[0]));
        }
    }
}
