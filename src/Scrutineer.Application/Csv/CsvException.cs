namespace Scrutineer.Application.Csv;

/// <summary>
/// A CSV file broke a limit or the quoting rules at <see cref="Line"/>. Each import turns it into its own refusal
/// naming the file (an import error, a delivery-plan error), so the reader itself names no file.
/// </summary>
internal sealed class CsvException(long line, string problem) : Exception(problem)
{
    /// <summary>The 1-based line the broken record starts on.</summary>
    public long Line { get; } = line;

    /// <summary>What was wrong and what to do.</summary>
    public string Problem { get; } = problem;
}
