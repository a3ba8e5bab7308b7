using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Reports;

/// <summary>
/// One measure linked to a priority or to one of its commitments, as the quarterly report prints it: its rolling 12-month comparison (with the
/// verdict of <see cref="CountComparison"/>), the XmR chart of the 24 months behind it and its target status, or the
/// reason it has none (<see cref="Gap"/>).
/// </summary>
/// <param name="PriorityNumber">The priority the measure is linked to, or the priority of the commitment it is linked to.</param>
/// <param name="Measure">The measure's name in the store.</param>
/// <param name="Better">The direction that is better for this link (its own, else the measure's).</param>
/// <param name="Target">The value aimed at for the latest 12 months, if any.</param>
/// <param name="Rolling">The 12 months to the report's month against the 12 before; null when <see cref="Gap"/> says why.</param>
/// <param name="Chart">The XmR chart of the 24 monthly counts; null with <see cref="Rolling"/>.</param>
/// <param name="Points">The 24 monthly counts, oldest first (empty when <see cref="Gap"/> is set).</param>
/// <param name="Gap">Why the measure has no figures ("is a rate measure …", "the store lacks …"), or null.</param>
public sealed record QuarterlyMeasureFigures(
    int PriorityNumber,
    string Measure,
    BetterDirection Better,
    decimal? Target,
    RollingTwelveMonths? Rolling,
    XmrChart? Chart,
    IReadOnlyList<(ReportingMonth Month, decimal Value)> Points,
    string? Gap)
{
    /// <summary>The commitment the measure is linked to ("3.2"); null when it is linked to the priority itself.</summary>
    public string? CommitmentReference { get; init; }

    /// <summary>What the measure is linked to, as the summary prints it: the priority's number ("3") or the commitment's reference ("3.2").</summary>
    public string LinkedTo => CommitmentReference ?? PriorityNumber.ToString(EnGb.Culture);

    /// <summary>"Special cause — concerning", "Special cause — improving", "Common cause": the latest month's variation.</summary>
    public string Signal => Chart is null ? "" : Chart.LatestVariation switch
    {
        SpcVariation.CommonCause => "Common cause",
        SpcVariation.Improvement => "Special cause — improving",
        SpcVariation.Concern => "Special cause — concerning",
        SpcVariation.Neutral => "Special cause — neither better nor worse",
    };

    /// <summary>
    /// "Met (target 1,200)", "Not met (target 1,200)", "No target": the latest 12 months against the link's target in its
    /// better direction; a target with no better direction is not judged.
    /// </summary>
    public string TargetStatus
    {
        get
        {
            if (Target is not { } target)
            {
                return "No target";
            }

            var stated = $"(target {Figures.Number(target, target == decimal.Truncate(target) ? 0 : 1)})";
            if (Rolling is null)
            {
                return "No figures " + stated;
            }

            var met = Better switch
            {
                BetterDirection.Lower => Rolling.Latest <= target,
                BetterDirection.Higher => Rolling.Latest >= target,
                BetterDirection.Neither => (bool?)null,
            };
            return met switch
            {
                true => "Met " + stated,
                false => "Not met " + stated,
                null => "Not judged: no better direction " + stated,
            };
        }
    }
}
