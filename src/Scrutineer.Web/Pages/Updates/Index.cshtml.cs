using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Quarterly;

namespace Scrutineer.Web.Pages.Updates;

public sealed class IndexModel(RoundBoard board) : ScrutineerPageModel
{
    public IReadOnlyList<(RoundSummary Round, IReadOnlyList<Slot> Slots)> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = new List<(RoundSummary, IReadOnlyList<Slot>)>();
        foreach (var round in (await board.RoundsAsync(ct)).Where(r => r.State == RoundState.Open))
        {
            var mine = (await board.SlotsAsync(round, ct)).Where(s => Me.UnitIds.Contains(s.UnitId)).ToList();
            if (mine.Count > 0)
            {
                list.Add((round, mine));
            }
        }

        Rounds = list;
    }
}
