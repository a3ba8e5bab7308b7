using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Pages.Review;

public sealed class IndexModel(ScrutineerDb db) : ScrutineerPageModel
{
    public IReadOnlyList<Item> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var priorities = Me.PriorityIds.ToList();
        Queue = (await db.Updates.AsNoTracking()
                .Where(u => u.State == UpdateState.Submitted && u.Round.State != RoundState.Published && priorities.Contains(u.Commitment.PriorityId))
                .Select(u => new Item(u.Id, u.Round.Period, u.Commitment.Priority.Number, u.Commitment.Number, u.Commitment.Text, u.Unit.ShortName, u.Status, u.SubmittedAt, u.Author))
                .ToListAsync(ct))
            .OrderBy(i => i.SubmittedAt).ToList();
    }

    public sealed record Item(int Id, FinancialQuarter Period, int PriorityNumber, int CommitmentNumber, string Text, string Unit, DeliveryStatus Status, DateTimeOffset? SubmittedAt, string Author)
    {
        public string Reference => $"{PriorityNumber}.{CommitmentNumber}";
    }
}
