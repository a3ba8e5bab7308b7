using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Performance;

/// <summary>
/// The one rule for which measures show the progress of a plan priority, a commitment or a strategy strand: each names
/// them explicitly, by the store's measure names. A name the store does not hold is refused with the list it holds.
/// </summary>
public static class MeasureLinks
{
    /// <summary>Replaces the measures linked to priority <paramref name="priorityId"/>.</summary>
    /// <exception cref="DomainException">A name the store does not hold, or a name given twice.</exception>
    public static Task SetForPriorityAsync(ScrutineerDb db, int priorityId, IReadOnlyList<LinkedMeasure> measures, CancellationToken cancellationToken = default) =>
        SetAsync(db, l => l.PriorityId == priorityId, (m, lm) => MeasureLink.ToPriority(priorityId, m, lm.Target, lm.Better), measures, cancellationToken);

    /// <summary>Replaces the measures linked to commitment <paramref name="commitmentId"/>.</summary>
    /// <exception cref="DomainException">A name the store does not hold, or a name given twice.</exception>
    public static Task SetForCommitmentAsync(ScrutineerDb db, int commitmentId, IReadOnlyList<LinkedMeasure> measures, CancellationToken cancellationToken = default) =>
        SetAsync(db, l => l.CommitmentId == commitmentId, (m, lm) => MeasureLink.ToCommitment(commitmentId, m, lm.Target, lm.Better), measures, cancellationToken);

    /// <summary>Replaces the measures linked to strategy strand <paramref name="strandId"/>.</summary>
    /// <exception cref="DomainException">A name the store does not hold, or a name given twice.</exception>
    public static Task SetForStrandAsync(ScrutineerDb db, int strandId, IReadOnlyList<LinkedMeasure> measures, CancellationToken cancellationToken = default) =>
        SetAsync(db, l => l.StrandId == strandId, (m, lm) => MeasureLink.ToStrand(strandId, m, lm.Target, lm.Better), measures, cancellationToken);

    /// <summary>
    /// The problem with <paramref name="name"/> as a linked measure, or null when the store holds a measure of that name
    /// (compared case-insensitively). The problem lists the measures the store holds.
    /// </summary>
    public static string? Problem(string name, IReadOnlyCollection<string> storeNames)
    {
        if (storeNames.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        return storeNames.Count == 0
            ? $"'{name}' is not a measure the store holds. The store holds no measures yet: import performance data or a measures file first."
            : $"'{name}' is not a measure the store holds. Use one of: {string.Join(", ", storeNames.Order(StringComparer.OrdinalIgnoreCase))}.";
    }

    /// <summary>The names of the measures the store holds.</summary>
    public static async Task<IReadOnlyList<string>> StoreNamesAsync(ScrutineerDb db, CancellationToken cancellationToken = default) =>
        await db.Measures.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(cancellationToken);

    /// <summary>Every plan priority and commitment, then every strategy strand, each with its linked measures (for the analysts' pages).</summary>
    public static async Task<IReadOnlyList<MeasureLinkListing>> ListAsync(ScrutineerDb db, CancellationToken cancellationToken = default)
    {
        var links = await db.MeasureLinks.AsNoTracking().OrderBy(l => l.Id)
            .Select(l => new { l.PriorityId, l.CommitmentId, l.StrandId, l.Measure.Name, l.Target, l.Better }).ToListAsync(cancellationToken);
        IReadOnlyList<LinkedMeasure> Of(Func<int?, int?, int?, bool> owns) =>
            links.Where(l => owns(l.PriorityId, l.CommitmentId, l.StrandId)).Select(l => new LinkedMeasure(l.Name, l.Target, l.Better)).ToList();

        var priorities = await db.Priorities.AsNoTracking().Select(p => new { p.Id, p.Number, p.Title, Plan = p.Plan.Title, p.PlanId }).ToListAsync(cancellationToken);
        var commitments = await db.Commitments.AsNoTracking().Select(c => new { c.Id, c.Number, c.Text, c.PriorityId }).ToListAsync(cancellationToken);
        var strands = await db.Strands.AsNoTracking().Select(s => new { s.Id, s.Position, s.Title, Strategy = s.Strategy.Title }).ToListAsync(cancellationToken);
        var result = new List<MeasureLinkListing>();
        foreach (var p in priorities.OrderBy(p => p.PlanId).ThenBy(p => p.Number))
        {
            result.Add(new MeasureLinkListing(new MeasureLinkOwner(MeasureLinkOwnerKind.Priority, p.Id), p.Plan, $"Priority {p.Number} – {p.Title}", Of((pr, _, _) => pr == p.Id)));
            foreach (var c in commitments.Where(c => c.PriorityId == p.Id).OrderBy(c => c.Number))
            {
                result.Add(new MeasureLinkListing(new MeasureLinkOwner(MeasureLinkOwnerKind.Commitment, c.Id), p.Plan, $"{p.Number}.{c.Number} {c.Text}", Of((_, co, _) => co == c.Id)));
            }
        }

        foreach (var s in strands.OrderBy(s => s.Strategy, StringComparer.Ordinal).ThenBy(s => s.Position))
        {
            result.Add(new MeasureLinkListing(new MeasureLinkOwner(MeasureLinkOwnerKind.Strand, s.Id), s.Strategy, $"Strand {s.Position} – {s.Title}", Of((_, _, st) => st == s.Id)));
        }

        return result;
    }

    /// <summary>The priority, commitment or strand <paramref name="owner"/> names, with its linked measures; null when the store holds no such one.</summary>
    public static async Task<MeasureLinkListing?> FindAsync(ScrutineerDb db, MeasureLinkOwner owner, CancellationToken cancellationToken = default) =>
        (await ListAsync(db, cancellationToken)).FirstOrDefault(l => l.Owner == owner);

    /// <summary>Links one more measure to <paramref name="owner"/> (after those it has), through the same rule as the plan file.</summary>
    /// <exception cref="DomainException">No such owner; no measure chosen; a name the store does not hold; a measure already linked.</exception>
    public static async Task AddAsync(ScrutineerDb db, MeasureLinkOwner owner, LinkedMeasure measure, CancellationToken cancellationToken = default)
    {
        var current = await RequiredAsync(db, owner, cancellationToken);
        if (string.IsNullOrWhiteSpace(measure.Name))
        {
            throw new DomainException("Choose the measure to link.");
        }

        if (current.Measures.Any(m => string.Equals(m.Name, measure.Name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"'{measure.Name.Trim()}' is already linked to {current.Label}. Remove it first to change its target or better direction.");
        }

        await SetAsync(db, owner, [.. current.Measures, measure with { Name = measure.Name.Trim() }], cancellationToken);
    }

    /// <summary>Unlinks the measure called <paramref name="name"/> from <paramref name="owner"/>.</summary>
    /// <exception cref="DomainException">No such owner, or the measure is not linked to it.</exception>
    public static async Task RemoveAsync(ScrutineerDb db, MeasureLinkOwner owner, string? name, CancellationToken cancellationToken = default)
    {
        var current = await RequiredAsync(db, owner, cancellationToken);
        var kept = current.Measures.Where(m => !string.Equals(m.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (kept.Count == current.Measures.Count)
        {
            throw new DomainException(string.IsNullOrWhiteSpace(name) ? "Choose the measure to remove." : $"'{name.Trim()}' is not linked to {current.Label}.");
        }

        await SetAsync(db, owner, kept, cancellationToken);
    }

    /// <summary>Replaces the measures linked to <paramref name="owner"/>.</summary>
    /// <exception cref="DomainException">A name the store does not hold, or a name given twice.</exception>
    public static Task SetAsync(ScrutineerDb db, MeasureLinkOwner owner, IReadOnlyList<LinkedMeasure> measures, CancellationToken cancellationToken = default) => owner.Kind switch
    {
        MeasureLinkOwnerKind.Priority => SetForPriorityAsync(db, owner.Id, measures, cancellationToken),
        MeasureLinkOwnerKind.Commitment => SetForCommitmentAsync(db, owner.Id, measures, cancellationToken),
        MeasureLinkOwnerKind.Strand => SetForStrandAsync(db, owner.Id, measures, cancellationToken),
    };

    private static async Task<MeasureLinkListing> RequiredAsync(ScrutineerDb db, MeasureLinkOwner owner, CancellationToken cancellationToken) =>
        await FindAsync(db, owner, cancellationToken)
        ?? throw new DomainException($"There is no {owner.Kind.ToString().ToLowerInvariant()} {owner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)} in the store: choose one from the list of measure links.");

    private static async Task SetAsync(
        ScrutineerDb db,
        System.Linq.Expressions.Expression<Func<MeasureLink, bool>> owner,
        Func<Measure, LinkedMeasure, MeasureLink> link,
        IReadOnlyList<LinkedMeasure> wanted,
        CancellationToken cancellationToken)
    {
        var measures = await db.Measures.ToListAsync(cancellationToken);
        var names = measures.Select(m => m.Name).ToList();
        var problems = wanted.Select(w => Problem(w.Name, names)).OfType<string>().Distinct().ToList();
        var twice = wanted.GroupBy(w => w.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        problems.AddRange(twice.Select(n => $"'{n}' is named more than once. Name each measure once."));
        if (problems.Count > 0)
        {
            throw new DomainException(string.Join(Environment.NewLine, problems));
        }

        db.MeasureLinks.RemoveRange(await db.MeasureLinks.Where(owner).ToListAsync(cancellationToken));
        foreach (var w in wanted)
        {
            db.MeasureLinks.Add(link(measures.Single(m => string.Equals(m.Name, w.Name.Trim(), StringComparison.OrdinalIgnoreCase)), w));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
