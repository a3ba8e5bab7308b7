using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Performance;

/// <summary>A measure held by quarter or by financial year, for an area: its values oldest first.</summary>
/// <param name="Measure">The measure.</param>
/// <param name="Area">The area's name.</param>
/// <param name="Kind">The period the values cover: <see cref="PeriodKind.Quarter"/> or <see cref="PeriodKind.FinancialYear"/>.</param>
/// <param name="Points">The values, oldest first.</param>
public sealed record PeriodSeries(Measure Measure, string Area, PeriodKind Kind, IReadOnlyList<PeriodValue> Points)
{
    /// <summary>"quarter" or "financial year".</summary>
    public string PeriodName => Kind == PeriodKind.Quarter ? "quarter" : "financial year";
}
