namespace Scrutineer.Domain.Reports;

/// <summary>A table row.</summary>
/// <param name="Cells">One cell per column.</param>
/// <param name="IsTotal">A totals row (set bold, kept last).</param>
public sealed record ReportRow(IReadOnlyList<ReportCell> Cells, bool IsTotal = false)
{
    /// <summary>A row of plain-text cells.</summary>
    public static ReportRow Of(params string[] texts) => new(texts.Select(ReportCell.Of).ToList());

    /// <summary>A totals row of plain-text cells.</summary>
    public static ReportRow Total(params string[] texts) => new(texts.Select(ReportCell.Of).ToList(), IsTotal: true);
}
