namespace Scrutineer.Domain.Plans;

/// <summary>What kind of organisational unit a <see cref="Unit"/> is.</summary>
public enum UnitKind
{
    /// <summary>The force as a whole.</summary>
    Force,

    /// <summary>A command or directorate, such as Crime &amp; Public Protection Command (C&amp;PP).</summary>
    Command,

    /// <summary>A Local Policing Area (North, South, West).</summary>
    LocalPolicingArea,

    /// <summary>A district within a Local Policing Area.</summary>
    District,

    /// <summary>A team or department inside a command.</summary>
    Team,

    /// <summary>A partner organisation or the Commissioner's office.</summary>
    Partner,
}
