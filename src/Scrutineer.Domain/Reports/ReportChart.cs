using Scrutineer.Domain.Statistics;

namespace Scrutineer.Domain.Reports;

/// <summary>
/// A chart with its data: drawn as inline SVG in HTML/PDF (with its data table beside it) and as a native chart part in
/// DOCX. <see cref="AltText"/> describes it for readers who cannot see it.
/// </summary>
/// <param name="Kind">Bar, line, or SPC (XmR) chart.</param>
/// <param name="Title">The caption printed above it.</param>
/// <param name="AltText">A sentence saying what the chart shows (range, trend, latest value).</param>
/// <param name="Categories">X-axis labels in order ("Apr 2023", "2019/20").</param>
/// <param name="Series">One or more series, each with one value per category (null for no value).</param>
public sealed record ReportChart(
    ChartKind Kind,
    string Title,
    string AltText,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series) : ReportBlock
{
    /// <summary>Y-axis title, for example "Crimes recorded".</summary>
    public string ValueAxisTitle { get; init; } = "";

    /// <summary>
    /// Where the report prints the chart's figures instead of a data table beside it ("Appendix A, table A.1"); null to
    /// print the data table beside the chart.
    /// </summary>
    public string? DataElsewhere { get; init; }

    /// <summary>
    /// For an SPC chart, each category's variation (one per category, in order), so that the first series' special-cause
    /// points are marked as Making Data Count marks them; null to draw every point alike.
    /// </summary>
    public IReadOnlyList<PointVariation>? Variations { get; init; }
}
