using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Security;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Pages.Priorities;

public sealed class CommitmentModel(ScrutineerDb db) : ScrutineerPageModel
{
    public Commitment Commitment { get; private set; } = null!;

    /// <summary>The updates this account may read, newest quarter first.</summary>
    public IReadOnlyList<QuarterlyUpdate> Updates { get; private set; } = [];

    public int Hidden { get; private set; }

    /// <summary>Whether this account may read the OFFICIAL-SENSITIVE part of <paramref name="update"/>.</summary>
    public bool ShowsSensitive(QuarterlyUpdate update) => NeedToKnow.CanReadSensitive(Me.Reader, update.UnitId, Commitment.PriorityId, update.State);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var commitment = await db.Commitments.AsNoTracking()
            .Include(c => c.Priority).ThenInclude(p => p.Plan)
            .Include("responsibilities.Unit")
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (commitment is null)
        {
            return NotFound();
        }

        Commitment = commitment;
        var updates = await db.Updates.AsNoTracking()
            .Include(u => u.Round).Include(u => u.Unit)
            .Where(u => u.CommitmentId == id)
            .ToListAsync(ct);
        var readable = updates.Where(u => NeedToKnow.CanReadUpdate(Me.Reader, u.UnitId, commitment.PriorityId, u.State)).ToList();
        Hidden = updates.Count - readable.Count;
        Updates = readable.OrderByDescending(u => u.Round.Period).ThenBy(u => u.Unit.ShortName, StringComparer.Ordinal).ToList();
        return Page();
    }
}
