namespace Scrutineer.Domain.Imports;

/// <summary>Where an import run stands.</summary>
public enum ImportRunStatus
{
    /// <summary>Everything it wrote is in use.</summary>
    Completed,

    /// <summary>Some months it wrote are held as provisional until an analyst confirms them or a later import replaces them.</summary>
    Provisional,

    /// <summary>What it wrote has been put back as it was before.</summary>
    Undone,
}
