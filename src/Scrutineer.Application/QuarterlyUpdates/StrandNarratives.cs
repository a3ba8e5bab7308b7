using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.QuarterlyUpdates;

/// <summary>
/// Strand narratives for both front doors: finding a strand by name, reading a round's narratives, and writing one (its
/// lead's edit, started on first write). Submitting and reviewing are the narrative's own methods
/// (<see cref="ReviewedUpdate.Submit"/>, <see cref="ReviewedUpdate.Approve"/>, <see cref="ReviewedUpdate.Return"/>).
/// </summary>
public static class StrandNarratives
{
    /// <summary>
    /// A strand of the strategy covering <paramref name="period"/> (or the strategy titled), by its title or an alias,
    /// ignoring case and punctuation.
    /// </summary>
    /// <exception cref="DomainException">No strategy, or no such strand; the message lists the strands there are.</exception>
    public static async Task<ThematicStrand> FindStrandAsync(ScrutineerDb db, string name, FinancialQuarter period, string? strategyTitle = null, CancellationToken cancellationToken = default)
    {
        var strategyId = await DeliveryStore.FindStrategyAsync(db, strategyTitle, period, cancellationToken);
        var strategy = await db.Strategies.Include(s => s.Strands).SingleAsync(s => s.Id == strategyId, cancellationToken);
        return strategy.FindStrand(name)
            ?? throw new DomainException($"No strand called '{name.Trim()}' in '{strategy.Title}'. Strands: {string.Join(", ", strategy.Strands.Select(s => s.Title))}.");
    }

    /// <summary>The round's narratives with their strands, in strand order.</summary>
    public static async Task<IReadOnlyList<StrandNarrative>> ListAsync(ScrutineerDb db, ReportingRound round, CancellationToken cancellationToken = default) =>
        (await Query(db).Where(n => n.RoundId == round.Id).ToListAsync(cancellationToken))
            .OrderBy(n => n.Strand.StrategyId).ThenBy(n => n.Strand.Position).ToList();

    /// <summary>The strand's narrative in the round, or null when none has been started.</summary>
    public static Task<StrandNarrative?> FindAsync(ScrutineerDb db, int roundId, int strandId, CancellationToken cancellationToken = default) =>
        Query(db).SingleOrDefaultAsync(n => n.RoundId == roundId && n.StrandId == strandId, cancellationToken);

    /// <summary>One narrative by its number.</summary>
    /// <exception cref="DomainException">No narrative with that number.</exception>
    public static async Task<StrandNarrative> GetAsync(ScrutineerDb db, int id, CancellationToken cancellationToken = default) =>
        await Query(db).SingleOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new DomainException($"No strand narrative number {id}: 'scrutineer update narratives --period P' lists them.");

    /// <summary>The strand's narrative in the round: the one stored.</summary>
    /// <exception cref="DomainException">None has been written yet.</exception>
    public static async Task<StrandNarrative> GetAsync(ScrutineerDb db, ReportingRound round, ThematicStrand strand, CancellationToken cancellationToken = default) =>
        await FindAsync(db, round.Id, strand.Id, cancellationToken)
            ?? throw new DomainException($"No narrative for {strand.Title} in the {round.Period} round has been written yet: 'scrutineer update write --strand \"{strand.Title}\"' writes one.");

    /// <summary>
    /// Writes the strand's narrative for the round (the lead's edit): starts it on first write, then edits it by the
    /// workflow's rules. Not saved: the caller saves.
    /// </summary>
    /// <exception cref="DomainException">The workflow refuses the edit (round not open, submitted, approved, a marking in OFFICIAL text).</exception>
    public static async Task<StrandNarrative> WriteAsync(ScrutineerDb db, ReportingRound round, ThematicStrand strand, Commentary commentary, Commentary? sensitive, DeliveryStatus? status, string author, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var narrative = await FindAsync(db, round.Id, strand.Id, cancellationToken);
        if (narrative is null)
        {
            narrative = new StrandNarrative(round, strand, author, now);
            db.StrandNarratives.Add(narrative);
        }

        narrative.Edit(narrative.Round, commentary, status, author, now, sensitive ?? narrative.SensitiveCommentary);
        return narrative;
    }

    /// <summary>The approved narratives of <paramref name="period"/> for the strands given, by strand (the latest approved when several plans' rounds hold one).</summary>
    public static async Task<IReadOnlyDictionary<int, StrandNarrative>> ApprovedAsync(ScrutineerDb db, FinancialQuarter period, IReadOnlyCollection<int> strandIds, CancellationToken cancellationToken = default)
    {
        var rounds = await db.Rounds.Where(r => r.Period == period).Select(r => r.Id).ToListAsync(cancellationToken);
        var approved = await db.StrandNarratives.AsNoTracking()
            .Where(n => rounds.Contains(n.RoundId) && strandIds.Contains(n.StrandId) && n.State == UpdateState.Approved)
            .ToListAsync(cancellationToken);
        return approved.GroupBy(n => n.StrandId).ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.ReviewedAt).First());
    }

    private static IQueryable<StrandNarrative> Query(ScrutineerDb db) => db.StrandNarratives
        .Include(n => n.Round).ThenInclude(r => r.Plan)
        .Include(n => n.Strand);
}
