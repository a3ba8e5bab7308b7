using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Delivery;

/// <summary>
/// One strand's row of the progress table. Always counted from the tasks, so <c>Total = Complete + Ongoing + AtRisk</c>.
/// <paramref name="Ongoing"/> is every task neither complete nor at risk ("Ongoing/In progress"), including the
/// <paramref name="NotStarted"/> ones, which are also counted on their own.
/// </summary>
public sealed record StrandProgress(int Position, string Strand, int Total, int Complete, int Ongoing, int AtRisk, int NotStarted);

/// <summary>The progress table: one row per strand in strand order, and the totals row (the column sums).</summary>
/// <param name="Strategy">The strategy's title.</param>
/// <param name="Period">The quarter asked for, or null for the current position.</param>
/// <param name="AsAt">The day the statuses are taken at: the period's last day, or today.</param>
public sealed record ProgressSummary(string Strategy, FinancialQuarter? Period, DateOnly AsAt, IReadOnlyList<StrandProgress> Strands, StrandProgress Total);

/// <summary>A task at risk, for the report's risks and mitigation section.</summary>
public sealed record AtRiskTask(string Strand, string Plan, string Task, string Text, string Owner, string? OwnerName, string Risk, string? Mitigation, DateOnly Since);

/// <summary>One "achieved" or "scheduled" line.</summary>
public sealed record DeliveryItem(string Plan, string Task, string Text);

/// <summary>A strand's "Delivery achieved (period)" and "Delivery scheduled (next period)" lists.</summary>
public sealed record StrandDeliveryItems(string Strand, FinancialQuarter Period, IReadOnlyList<DeliveryItem> Achieved, IReadOnlyList<DeliveryItem> Scheduled);

/// <summary>A lead in post on the day asked about.</summary>
public sealed record StrandLead(string Strand, LeadRole Role, string Person, string? Area, DateOnly? From, DateOnly? To);

/// <summary>
/// Queries for the strategy scrutiny report and the command line: strand progress, at-risk tasks, quarterly
/// achieved/scheduled lists and strand leads. Plain records; nothing is stored.
/// </summary>
public static class DeliveryProgress
{
    /// <summary>
    /// The progress table for <paramref name="period"/> (task statuses as at its last day; tasks created later are not
    /// counted) or, when null, as things stand on <paramref name="today"/>.
    /// </summary>
    public static async Task<ProgressSummary> ForStrategyAsync(ScrutineerDb db, int strategyId, FinancialQuarter? period, DateOnly today, CancellationToken ct = default)
    {
        return ForStrategy(await DeliveryStore.LoadAsync(db, strategyId, ct), period, today);
    }

    /// <summary>The progress table of a strategy already loaded with <see cref="DeliveryStore.LoadAsync"/>.</summary>
    public static ProgressSummary ForStrategy(CrimePreventionStrategy strategy, FinancialQuarter? period, DateOnly today)
    {
        var asAt = period?.DataTo ?? today;
        var rows = strategy.Strands.Select(s => Count(s, asAt)).ToList();
        var total = new StrandProgress(0, "Total", rows.Sum(r => r.Total), rows.Sum(r => r.Complete), rows.Sum(r => r.Ongoing), rows.Sum(r => r.AtRisk), rows.Sum(r => r.NotStarted));
        return new ProgressSummary(strategy.Title, period, asAt, rows, total);
    }

    /// <summary>Tasks at risk on the last day of <paramref name="period"/> (or <paramref name="today"/>), in strand, plan, stage and number order.</summary>
    public static async Task<IReadOnlyList<AtRiskTask>> AtRiskAsync(ScrutineerDb db, int strategyId, FinancialQuarter? period, DateOnly today, CancellationToken ct = default)
    {
        if (period is not null)
        {
            return AtRisk(await DeliveryStore.LoadAsync(db, strategyId, ct), period, today);
        }

        // As things stand today: read only the tasks at risk now (the dashboard asks on every visit), not the whole strategy.
        var tasks = await db.DeliveryTasks.AsNoTracking().Include(t => t.Plan).ThenInclude(p => p.Strand)
            .Where(t => t.Plan.Strand.StrategyId == strategyId && t.Status == DeliveryTaskStatus.AtRisk)
            .ToListAsync(ct);
        return tasks.OrderBy(t => t.Plan.Strand.Position).ThenBy(t => t.Plan.Position).ThenBy(t => t.Stage).ThenBy(t => t.Number)
            .Select(t => (Task: t, Entry: t.EntryOn(today))).Where(x => x.Entry is { To: DeliveryTaskStatus.AtRisk })
            .Select(x => AtRisk(x.Task, x.Entry!)).ToList();
    }

    /// <summary>The tasks at risk of a strategy already loaded with <see cref="DeliveryStore.LoadAsync"/>.</summary>
    public static IReadOnlyList<AtRiskTask> AtRisk(CrimePreventionStrategy strategy, FinancialQuarter? period, DateOnly today)
    {
        var asAt = period?.DataTo ?? today;
        var list = new List<AtRiskTask>();
        foreach (var strand in strategy.Strands)
        {
            foreach (var plan in strand.Plans)
            {
                foreach (var task in plan.Tasks)
                {
                    if (task.EntryOn(asAt) is { To: DeliveryTaskStatus.AtRisk } entry)
                    {
                        list.Add(AtRisk(task, entry));
                    }
                }
            }
        }

        return list;
    }

    /// <summary>Per strand (in order), the lines achieved in <paramref name="period"/> and scheduled for the quarter after it.</summary>
    public static async Task<IReadOnlyList<StrandDeliveryItems>> DeliveryItemsAsync(ScrutineerDb db, int strategyId, FinancialQuarter period, CancellationToken ct = default)
    {
        return DeliveryItems(await DeliveryStore.LoadAsync(db, strategyId, ct), period);
    }

    /// <summary>The achieved and scheduled lists of a strategy already loaded with <see cref="DeliveryStore.LoadAsync"/>.</summary>
    public static IReadOnlyList<StrandDeliveryItems> DeliveryItems(CrimePreventionStrategy strategy, FinancialQuarter period)
    {
        return strategy.Strands.Select(strand =>
        {
            var tasks = strand.Plans.SelectMany(p => p.Tasks).ToList();
            List<DeliveryItem> Items(QuarterNoteKind kind) =>
                tasks.SelectMany(t => t.NotesFor(period, kind).Select(n => new DeliveryItem(t.Plan.Title, t.Reference, n))).ToList();
            return new StrandDeliveryItems(strand.Title, period, Items(QuarterNoteKind.Achieved), Items(QuarterNoteKind.Scheduled));
        }).ToList();
    }

    /// <summary>The leads of every strand in post on <paramref name="on"/>, in strand order then strategic, tactical, operational, thematic.</summary>
    public static async Task<IReadOnlyList<StrandLead>> LeadsAsync(ScrutineerDb db, int strategyId, DateOnly on, CancellationToken ct = default)
    {
        var strategy = await DeliveryStore.LoadAsync(db, strategyId, ct);
        return strategy.Strands
            .SelectMany(s => s.LeadsOn(on).Select(l => new StrandLead(s.Title, l.Role, l.Person, l.Area, l.ValidFrom, l.ValidTo)))
            .ToList();
    }

    private static AtRiskTask AtRisk(DeliveryTask task, TaskStatusChange entry)
    {
        var since = task.History.Where(h => h.Sequence <= entry.Sequence).Reverse()
            .TakeWhile(h => h.To == DeliveryTaskStatus.AtRisk).Last().On;
        return new AtRiskTask(task.Plan.Strand.Title, task.Plan.Title, task.Reference, task.Text, task.Owner, task.OwnerName, entry.Risk ?? "", entry.Mitigation, since);
    }

    private static StrandProgress Count(ThematicStrand strand, DateOnly asAt)
    {
        var statuses = strand.Plans.SelectMany(p => p.Tasks).Select(t => t.StatusOn(asAt)).OfType<DeliveryTaskStatus>().ToList();
        var complete = statuses.Count(s => s == DeliveryTaskStatus.Complete);
        var atRisk = statuses.Count(s => s == DeliveryTaskStatus.AtRisk);
        return new StrandProgress(strand.Position, strand.Title, statuses.Count, complete, statuses.Count - complete - atRisk, atRisk,
            statuses.Count(s => s == DeliveryTaskStatus.NotStarted));
    }
}
