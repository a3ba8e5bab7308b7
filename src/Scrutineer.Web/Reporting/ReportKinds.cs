using Scrutineer.Application.Data;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Web.Reporting;

/// <summary>The three reports the Reports page offers, by the name used in its query string.</summary>
public static class ReportKinds
{
    public sealed record Kind(string Slug, string Name, string Description, Func<ScrutineerDb, FinancialQuarter, string, DateTimeOffset, CancellationToken, Task<ReportDocument>> Build);

    public static IReadOnlyList<Kind> All { get; } =
    [
        new("quarterly", "Quarterly update on delivery against the We Wills", "A section per priority and a row per commitment with each unit's approved commentary.",
            (db, period, plan, now, ct) => QuarterlyReport.BuildAsync(db, period, now, plan, ct)),
        new("strategy", "Strategy scrutiny report", "Delivery progress by thematic strand, leads, insights with charts, and the tasks at risk.",
            (db, period, _, now, ct) => StrategyReport.BuildAsync(db, period, now, null, ct)),
        new("closure", "Closure report", "A chapter per priority with long-run figures, and every We Will with its outcomes.",
            (db, period, plan, _, ct) => ClosureReport.BuildAsync(db, period, plan, ct)),
    ];

    public static IReportRenderer Renderer(ReportFormat format) => format switch
    {
        ReportFormat.Docx => new DocxReportRenderer(),
        ReportFormat.Html => new HtmlReportRenderer(),
        ReportFormat.Pdf => new PdfReportRenderer(),
    };

    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ReportFormat.Html => "text/html; charset=utf-8",
        ReportFormat.Pdf => "application/pdf",
    };
}
