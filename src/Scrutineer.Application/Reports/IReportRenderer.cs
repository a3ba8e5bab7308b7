using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>Writes a <see cref="ReportDocument"/> in one format. Three implementations: DOCX, HTML and PDF.</summary>
public interface IReportRenderer
{
    /// <summary>The format written.</summary>
    ReportFormat Format { get; }

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/>.</summary>
    Task RenderAsync(ReportDocument document, Stream output, CancellationToken cancellationToken = default);
}
