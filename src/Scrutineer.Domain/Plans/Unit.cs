using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Plans;

/// <summary>
/// A unit responsible for commitments (the "Who" of the plan): the force, a command, a Local Policing Area,
/// a district, a team or a partner. Units form a tree: force → command or Local Policing Area → district.
/// </summary>
public sealed class Unit
{
    private Unit()
    {
        Name = "";
        ShortName = "";
    }

    /// <summary>Creates a unit.</summary>
    /// <exception cref="DomainException">Name or short name is blank.</exception>
    public Unit(string name, string shortName, UnitKind kind, Unit? parent = null)
    {
        Name = Required(name, "name");
        ShortName = Required(shortName, "short name");
        Kind = kind;
        Parent = parent;
    }

    /// <summary>Store identity.</summary>
    public int Id { get; private set; }

    /// <summary>Full name, for example "Crime &amp; Public Protection Command".</summary>
    public string Name { get; private set; }

    /// <summary>Short name used on the command line and in the Who column, for example "C&amp;PP". Unique.</summary>
    public string ShortName { get; private set; }

    /// <summary>What kind of unit this is.</summary>
    public UnitKind Kind { get; private set; }

    /// <summary>Identity of the parent unit, if any.</summary>
    public int? ParentId { get; private set; }

    /// <summary>The parent unit (force → command or LPA → district).</summary>
    public Unit? Parent { get; private set; }

    /// <summary>
    /// The address of the unit's head, who is told when the unit's updates are still overdue some working days after a
    /// round's deadline; null when none is recorded. The head need not hold an account.
    /// </summary>
    public string? HeadEmail { get; private set; }

    /// <summary>"Crime &amp; Public Protection Command (C&amp;PP)", as the Who column prints it.</summary>
    public string DisplayName => string.Equals(Name, ShortName, StringComparison.Ordinal) ? Name : $"{Name} ({ShortName})";

    /// <summary>Renames the unit.</summary>
    public void Rename(string name, string shortName)
    {
        Name = Required(name, "name");
        ShortName = Required(shortName, "short name");
    }

    /// <summary>Sets (or, with null or blank, clears) the head's address.</summary>
    /// <exception cref="DomainException">Not an email address (the rule of <see cref="Accounts.UserAccount.NormaliseEmail"/>).</exception>
    public void SetHead(string? email) => HeadEmail = Accounts.UserAccount.NormaliseEmail(email);

    /// <summary>Moves the unit under another parent (or to the top when null).</summary>
    /// <exception cref="DomainException">The move would make the unit its own ancestor.</exception>
    public void MoveUnder(Unit? parent)
    {
        for (var p = parent; p is not null; p = p.Parent)
        {
            if (ReferenceEquals(p, this))
            {
                throw new DomainException($"Unit '{ShortName}' cannot be placed under itself or one of its own sub-units.");
            }
        }

        Parent = parent;
        if (parent is null || parent.Id != 0)
        {
            ParentId = parent?.Id; // a new parent's key is set by the store when both are saved
        }
    }

    private static string Required(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException($"A unit needs a {field}.") : value.Trim();
}
