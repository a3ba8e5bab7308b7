using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.Imports;

/// <summary>
/// A measure's month written by an import run: its total before and after (summed over the top-level areas, such as
/// the force) and whether the month is held as provisional, with the reason. A held month is left out of every
/// figure (the store's filter on observations) until an analyst confirms it or a later import writes it again.
/// </summary>
public sealed class ImportRunMonth
{
    /// <summary>The most characters of a hold's reason.</summary>
    public const int ReasonMaxLength = 1000;

    private ImportRunMonth()
    {
    }

    public ImportRunMonth(long runId, int measureId, ReportingMonth period, decimal? before, decimal? after, string? heldBecause)
    {
        RunId = runId;
        MeasureId = measureId;
        Period = period;
        Before = before;
        After = after;
        Hold = heldBecause is null ? MonthHold.None : MonthHold.Held;
        Reason = heldBecause is null || heldBecause.Length <= ReasonMaxLength ? heldBecause : heldBecause[..ReasonMaxLength];
    }

    /// <summary>Store key.</summary>
    public long Id { get; private set; }

    /// <summary>The run that wrote the month.</summary>
    public long RunId { get; private set; }

    /// <summary>The measure's key.</summary>
    public int MeasureId { get; private set; }

    /// <summary>The month.</summary>
    public ReportingMonth Period { get; private set; }

    /// <summary>The total over the top-level areas before the run, or null when the store held none.</summary>
    public decimal? Before { get; private set; }

    /// <summary>The total over the top-level areas the run wrote, or null when it wrote none there.</summary>
    public decimal? After { get; private set; }

    /// <summary>Whether the month is (or was) held as provisional.</summary>
    public MonthHold Hold { get; private set; }

    /// <summary>Why it was held, for the user; null when it never was.</summary>
    public string? Reason { get; private set; }

    /// <summary>The later run that wrote the month again while it was held, or null.</summary>
    public long? ReplacedByRunId { get; private set; }

    public void Confirm() => Hold = Hold == MonthHold.Held ? MonthHold.Confirmed : Hold;

    public void ReplaceBy(long runId)
    {
        Hold = MonthHold.Replaced;
        ReplacedByRunId = runId;
    }

    /// <summary>The run that replaced this held month was undone: the month and its hold are back.</summary>
    public void Restore()
    {
        Hold = MonthHold.Held;
        ReplacedByRunId = null;
    }

    public void Withdraw() => Hold = Hold == MonthHold.Held ? MonthHold.Withdrawn : Hold;
}
