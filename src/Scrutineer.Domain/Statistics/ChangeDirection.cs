namespace Scrutineer.Domain.Statistics;

/// <summary>Which way a figure moved between two periods.</summary>
public enum ChangeDirection
{
    /// <summary>The later figure is lower.</summary>
    Decrease,

    /// <summary>The two figures are equal.</summary>
    NoChange,

    /// <summary>The later figure is higher.</summary>
    Increase,
}
