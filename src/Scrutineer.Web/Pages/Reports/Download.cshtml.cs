using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Common;
using Scrutineer.Web.Reporting;

namespace Scrutineer.Web.Pages.Reports;

/// <summary>
/// Builds and downloads a report (GET, so a link can be shared): <c>?report=quarterly&amp;round=4&amp;format=pdf&amp;version=public</c>.
/// A round the account may not download answers 404; a report the store cannot build yet shows why.
/// </summary>
public sealed class DownloadModel(ScrutineerDb db, TimeProvider clock) : ScrutineerPageModel
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? report, int round, string? format, string? version, CancellationToken ct)
    {
        var kind = ReportKinds.All.FirstOrDefault(k => k.Slug == report);
        var full = version != "public";
        if (kind is null || !Enum.TryParse<ReportFormat>(format, ignoreCase: true, out var fmt) || !Enum.IsDefined(fmt) || int.TryParse(format, out _))
        {
            return BadRequest("Choose report=quarterly|strategy|closure and format=docx|html|pdf.");
        }

        var r = await db.Rounds.AsNoTracking().Where(x => x.Id == round).Select(x => new { x.Period, x.State, Plan = x.Plan.Title }).SingleOrDefaultAsync(ct);
        if (r is null || !ReportAccess.CanDownload(Me, r.State, full))
        {
            return NotFound();
        }

        Domain.Reports.ReportDocument document;
        try
        {
            document = await kind.Build(db, r.Period, r.Plan, clock.GetUtcNow(), ct);
        }
        catch (DomainException ex)
        {
            Problem = ex.Message;
            return Page();
        }

        if (!full)
        {
            document = document.WithoutSensitive();
        }

        var output = new MemoryStream();
        await ReportKinds.Renderer(fmt).RenderAsync(document, output, ct);
        output.Position = 0;
        var name = $"{kind.Slug}-{r.Period.Code}-{(full ? "full" : "public")}.{fmt.ToString().ToLowerInvariant()}";
        return File(output, ReportKinds.ContentType(fmt), name);
    }
}
