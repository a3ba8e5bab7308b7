namespace Scrutineer.Domain.Plans;

/// <summary>A unit's responsibility for a commitment: one entry in its Who column.</summary>
public sealed class Responsibility
{
    private Responsibility()
    {
        Unit = null!;
    }

    internal Responsibility(Unit unit, int position)
    {
        Unit = unit;
        UnitId = unit.Id;
        Position = position;
    }

    /// <summary>Identity of the responsible unit.</summary>
    public int UnitId { get; private set; }

    /// <summary>The responsible unit.</summary>
    public Unit Unit { get; private set; }

    /// <summary>Order in the Who column, from 1.</summary>
    public int Position { get; private set; }
}
