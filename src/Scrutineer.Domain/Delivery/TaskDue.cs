namespace Scrutineer.Domain.Delivery;

/// <summary>
/// A task's "When", kept exactly as written and read where it can be: a date (inclusive last day), a frequency, or neither.
/// </summary>
/// <param name="AsWritten">The cell's text, trimmed; empty when blank.</param>
/// <param name="Kind">How the text was read.</param>
/// <param name="Date">The due (or review, or until) day when the text names one; the last day of a month or season.</param>
/// <param name="Frequency">"Monthly", "Quarterly" … for recurring tasks.</param>
public sealed record TaskDue(string AsWritten, DueKind Kind, DateOnly? Date, string? Frequency)
{
    /// <summary>No "When" given (a new instance each time: a stored task owns its value).</summary>
    public static TaskDue Blank => new("", DueKind.Blank, null, null);

    /// <summary>The text as written, or "–" when blank.</summary>
    public override string ToString() => AsWritten.Length == 0 ? "–" : AsWritten;
}
