using Scrutineer.Domain.Common;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Domain.QuarterlyUpdates;

/// <summary>
/// One unit's update on one commitment for one reporting round. The workflow — draft, submitted, approved or returned,
/// the OFFICIAL and OFFICIAL-SENSITIVE parts and the history — is <see cref="ReviewedUpdate"/>'s.
/// </summary>
public sealed class QuarterlyUpdate : ReviewedUpdate
{
    /// <summary>
    /// Whether a unit still owes the update: nothing written (<paramref name="state"/> null), a draft, or returned to it.
    /// Submitted and approved updates are not outstanding.
    /// </summary>
    public static bool IsOutstanding(UpdateState? state) => state is null or UpdateState.Draft or UpdateState.Returned;

    private QuarterlyUpdate()
    {
        Commitment = null!;
        Unit = null!;
    }

    /// <summary>Starts a draft update.</summary>
    /// <exception cref="DomainException">The round is not open, or the unit is not responsible for the commitment.</exception>
    public QuarterlyUpdate(ReportingRound round, Commitment commitment, Unit unit, string author, DateTimeOffset now)
        : base(round, author, now)
    {
        if (!commitment.IsResponsible(unit))
        {
            throw new DomainException($"{unit.ShortName} is not responsible for commitment {commitment.Reference}.");
        }

        Commitment = commitment;
        Unit = unit;
    }

    /// <summary>Identity of the commitment.</summary>
    public int CommitmentId { get; private set; }

    /// <summary>The commitment reported on.</summary>
    public Commitment Commitment { get; private set; }

    /// <summary>Identity of the reporting unit.</summary>
    public int UnitId { get; private set; }

    /// <summary>The reporting unit.</summary>
    public Unit Unit { get; private set; }

    /// <inheritdoc/>
    public override string Subject => $"The update on {Commitment.Reference} by {Unit.ShortName}";
}
