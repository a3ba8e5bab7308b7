using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Quarterly;

namespace Scrutineer.Web.Pages.Updates;

public sealed class IndexModel(RoundBoard board, ScrutineerDb db) : ScrutineerPageModel
{
    public IReadOnlyList<(RoundSummary Round, IReadOnlyList<Slot> Slots)> Rounds { get; private set; } = [];

    /// <summary>The narratives the account's strands owe in open rounds (it leads those strands), in round then strand order.</summary>
    public IReadOnlyList<NarrativeSlot> Narratives { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = new List<(RoundSummary, IReadOnlyList<Slot>)>();
        var narratives = new List<NarrativeSlot>();
        var strandIds = Me.StrandIds.ToList();
        var strands = strandIds.Count == 0
            ? []
            : await db.Strands.AsNoTracking().Where(s => strandIds.Contains(s.Id)).OrderBy(s => s.StrategyId).ThenBy(s => s.Position).Select(s => new { s.Id, s.Title }).ToListAsync(ct);
        foreach (var round in (await board.RoundsAsync(ct)).Where(r => r.State == RoundState.Open))
        {
            var mine = (await board.SlotsAsync(round, ct)).Where(s => Me.UnitIds.Contains(s.UnitId)).ToList();
            if (mine.Count > 0)
            {
                list.Add((round, mine));
            }

            var written = await db.StrandNarratives.AsNoTracking().Where(n => n.RoundId == round.Id && strandIds.Contains(n.StrandId))
                .Select(n => new { n.StrandId, n.State, n.ReviewerComment }).ToDictionaryAsync(n => n.StrandId, ct);
            narratives.AddRange(strands.Select(s => new NarrativeSlot(round, s.Id, s.Title, written.GetValueOrDefault(s.Id)?.State, written.GetValueOrDefault(s.Id)?.ReviewerComment)));
        }

        Rounds = list;
        Narratives = narratives;
    }

    /// <summary>One narrative a round expects from a strand the account leads, and its state when started.</summary>
    public sealed record NarrativeSlot(RoundSummary Round, int StrandId, string Title, UpdateState? State, string? ReviewerComment);
}
