using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Plans;
using Scrutineer.Web.Quarterly;

namespace Scrutineer.Web.Pages.Priorities;

public sealed class IndexModel(ScrutineerDb db, RoundBoard board) : ScrutineerPageModel
{
    public IReadOnlyList<(int Id, string Title)> Plans { get; private set; } = [];

    public Plan? Plan { get; private set; }

    public async Task OnGetAsync(int? plan, CancellationToken ct)
    {
        Plans = (await db.Plans.AsNoTracking().OrderByDescending(p => p.FirstYear).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title)).ToList();
        var id = plan ?? (await board.CurrentAsync(ct))?.PlanId ?? Plans.Select(p => (int?)p.Id).FirstOrDefault();
        if (id is null)
        {
            return;
        }

        Plan = await db.Plans.AsNoTracking()
            .Include("Priorities.Commitments.responsibilities.Unit")
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, ct);
    }
}
