namespace Scrutineer.Domain.Delivery;

/// <summary>The two lists a strand reports each quarter.</summary>
public enum QuarterNoteKind
{
    /// <summary>"Delivery achieved July–September 2021".</summary>
    Achieved,

    /// <summary>"Delivery scheduled October–December 2021" (the quarter after the one reported).</summary>
    Scheduled,
}
