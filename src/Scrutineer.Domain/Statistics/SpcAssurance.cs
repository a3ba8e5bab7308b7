namespace Scrutineer.Domain.Statistics;

/// <summary>Whether a process will meet its target, judged from its limits ("Making Data Count" assurance icons).</summary>
public enum SpcAssurance
{
    /// <summary>No target, or the measure has no better direction: no assurance can be given.</summary>
    NotApplicable,

    /// <summary>The target lies beyond both limits on the good side: the process will consistently meet it.</summary>
    ConsistentlyPass,

    /// <summary>The target lies between the limits: the process will sometimes meet it and sometimes not.</summary>
    HitAndMiss,

    /// <summary>The target lies beyond both limits on the bad side: the process will consistently miss it.</summary>
    ConsistentlyFail,
}
