namespace Scrutineer.Application.Performance;

/// <summary>What a measure is linked to: a plan priority, a commitment or a strategy strand.</summary>
public enum MeasureLinkOwnerKind
{
    /// <summary>A plan priority.</summary>
    Priority,

    /// <summary>A plan commitment (a We Will).</summary>
    Commitment,

    /// <summary>A crime prevention strategy's thematic strand.</summary>
    Strand,
}
