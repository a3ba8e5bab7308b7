namespace Scrutineer.Domain.Delivery;

/// <summary>The four Ps of a delivery plan, in the order the plans list them.</summary>
public enum FourPStage
{
    /// <summary>Stop crime happening: education, early intervention, design.</summary>
    Prevent,

    /// <summary>Bring offenders to justice and disrupt them.</summary>
    Pursue,

    /// <summary>Protect victims, people and places.</summary>
    Protect,

    /// <summary>Be ready: training, planning, governance.</summary>
    Prepare,
}
