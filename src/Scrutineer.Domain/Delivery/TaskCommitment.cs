using Scrutineer.Domain.Plans;

namespace Scrutineer.Domain.Delivery;

/// <summary>A Police and Crime Plan commitment that a task helps deliver.</summary>
public sealed class TaskCommitment
{
    private TaskCommitment()
    {
        Commitment = null!;
    }

    internal TaskCommitment(Commitment commitment)
    {
        Commitment = commitment;
        CommitmentId = commitment.Id;
    }

    /// <summary>Identity of the commitment.</summary>
    public int CommitmentId { get; private set; }

    /// <summary>The commitment.</summary>
    public Commitment Commitment { get; private set; }
}
