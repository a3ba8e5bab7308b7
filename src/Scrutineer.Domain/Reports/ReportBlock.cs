namespace Scrutineer.Domain.Reports;

/// <summary>One block of a <see cref="ReportDocument"/>: heading, paragraph, list, table, chart, contents or page break.</summary>
public abstract record ReportBlock
{
    internal static IEnumerable<ReportBlock> Flatten(IEnumerable<ReportBlock> blocks)
    {
        foreach (var block in blocks)
        {
            yield return block;
            if (block is ReportTable table)
            {
                foreach (var inner in Flatten(table.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Content)))
                {
                    yield return inner;
                }
            }
        }
    }
}
