namespace Scrutineer.Domain.Reports;

/// <summary>An invisible bookmark, such as the end of a section that a contents page range refers to.</summary>
/// <param name="Name">Bookmark name; letters, digits and underscores.</param>
public sealed record ReportAnchor(string Name) : ReportBlock;
