using Scrutineer.Domain.Common;
using Scrutineer.Domain.Delivery;

namespace Scrutineer.Domain.QuarterlyUpdates;

/// <summary>
/// A crime prevention strategy strand's narrative for one reporting round's quarter, written by the strand's lead (an
/// account holding the strand in its scope) and reviewed like any update: the workflow, classification parts and history
/// are <see cref="ReviewedUpdate"/>'s. The strategy report prints the approved narrative under its strand.
/// </summary>
public sealed class StrandNarrative : ReviewedUpdate
{
    private StrandNarrative()
    {
        Strand = null!;
    }

    /// <summary>Starts a draft narrative.</summary>
    /// <exception cref="DomainException">The round is not open, or no author.</exception>
    public StrandNarrative(ReportingRound round, ThematicStrand strand, string author, DateTimeOffset now)
        : base(round, author, now)
    {
        Strand = strand;
    }

    /// <summary>Identity of the strand.</summary>
    public int StrandId { get; private set; }

    /// <summary>The strand the narrative is about.</summary>
    public ThematicStrand Strand { get; private set; }

    /// <inheritdoc/>
    public override string Subject => $"The narrative for {Strand.Title}";
}
