namespace Scrutineer.Domain.Performance;

/// <summary>The levels of the force's geography, largest first.</summary>
public enum AreaLevel
{
    /// <summary>Anything above or beside a force: England and Wales, a region, a partnership area.</summary>
    Other,

    /// <summary>A police force area ("Essex Police", as data.police.uk's "Falls within" names it).</summary>
    Force,

    /// <summary>A Local Policing Area (North, South, West).</summary>
    LocalPolicingArea,

    /// <summary>A district or Community Safety Partnership area (Colchester, Castle Point &amp; Rochford).</summary>
    District,
}
