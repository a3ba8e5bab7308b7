namespace Scrutineer.LoadTest;

/// <summary>The machine's 1, 5 and 15-minute load averages (from /proc/loadavg), to show how busy it was.</summary>
internal static class LoadAverage
{
    public static string Read() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
