using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Plans;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Web.Pages.Priorities;

public sealed class IndexModel(ScrutineerDb db) : ScrutineerPageModel
{
    public IReadOnlyList<(int Id, string Title)> Plans { get; private set; } = [];

    public Plan? Plan { get; private set; }

    public async Task OnGetAsync(int? plan, CancellationToken ct)
    {
        Plans = (await db.Plans.AsNoTracking().OrderByDescending(p => p.FirstYear).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title)).ToList();
        if (Plans.Count == 0)
        {
            return;
        }

        // The plan named, else the one the CLI means when none is named (PlanLoader's rule: the latest-starting plan).
        Plan = plan is { } id
            ? await db.Plans.AsNoTracking()
                .Include("Priorities.Commitments.responsibilities.Unit")
                .AsSplitQuery()
                .SingleOrDefaultAsync(p => p.Id == id, ct)
            : await PlanLoader.LoadAsync(db, null, ct);
    }
}
