using Microsoft.AspNetCore.Mvc;
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

    /// <summary>
    /// The queue; or, given a round with a commitment and unit (or a strand), the page of that submitted update (or
    /// narrative) when it is in the reviewer's scope: the link a "waiting for your review" email carries when the update
    /// was submitted on its first save, before it had a page of its own.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(int? round, int? commitment, int? unit, int? strand, CancellationToken ct)
    {
        var priorities = Me.PriorityIds.ToList();
        var submitted = db.Updates.AsNoTracking()
            .Where(u => u.State == UpdateState.Submitted && priorities.Contains(u.Commitment.PriorityId));
        var strands = Me.StrandIds.ToList();
        if (round is { } r && commitment is { } c && unit is { } u
            && await submitted.Where(x => x.RoundId == r && x.CommitmentId == c && x.UnitId == u).Select(x => (int?)x.Id).SingleOrDefaultAsync(ct) is { } update)
        {
            return Redirect($"/review/{update}");
        }

        if (round is { } nr && strand is { } s
            && await db.StrandNarratives.Where(n => n.RoundId == nr && n.StrandId == s && n.State == UpdateState.Submitted && strands.Contains(n.StrandId))
                .Select(n => (int?)n.Id).SingleOrDefaultAsync(ct) is { } narrative)
        {
            return Redirect($"/review/narratives/{narrative}");
        }

        Queue = (await submitted.Where(u => u.Round.State == RoundState.Open)
                .Select(u => new Item(u.Id, u.Round.Period, u.Commitment.Priority.Number, u.Commitment.Number, u.Commitment.Text, u.Unit.ShortName, u.Status, u.SubmittedAt, u.Author))
                .ToListAsync(ct))
            .OrderBy(i => i.SubmittedAt).ToList();
        WaitingInClosedRounds = (await submitted.Where(u => u.Round.State == RoundState.Closed).Select(u => u.Round.Period).ToListAsync(ct))
            .GroupBy(p => p).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        Narratives = (await db.StrandNarratives.AsNoTracking()
                .Where(n => n.State == UpdateState.Submitted && strands.Contains(n.StrandId) && n.Round.State == RoundState.Open)
                .Select(n => new NarrativeItem(n.Id, n.Round.Period, n.Strand.Title, n.Status, n.SubmittedAt, n.Author))
                .ToListAsync(ct))
            .OrderBy(i => i.SubmittedAt).ToList();
        return Page();
    }

    public sealed record NarrativeItem(int Id, FinancialQuarter Period, string Strand, DeliveryStatus? Status, DateTimeOffset? SubmittedAt, string Author);

    public sealed record Item(int Id, FinancialQuarter Period, int PriorityNumber, int CommitmentNumber, string Text, string Unit, DeliveryStatus? Status, DateTimeOffset? SubmittedAt, string Author)
    {
        public string Reference => $"{PriorityNumber}.{CommitmentNumber}";
    }
}
