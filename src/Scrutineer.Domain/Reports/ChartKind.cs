namespace Scrutineer.Domain.Reports;

/// <summary>How a chart draws its first series (further series are always lines: mean, limits).</summary>
public enum ChartKind
{
    /// <summary>Columns, one per category.</summary>
    Bar,

    /// <summary>A line through the points.</summary>
    Line,

    /// <summary>Statistical process control (XmR individuals) chart: values, mean and process limits.</summary>
    Spc,
}
