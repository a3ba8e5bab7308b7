using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.Performance;

/// <summary>
/// One value of a measure for an area and a period: 412 residential burglaries in Colchester in September 2023.
/// Counts are whole numbers; rates keep their numerator and denominator and the value is the percentage.
/// The period is a month, or the first month of a quarter or financial year (see <see cref="Kind"/>).
/// </summary>
public sealed class Observation
{
    private Observation()
    {
    }

    /// <summary>Records a value.</summary>
    /// <exception cref="DomainException">A count that is negative or not whole; a rate whose denominator is not positive.</exception>
    public Observation(Measure measure, Area area, PeriodKind kind, ReportingMonth period, decimal value, decimal? numerator = null, decimal? denominator = null)
    {
        if (measure.Kind == MeasureKind.Count && (value < 0 || value != decimal.Truncate(value)))
        {
            throw new DomainException($"{measure.Name} is a count: {value} is not a whole number of 0 or more.");
        }

        if ((numerator is null) != (denominator is null))
        {
            throw new DomainException($"{measure.Name}: a rate needs both a numerator and a denominator.");
        }

        if (denominator is <= 0)
        {
            throw new DomainException($"{measure.Name}: the denominator must be more than 0.");
        }

        Measure = measure;
        Area = area;
        Kind = kind;
        Period = PeriodStart(kind, period);
        Value = value;
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>Store key.</summary>
    public long Id { get; private set; }

    /// <summary>The measure's key.</summary>
    public int MeasureId { get; private set; }

    /// <summary>The measure.</summary>
    public Measure Measure { get; private set; } = null!;

    /// <summary>The area's key.</summary>
    public int AreaId { get; private set; }

    /// <summary>The area.</summary>
    public Area Area { get; private set; } = null!;

    /// <summary>Month, quarter or financial year.</summary>
    public PeriodKind Kind { get; private set; }

    /// <summary>The month, or the first month of the quarter or financial year.</summary>
    public ReportingMonth Period { get; private set; }

    /// <summary>The value (a rate's percentage: numerator / denominator × 100).</summary>
    public decimal Value { get; private set; }

    /// <summary>A rate's numerator; null otherwise.</summary>
    public decimal? Numerator { get; private set; }

    /// <summary>A rate's denominator; null otherwise.</summary>
    public decimal? Denominator { get; private set; }

    /// <summary>The first month of the period of <paramref name="kind"/> containing <paramref name="month"/>.</summary>
    public static ReportingMonth PeriodStart(PeriodKind kind, ReportingMonth month) => kind switch
    {
        PeriodKind.Month => month,
        PeriodKind.Quarter => month.FinancialQuarter.FirstMonth,
        PeriodKind.FinancialYear => month.FinancialYear.FirstMonth,
    };
}
