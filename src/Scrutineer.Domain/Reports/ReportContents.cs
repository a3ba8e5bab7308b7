namespace Scrutineer.Domain.Reports;

/// <summary>
/// The contents. Renderers write the contents with their page numbers (DOCX) or a list of links (HTML) from the headings, and,
/// when <see cref="Entries"/> is not empty, a table of entries with page ranges and bookmarks.
/// </summary>
/// <param name="Entries">Entries for the contents table (the quarterly report's "Priority | Pages | Bookmark").</param>
public sealed record ReportContents(IReadOnlyList<ContentsEntry> Entries) : ReportBlock
{
    /// <summary>Page ranges worked out after pagination, by anchor; empty until a paginating renderer fills them.</summary>
    public IReadOnlyDictionary<string, PageRange> Pages { get; init; } = new Dictionary<string, PageRange>();
}
