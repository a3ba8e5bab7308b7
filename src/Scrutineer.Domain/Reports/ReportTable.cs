namespace Scrutineer.Domain.Reports;

/// <summary>
/// A table with a caption and a header row that repeats on every page the table runs onto. A totals row, when
/// present, is the last row.
/// </summary>
/// <param name="Caption">What the table shows (HTML caption, DOCX table caption property).</param>
/// <param name="Columns">Header texts, one per column.</param>
/// <param name="Rows">Body rows; each has as many cells as there are columns.</param>
public sealed record ReportTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<ReportRow> Rows) : ReportBlock
{
    /// <summary>Relative column widths (any units; proportions are what count); null for equal widths.</summary>
    public IReadOnlyList<int>? Widths { get; init; }

    /// <summary>Whether the header row is printed; a key–value metadata table has none.</summary>
    public bool ShowHeader { get; init; } = true;

    /// <summary>Whether the first cell of each row heads that row (HTML th scope="row").</summary>
    public bool RowHeaders { get; init; }

    /// <summary>Columns that hold figures and are right-aligned.</summary>
    public IReadOnlySet<int> NumericColumns { get; init; } = new HashSet<int>();
}
