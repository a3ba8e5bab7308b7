namespace Scrutineer.Application.Reports;

/// <summary>The formats a report is written in.</summary>
public enum ReportFormat
{
    /// <summary>Word document: heading styles, tables, contents field, native charts.</summary>
    Docx,

    /// <summary>Standalone, accessible HTML page with inline SVG charts.</summary>
    Html,

    /// <summary>PDF printed from the HTML by headless Chromium.</summary>
    Pdf,
}
