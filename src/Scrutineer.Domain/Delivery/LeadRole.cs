namespace Scrutineer.Domain.Delivery;

/// <summary>The kinds of lead a thematic strand has.</summary>
public enum LeadRole
{
    /// <summary>Chief superintendent level owner of the strand.</summary>
    Strategic,

    /// <summary>Runs the delivery plan day to day (inspector to DCI).</summary>
    Tactical,

    /// <summary>Operational lead for one area of the strand.</summary>
    Operational,

    /// <summary>The lead named against the strand in a scrutiny report ("Thematic Lead: …").</summary>
    Thematic,
}
