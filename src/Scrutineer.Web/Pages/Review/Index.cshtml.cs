using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Pages.Review;

/// <summary>
/// The reviewer's queue: submitted updates on their priorities in open rounds, oldest first. Submitted updates waiting in
/// closed rounds cannot be reviewed until the round is reopened; the page says how many there are rather than hide them.
/// </summary>
public sealed class IndexModel(ScrutineerDb db) : ScrutineerPageModel
{
    public IReadOnlyList<Item> Queue { get; private set; } = [];

    /// <summary>Submitted updates on the reviewer's priorities waiting in closed rounds, by round.</summary>
    public IReadOnlyList<(FinancialQuarter Period, int Count)> WaitingInClosedRounds { get; private set; } = [];

    /// <summary>Submitted narratives of the reviewer's strategy strands in open rounds, oldest first.</summary>
    public IReadOnlyList<NarrativeItem> Narratives { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var priorities = Me.PriorityIds.ToList();
        var submitted = db.Updates.AsNoTracking()
            .Where(u => u.State == UpdateState.Submitted && priorities.Contains(u.Commitment.PriorityId));
        Queue = (await submitted.Where(u => u.Round.State == RoundState.Open)
                .Select(u => new Item(u.Id, u.Round.Period, u.Commitment.Priority.Number, u.Commitment.Number, u.Commitment.Text, u.Unit.ShortName, u.Status, u.SubmittedAt, u.Author))
                .ToListAsync(ct))
            .OrderBy(i => i.SubmittedAt).ToList();
        WaitingInClosedRounds = (await submitted.Where(u => u.Round.State == RoundState.Closed).Select(u => u.Round.Period).ToListAsync(ct))
            .GroupBy(p => p).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        var strands = Me.StrandIds.ToList();
        Narratives = (await db.StrandNarratives.AsNoTracking()
                .Where(n => n.State == UpdateState.Submitted && strands.Contains(n.StrandId) && n.Round.State == RoundState.Open)
                .Select(n => new NarrativeItem(n.Id, n.Round.Period, n.Strand.Title, n.Status, n.SubmittedAt, n.Author))
                .ToListAsync(ct))
            .OrderBy(i => i.SubmittedAt).ToList();
    }

    public sealed record NarrativeItem(int Id, FinancialQuarter Period, string Strand, DeliveryStatus? Status, DateTimeOffset? SubmittedAt, string Author);

    public sealed record Item(int Id, FinancialQuarter Period, int PriorityNumber, int CommitmentNumber, string Text, string Unit, DeliveryStatus? Status, DateTimeOffset? SubmittedAt, string Author)
    {
        public string Reference => $"{PriorityNumber}.{CommitmentNumber}";
    }
}
