namespace Scrutineer.Domain.Reports;

/// <summary>A bulleted list, one line per item.</summary>
/// <param name="Items">The items in order.</param>
public sealed record ReportBulletList(IReadOnlyList<string> Items) : ReportBlock;
