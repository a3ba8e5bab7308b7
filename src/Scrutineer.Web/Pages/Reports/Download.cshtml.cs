using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Reports;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Pages.Reports;

/// <summary>
/// Builds and downloads a report from the catalogue (GET, so a link can be shared):
/// <c>?report=quarterly&amp;round=4&amp;format=pdf&amp;version=public</c> (no version: the full one); the strategy report
/// also takes its cover details (<c>agenda</c>, <c>meeting</c>, <c>paperVersion</c>, <c>written</c>, <c>approved</c>). A round or a
/// version the account may not have answers 404; a report the store cannot build yet shows why; an account already
/// generating as many reports as <see cref="Reporting.ReportGenerationLimit"/> allows is answered 429.
/// </summary>
public sealed class DownloadModel(ScrutineerDb db, TimeProvider clock, ChromiumPool chromium, Reporting.ReportGenerationLimit limit) : ScrutineerPageModel
{
    public string? Problem { get; private set; }

    /// <summary>The page's heading: why no report was downloaded.</summary>
    public string Heading { get; private set; } = "The report cannot be built yet";

    public async Task<IActionResult> OnGetAsync(string? report, int round, string? format, string? version, string? agenda, string? meeting, string? paperVersion, string? written, string? approved, CancellationToken ct)
    {
        var kind = ReportCatalogue.Find(report);
        ReportVersion? chosen = version switch
        {
            null or "full" => ReportVersion.Full,
            "public" => ReportVersion.Public,
            _ => null,
        };
        if (kind is null || chosen is not { } v || !Enum.TryParse<ReportFormat>(format, ignoreCase: true, out var fmt) || !Enum.IsDefined(fmt) || int.TryParse(format, out _))
        {
            return BadRequest("Choose report=quarterly|strategy|closure, format=docx|html|pdf and version=full|public.");
        }

        var r = await db.Rounds.AsNoTracking().Where(x => x.Id == round).Select(x => new { x.Period, x.State, Plan = x.Plan.Title }).SingleOrDefaultAsync(ct);
        if (r is null || !ReportCatalogue.MayDownload(Me.Reader, r.State, v))
        {
            return NotFound();
        }

        StrategyReportCover? cover = null;
        if (kind.Slug == "strategy")
        {
            try
            {
                cover = StrategyReportCover.Parse(agenda, meeting, paperVersion, written, approved);
            }
            catch (DomainException ex)
            {
                Heading = "There is a problem with the cover details";
                Problem = ex.Message;
                return Page();
            }
        }

        using var slot = limit.TryEnter(Me.UserName);
        if (slot is null)
        {
            Heading = "Too many reports at once";
            Problem = limit.Refusal;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var entry = new ReportCatalogue.Entry(kind, fmt, v);
        var output = new MemoryStream();
        ReportDocument document;
        try
        {
            document = await ReportCatalogue.WriteAsync(db, entry, r.Period, Me.Reader, clock.GetUtcNow(), output, r.Plan, ct, cover, chromium);
        }
        catch (DomainException ex)
        {
            Problem = ex.Message;
            return Page();
        }

        output.Position = 0;
        Response.Headers[PageClassification.Header] = document.Marking;
        SecurityEvents.Log(HttpContext).ReportDownloaded(Me.UserName, entry.FileName(r.Period), v.ToString(), fmt.ToString(), SecurityEvents.ClientAddress(HttpContext));
        return File(output, ReportCatalogue.ContentType(fmt), entry.FileName(r.Period));
    }
}
