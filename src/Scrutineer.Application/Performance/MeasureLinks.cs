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
