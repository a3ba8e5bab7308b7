namespace Scrutineer.Domain.Imports;

/// <summary>Whether a measure's month written by an import run is held back as provisional.</summary>
public enum MonthHold
{
    /// <summary>Never held: the month looked like its recent history.</summary>
    None,

    /// <summary>Held: left out of every figure until confirmed or replaced.</summary>
    Held,

    /// <summary>Was held; an analyst confirmed it.</summary>
    Confirmed,

    /// <summary>Was held; a later import wrote the month again (see <see cref="ImportRunMonth.ReplacedByRunId"/>).</summary>
    Replaced,

    /// <summary>Was held; the run was undone.</summary>
    Withdrawn,
}
