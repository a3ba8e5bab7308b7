namespace Scrutineer.Domain.Delivery;

/// <summary>
/// A person (or a role, or "TBC") leading a strand, or one area of it, for a period. Leads change between reports, so
/// assignments are never overwritten: a new one closes the previous one of the same role and area.
/// </summary>
public sealed class LeadAssignment
{
    private LeadAssignment()
    {
        Person = "";
        Source = "";
    }

    internal LeadAssignment(int sequence, LeadRole role, string person, string? area, DateOnly? validFrom, string source)
    {
        Sequence = sequence;
        Role = role;
        Person = person;
        Area = area;
        ValidFrom = validFrom;
        Source = source;
    }

    /// <summary>Order of recording, from 1.</summary>
    public int Sequence { get; private set; }

    /// <summary>Strategic, tactical, operational or thematic.</summary>
    public LeadRole Role { get; private set; }

    /// <summary>As written: "C/Supt Steve Worron", "DCI Jasmine Frost", "TBC", "Covered by ERSOU".</summary>
    public string Person { get; private set; }

    /// <summary>The area of the strand the lead covers ("NTE", "Knife Crime"), or null for the whole strand.</summary>
    public string? Area { get; private set; }

    /// <summary>First day in post (inclusive), when known.</summary>
    public DateOnly? ValidFrom { get; private set; }

    /// <summary>Last day in post (inclusive); null while current.</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>Where it was recorded: a workbook and sheet, a report, "demo".</summary>
    public string Source { get; private set; }

    /// <summary>Whether the assignment was in force on <paramref name="day"/> (open ends count as in force).</summary>
    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || ValidTo >= day);

    internal void Close(DateOnly lastDay) => ValidTo = ValidFrom is { } from && lastDay < from ? from : lastDay;
}
