using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.Performance;

/// <summary>
/// A table of one measure by area (rows) and month (columns), with row totals and a total row, like a report's
/// "outstanding suspects by LPA" table. A cell with no data is null and counts as nothing in the totals.
/// </summary>
public sealed record MonthlyTable
{
    /// <summary>The months, oldest first (columns).</summary>
    public required IReadOnlyList<ReportingMonth> Months { get; init; }

    /// <summary>One row per area, in the order given.</summary>
    public required IReadOnlyList<MonthlyTableRow> Rows { get; init; }

    /// <summary>The total of each month over the rows.</summary>
    public IReadOnlyList<decimal> ColumnTotals => Months.Select((_, i) => Rows.Sum(r => r.Cells[i] ?? 0)).ToList();

    /// <summary>The total of every cell.</summary>
    public decimal GrandTotal => Rows.Sum(r => r.Total);

    /// <summary>Builds the table for <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static MonthlyTable Build(IEnumerable<(string Area, IReadOnlyDictionary<ReportingMonth, decimal> Values)> areas, ReportingMonth from, ReportingMonth to)
    {
        if (to < from)
        {
            throw new ArgumentException($"{to} is before {from}.", nameof(to));
        }

        var months = Enumerable.Range(0, to.Ordinal - from.Ordinal + 1).Select(from.Plus).ToList();
        var rows = areas.Select(a => new MonthlyTableRow(a.Area, months.Select(m => a.Values.TryGetValue(m, out var v) ? v : (decimal?)null).ToList())).ToList();
        return new MonthlyTable { Months = months, Rows = rows };
    }
}

/// <summary>A row of a <see cref="MonthlyTable"/>.</summary>
/// <param name="Area">The area's name.</param>
/// <param name="Cells">One cell per month; null where there is no data.</param>
public sealed record MonthlyTableRow(string Area, IReadOnlyList<decimal?> Cells)
{
    /// <summary>The sum of the row's cells.</summary>
    public decimal Total => Cells.Sum(c => c ?? 0);
}
