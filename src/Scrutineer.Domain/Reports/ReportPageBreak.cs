namespace Scrutineer.Domain.Reports;

/// <summary>Starts a new page.</summary>
public sealed record ReportPageBreak : ReportBlock;
