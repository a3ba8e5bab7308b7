namespace Scrutineer.LoadTest;

/// <summary>One unit's update on one commitment in the open round: the thing a contributor writes on.</summary>
internal sealed record Slot(int RoundId, int CommitmentId, int UnitId)
{
    public string WritePath => $"/updates/write/{RoundId}/{CommitmentId}/{UnitId}";

    public override string ToString() => $"{CommitmentId}/{UnitId}";
}
