using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Performance;

/// <summary>
/// A place figures are reported for: the force, a Local Policing Area, a district / Community Safety Partnership.
/// LSOAs (the smallest census areas) are not areas of their own: <see cref="LsoaMapping"/> assigns them to districts.
/// </summary>
public sealed class Area
{
    /// <summary>Longest name, in characters.</summary>
    public const int NameMaxLength = 200;

    private Area()
    {
        Name = "";
    }

    /// <summary>Creates an area.</summary>
    /// <exception cref="DomainException">Empty or overlong name, or a parent at the same or a lower level.</exception>
    public Area(string name, AreaLevel level, Area? parent = null)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0 || name.Length > NameMaxLength)
        {
            throw new DomainException($"An area needs a name of 1 to {NameMaxLength} characters.");
        }

        if (parent is not null && parent.Level >= level && level != AreaLevel.Other)
        {
            throw new DomainException($"{name} ({level}) cannot sit under {parent.Name} ({parent.Level}).");
        }

        Name = name;
        Level = level;
        Parent = parent;
    }

    /// <summary>Store key.</summary>
    public int Id { get; private set; }

    /// <summary>Unique name ("Essex Police", "North", "Castle Point &amp; Rochford").</summary>
    public string Name { get; private set; }

    /// <summary>The level in the hierarchy.</summary>
    public AreaLevel Level { get; private set; }

    /// <summary>The parent's key; null at the top.</summary>
    public int? ParentId { get; private set; }

    /// <summary>The area this one lies in; null at the top.</summary>
    public Area? Parent { get; private set; }

    /// <summary>Moves the area under another parent (a mapping file loaded again).</summary>
    /// <exception cref="DomainException">A parent at the same or a lower level.</exception>
    public void PlaceUnder(Area parent)
    {
        if (parent.Level >= Level)
        {
            throw new DomainException($"{Name} ({Level}) cannot sit under {parent.Name} ({parent.Level}).");
        }

        Parent = parent;
    }
}
