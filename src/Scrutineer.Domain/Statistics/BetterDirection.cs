namespace Scrutineer.Domain.Statistics;

/// <summary>Which way a measure should move: decides whether a signal is an improvement or a concern.</summary>
public enum BetterDirection
{
    /// <summary>Lower is better (most crime counts).</summary>
    Lower,

    /// <summary>Higher is better (charge rates, officer numbers, satisfaction).</summary>
    Higher,

    /// <summary>Neither: a change is reported, never judged (for example recorded hate crime, where more reporting can be good).</summary>
    Neither,
}
