namespace Scrutineer.Application.Demo;

/// <summary>
/// What the demo builder needs: the clock's "today" for the demo (fixed, so the demo is deterministic), a folder to
/// write sample files into (demo workbooks and CSVs, so users can see the import formats), and a progress callback.
/// </summary>
/// <param name="Today">The demo's today: Monday 22 April 2024, after the Q4 2023/24 deadline (19 April) with that round still open.</param>
/// <param name="FilesFolder">Where sample import files are written; null writes none.</param>
/// <param name="Progress">Called with a short line as each part is built.</param>
public sealed record DemoSettings(DateTimeOffset Today, string? FilesFolder, Action<string> Progress)
{
    /// <summary>The fixed "today" of the demo force.</summary>
    public static readonly DateTimeOffset DemoToday = new(2024, 4, 22, 9, 0, 0, TimeSpan.Zero);
}
