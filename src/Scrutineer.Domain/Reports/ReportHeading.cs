namespace Scrutineer.Domain.Reports;

/// <summary>A heading (level 1 to 3), optionally starting a new page and carrying a bookmark.</summary>
/// <param name="Level">1 (chapter) to 3.</param>
/// <param name="Text">The heading text.</param>
/// <param name="Anchor">Bookmark name ("Priority_3") that contents entries link to; letters, digits and underscores.</param>
/// <param name="NewPage">Whether the heading starts a new page.</param>
public sealed record ReportHeading(int Level, string Text, string? Anchor = null, bool NewPage = false) : ReportBlock;
