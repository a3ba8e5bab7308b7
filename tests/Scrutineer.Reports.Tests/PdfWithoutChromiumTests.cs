using Scrutineer.Application.Reports;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;
using Scrutineer.Testing;

namespace Scrutineer.Reports.Tests;

/// <summary>A PDF asked for on a machine without Chromium says in one line what to install, and writes nothing.</summary>
public sealed class PdfWithoutChromiumTests
{
    [Fact]
    public async Task Pdf_ChromiumMissing_RefusedWithWhatToInstall()
    {
        var renderer = new PdfReportRenderer(new HtmlReportRenderer(), "/nonexistent/chromium");
        using var output = new MemoryStream();

        var refusal = await Assert.ThrowsAsync<DomainException>(() => renderer.RenderAsync(SampleReports.EveryBlock(Classification.Official), output));

        Assert.Equal(
            "PDF reports need Chromium and pdftotext, which this machine does not have. Install them with 'sudo apt-get install chromium', or choose DOCX or HTML.",
            refusal.Message);
        Assert.Equal(0, output.Length);
    }
}
