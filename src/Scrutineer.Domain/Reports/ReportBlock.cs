namespace Scrutineer.Domain.Reports;

/// <summary>One block of a <see cref="ReportDocument"/>: heading, paragraph, list, table, chart, contents or page break.</summary>
public abstract record ReportBlock
{
    /// <summary>OFFICIAL-SENSITIVE content, left out of a public version.</summary>
    public bool Sensitive { get; init; }

    /// <summary>
    /// What a public version prints in place of this sensitive block (for example "Sensitivity: Official" for
    /// "Sensitivity: Official-Sensitive"); null to leave it out.
    /// </summary>
    public ReportBlock? PublicVersion { get; init; }

    internal static IReadOnlyList<ReportBlock> Public(IReadOnlyList<ReportBlock> blocks) =>
        blocks.Select(b => b.Sensitive ? b.PublicVersion : b).OfType<ReportBlock>()
            .Select(b => b is ReportTable table ? table.WithoutSensitive() : b).ToList();

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
