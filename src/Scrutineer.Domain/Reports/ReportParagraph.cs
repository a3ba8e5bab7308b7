namespace Scrutineer.Domain.Reports;

/// <summary>A paragraph of text.</summary>
/// <param name="Text">The text; new lines inside are line breaks.</param>
/// <param name="Style">How the paragraph is set.</param>
public sealed record ReportParagraph(string Text, ParagraphStyle Style = ParagraphStyle.Normal) : ReportBlock;
