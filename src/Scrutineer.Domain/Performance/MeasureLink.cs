using Scrutineer.Domain.Common;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Domain.Performance;

/// <summary>
/// A measure named as showing the progress of exactly one plan priority, commitment or strategy strand, with an optional
/// target and the direction that is better for it (when it differs from the measure's own). Reports print the figures
/// of the linked measures under what they are linked to.
/// </summary>
public sealed class MeasureLink
{
    private MeasureLink()
    {
    }

    private MeasureLink(Measure measure, decimal? target, BetterDirection? better)
    {
        Measure = measure ?? throw new DomainException("A measure link needs a measure.");
        MeasureId = measure.Id;
        Target = target;
        Better = better;
    }

    /// <summary>Links <paramref name="measure"/> to a plan priority.</summary>
    public static MeasureLink ToPriority(int priorityId, Measure measure, decimal? target = null, BetterDirection? better = null) =>
        new(measure, target, better) { PriorityId = priorityId };

    /// <summary>Links <paramref name="measure"/> to a commitment.</summary>
    public static MeasureLink ToCommitment(int commitmentId, Measure measure, decimal? target = null, BetterDirection? better = null) =>
        new(measure, target, better) { CommitmentId = commitmentId };

    /// <summary>Links <paramref name="measure"/> to a strategy strand.</summary>
    public static MeasureLink ToStrand(int strandId, Measure measure, decimal? target = null, BetterDirection? better = null) =>
        new(measure, target, better) { StrandId = strandId };

    /// <summary>Store key.</summary>
    public int Id { get; private set; }

    /// <summary>The priority the measure shows progress of, or null.</summary>
    public int? PriorityId { get; private set; }

    /// <summary>The commitment the measure shows progress of, or null.</summary>
    public int? CommitmentId { get; private set; }

    /// <summary>The strategy strand the measure shows progress of, or null.</summary>
    public int? StrandId { get; private set; }

    /// <summary>The measure's key.</summary>
    public int MeasureId { get; private set; }

    /// <summary>The linked measure.</summary>
    public Measure Measure { get; private set; } = null!;

    /// <summary>The value aimed at for the latest 12 months, if any.</summary>
    public decimal? Target { get; private set; }

    /// <summary>Which direction is better here, or null for the measure's own.</summary>
    public BetterDirection? Better { get; private set; }

    /// <summary>The direction that is better for this link: its own, else the measure's.</summary>
    public BetterDirection BetterWay => Better ?? Measure.Better;
}
