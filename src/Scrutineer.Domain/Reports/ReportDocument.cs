using Scrutineer.Domain.Documents;

namespace Scrutineer.Domain.Reports;

/// <summary>
/// A report as a format-neutral document: a title, the classification printed at the top and bottom of every page,
/// and blocks in reading order. The DOCX, HTML and PDF renderers all draw the same document.
/// </summary>
/// <param name="Title">The document title (window title, DOCX core property, first heading).</param>
/// <param name="Classification">The marking printed on every page.</param>
/// <param name="Blocks">The content in order.</param>
public sealed record ReportDocument(string Title, Classification Classification, IReadOnlyList<ReportBlock> Blocks)
{
    /// <summary>"OFFICIAL" or "OFFICIAL-SENSITIVE".</summary>
    public string Marking => Classification.Marking();

    /// <summary>Short text for the running header beside the marking, for example the report title.</summary>
    public string RunningTitle { get; init; } = Title;

    /// <summary>Every block, depth first, including those inside table cells.</summary>
    public IEnumerable<ReportBlock> AllBlocks() => ReportBlock.Flatten(Blocks);
}
